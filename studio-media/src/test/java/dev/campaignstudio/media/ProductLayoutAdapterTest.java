package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.Stitching.CaptionStyle;
import dev.campaignstudio.core.capability.Stitching.Framing;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text never covers the product: in bundle images (the headline) and in the frames of each mode's assembly (captions,
 * the UGC hook, the end card), the boxes the renderers drew text in are checked against the product's box as located
 * in the decoded picture, independently of where the renderers placed it.
 */
class ProductLayoutAdapterTest {

    private static final int FPS = 12;
    private static final int WIDTH = 288;
    private static final int HEIGHT = 512;
    /** The least correlation the test takes as the product being in a frame. */
    private static final double FOUND = 0.6;

    private final byte[] product = MediaFixtures.product();
    private BufferedImage cutOut;

    @BeforeEach
    void cutOut() throws Exception {
        cutOut = SceneRenderer.trimmed(Images.decode(product));
    }

    @Test
    void bundleHeadlinesStayAboveTheProductInEveryAspect() throws Exception {
        int checked = 0;
        for (Aspect aspect :
                List.of(Aspect.SQUARE_1_1, Aspect.PORTRAIT_4_5, Aspect.PORTRAIT_9_16, Aspect.LANDSCAPE_16_9)) {
            for (long seed = 0; seed < 3; seed++) {
                List<Rectangle> texts = new ArrayList<>();
                String headline = seed == 2
                        ? "A much longer headline that needs three lines to say what it says"
                        : "Cold for 24 hours";
                SceneImage scene = new SceneRenderer()
                        .render(
                                new ImageRequest(
                                        product,
                                        MediaFixtures.PALETTE,
                                        headline,
                                        null,
                                        aspect,
                                        512,
                                        Style.values()[1 + (int) seed % 5],
                                        seed == 1 ? Presentation.WITH_MODEL : Presentation.PRODUCT_ONLY,
                                        seed,
                                        0.4,
                                        new Constraints(false, seed == 2 ? 0.6 : 0, 1)),
                                (ms, box) -> texts.add(box));
                BufferedImage image = Images.decode(scene.image().data());
                Box found = FidelityScorer.located(cutOut, image, FOUND);
                assertThat(found)
                        .as("%s seed %d: the product is found", aspect, seed)
                        .isNotNull();
                assertThat(texts).as("the headline was drawn").hasSize(1);
                assertClear(texts, rectangle(found), aspect + " seed " + seed);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void fastVideoCaptionsAndTheEndCardStayClearOfTheProduct() throws Exception {
        List<MediaFile> clips = new ArrayList<>();
        List<TimedText> captions = new ArrayList<>();
        CameraMove[] moves = {CameraMove.ZOOM_IN, CameraMove.PAN_RIGHT, CameraMove.PARALLAX, CameraMove.ZOOM_OUT};
        String[] texts = {"Summer ready", "Made to last and built for every single day", "Look closer", "Aurora Bottle"
        };
        for (int i = 0; i < moves.length; i++) {
            clips.add(clip(productScene(i, Presentation.PRODUCT_ONLY), moves[i], 1_250));
            captions.add(new TimedText(texts[i], i * 1_000L, (i + 1) * 1_000L));
        }
        StitchRequest request = new StitchRequest(
                        clips,
                        WIDTH,
                        HEIGHT,
                        FPS,
                        250,
                        null,
                        captions,
                        false,
                        "Aurora Bottle",
                        1_500,
                        3,
                        false,
                        120,
                        CaptionStyle.SUBTITLE,
                        List.of(),
                        Framing.STEADY)
                .withProduct(MediaFile.image(product, "image/png", 1, 1), "Shop now");
        Checked checked = stitchAndCheck(request);
        assertThat(checked.framesWithBoth())
                .as("frames where the product and text were both on screen")
                .isGreaterThan(10);
        BufferedImage card = checked.frames().get(checked.frames().size() - 2);
        assertThat(FidelityScorer.located(cutOut, card, FOUND))
                .as("the end card shows the product")
                .isNotNull();
        assertThat(checked.texts().get(checked.timeOf(checked.frames().size() - 2)))
                .as("name and call to action")
                .hasSize(2);
        assertThat(meanLuma(card)).as("a light card, not a black frame").isGreaterThan(150);
    }

    @Test
    void scriptVideoWordCaptionsStayClearOfTheProduct() throws Exception {
        List<MediaFile> clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Presentation presentation = i % 2 == 0 ? Presentation.PRODUCT_ONLY : Presentation.WITH_MODEL;
            clips.add(
                    clip(productScene(10 + i, presentation), i == 1 ? CameraMove.ZOOM_IN : CameraMove.PAN_LEFT, 1_300));
        }
        List<TimedText> captions = new ArrayList<>();
        String[] phrases = {
            "Meet the Aurora",
            "Bottle. Its teal",
            "finish turns heads.",
            "Get yours",
            "today, and take it",
            "everywhere you go."
        };
        for (int i = 0; i < phrases.length; i++) {
            captions.add(new TimedText(phrases[i], i * 560L, (i + 1) * 560L));
        }
        StitchRequest request = new StitchRequest(
                        clips,
                        WIDTH,
                        HEIGHT,
                        FPS,
                        300,
                        null,
                        captions,
                        false,
                        null,
                        0,
                        5,
                        false,
                        0,
                        CaptionStyle.SUBTITLE,
                        List.of(),
                        Framing.STEADY)
                .withProduct(MediaFile.image(product, "image/png", 1, 1), null);
        assertThat(stitchAndCheck(request).framesWithBoth()).isGreaterThan(8);
    }

    @Test
    void ugcBoldCaptionsAndTheHookStayClearOfTheProduct() throws Exception {
        Speech speech = new FreeTtsSpeech().speak(new SpeechRequest("So here is the thing.", "default", "en"));
        MediaFile talking = new DrawnPresenterLipSync()
                .animate(new LipSyncRequest(speech, WIDTH, HEIGHT, FPS, MediaFixtures.PALETTE, 1));
        MediaFile closeUp = clip(productScene(20, Presentation.PRODUCT_ONLY), CameraMove.ZOOM_IN, 1_400);
        MediaFile holding = new DrawnPresenterLipSync()
                .animate(new LipSyncRequest(speech, WIDTH, HEIGHT, FPS, MediaFixtures.PALETTE, 2, product));
        List<MediaFile> clips = List.of(talking, closeUp, holding);
        long total = clips.stream()
                .mapToLong(c -> c.durationMs() == null ? 0 : c.durationMs())
                .sum();
        List<TimedText> captions = new ArrayList<>();
        String[] phrases = {"So here is", "the thing.", "Look at this", "teal finish.", "Go get yours,", "seriously."};
        for (int i = 0; i < phrases.length; i++) {
            captions.add(new TimedText(phrases[i], i * total / phrases.length, (i + 1) * total / phrases.length));
        }
        StitchRequest request = new StitchRequest(
                        clips,
                        WIDTH,
                        HEIGHT,
                        FPS,
                        0,
                        null,
                        captions,
                        false,
                        null,
                        0,
                        9,
                        false,
                        0,
                        CaptionStyle.BOLD,
                        List.of(new TimedText("I can't stop using this.", 0, 2_000)),
                        Framing.SELFIE)
                .withProduct(MediaFile.image(product, "image/png", 1, 1), null);
        assertThat(stitchAndCheck(request).framesWithBoth()).isGreaterThan(5);
    }

    /** Stitches with a text log, decodes the video, and checks every other frame where the product is found. */
    private Checked stitchAndCheck(StitchRequest request) throws Exception {
        Map<Long, List<Rectangle>> texts = new TreeMap<>();
        MediaFile video = new FfmpegStitcher((ms, box) ->
                        texts.computeIfAbsent(ms, t -> new ArrayList<>()).add(box))
                .stitch(request);
        List<BufferedImage> frames = ClipFixture.frames(video.data());
        assertThat(frames).isNotEmpty();
        int both = 0;
        for (int i = 0; i < frames.size(); i += 2) {
            List<Rectangle> drawn = texts.getOrDefault(i * 1000L / FPS, List.of());
            if (drawn.isEmpty()) {
                continue;
            }
            Box found = FidelityScorer.located(cutOut, frames.get(i), FOUND);
            if (found != null) {
                assertClear(drawn, rectangle(found), "frame " + i);
                both++;
            }
        }
        return new Checked(frames, texts, both);
    }

    private record Checked(List<BufferedImage> frames, Map<Long, List<Rectangle>> texts, int framesWithBoth) {
        long timeOf(int frame) {
            return frame * 1000L / FPS;
        }
    }

    private static void assertClear(List<Rectangle> texts, Rectangle product, String where) {
        for (Rectangle text : texts) {
            assertThat(text.intersects(product))
                    .as("%s: text %s meets the product at %s", where, text, product)
                    .isFalse();
        }
    }

    private SceneImage productScene(long seed, Presentation presentation) throws Exception {
        return new SceneRenderer()
                .render(new ImageRequest(
                        product,
                        MediaFixtures.PALETTE,
                        null,
                        null,
                        Aspect.PORTRAIT_9_16,
                        HEIGHT,
                        Style.values()[1 + (int) (seed % 5)],
                        presentation,
                        seed,
                        0.3,
                        Constraints.NONE));
    }

    private static MediaFile clip(SceneImage scene, CameraMove move, long ms) throws Exception {
        return new CameraMotionVideo()
                .animate(new VideoRequest(scene, MediaFixtures.product(), WIDTH, HEIGHT, ms, FPS, move, 1));
    }

    private static Rectangle rectangle(Box box) {
        return new Rectangle(box.x(), box.y(), box.width(), box.height());
    }

    private static double meanLuma(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
            }
        }
        return sum / ((image.getHeight() + 3) / 4 * ((image.getWidth() + 3) / 4));
    }
}
