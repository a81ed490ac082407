package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The presenter holding up a product, decoded from the MP4: where it is, how large, in its own colours. */
class DrawnPresenterLipSyncTest {

    private static final Color MAGENTA = new Color(220, 30, 200);
    private static Speech speech;

    private final DrawnPresenterLipSync lipSync = new DrawnPresenterLipSync();

    @BeforeAll
    static void speak() throws Exception {
        speech = new FreeTtsSpeech().speak(new SpeechRequest("Look at this.", "default", "en"));
    }

    @Test
    void aGivenProductIsHeldUpBesideTheFaceAtTwoFifthsOfTheFrameHeightInItsOwnColour() throws Exception {
        byte[] product = Images.png(block(60, 150, MAGENTA));
        Probe probe =
                Probe.of(lipSync.animate(new LipSyncRequest(speech, 180, 320, 30, MediaFixtures.PALETTE, 4, product))
                        .data());
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.durationSeconds()).isCloseTo(speech.wav().durationMs() / 1000.0, within(0.1));
        for (BufferedImage frame : probe.sampledFrames()) {
            Box found = bounds(frame, MAGENTA);
            assertThat(found.height() / 320.0).as("height share %s", found).isBetween(0.35, 0.45);
            assertThat((double) found.width() / found.height())
                    .as("aspect kept")
                    .isCloseTo(60 / 150.0, within(0.05));
            assertThat(near(frame, found, MAGENTA))
                    .as("the product's pixels keep their colour")
                    .isGreaterThan(0.9);
            assertThat(found.x()).as("beside the face, right of the centre").isGreaterThan(180 / 2);
            assertThat(SheetLayout.right(found)).as("inside the frame").isLessThanOrEqualTo(180);
            assertThat(found.y() + found.height() / 2.0)
                    .as("at face-to-shoulder height")
                    .isBetween(320 * 0.3, 320 * 0.7);
        }
    }

    @Test
    void withoutAProductNothingIsHeld() throws Exception {
        Probe probe = Probe.of(lipSync.animate(new LipSyncRequest(speech, 180, 320, 30, MediaFixtures.PALETTE, 4))
                .data());
        BufferedImage frame = probe.sampledFrames().get(0);
        assertThat(near(frame, new Box(0, 0, 180, 320), MAGENTA)).isLessThan(0.001);
    }

    @Test
    void aHeldProductScoresAsFaithfulAgainstItsReference() throws Exception {
        byte[] reference = MediaFixtures.product();
        BufferedImage still =
                lipSync.still(new LipSyncRequest(speech, 360, 640, 30, MediaFixtures.PALETTE, 2, reference));
        FidelityScore score = new FidelityScorer().score(new FidelityRequest(reference, Images.png(still)));
        assertThat(score.score()).as("%s", score).isGreaterThanOrEqualTo(0.85);
        assertThat(score.found().height() / 640.0).as("%s", score.found()).isBetween(0.35, 0.45);
        assertThat(score.found().x()).as("right of the centre, beside the face").isGreaterThan(180);
    }

    @Test
    void aProductThatDoesNotDecodeIsUnreadable() {
        byte[] junk = "not a picture".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(
                        () -> lipSync.animate(new LipSyncRequest(speech, 180, 320, 30, MediaFixtures.PALETTE, 4, junk)))
                .isInstanceOfSatisfying(
                        StepFault.class, f -> assertThat(f.code()).isEqualTo("SOURCE_UNREADABLE"));
    }

    /** A {@code w} x {@code h} rounded block of {@code colour}, in a transparent margin. */
    private static BufferedImage block(int w, int h, Color colour) {
        BufferedImage image = new BufferedImage(w + 20, h + 20, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRoundRect(10, 10, w, h, 8, 8);
        g.dispose();
        return image;
    }

    private static boolean close(int rgb, Color colour) {
        return Math.abs((rgb >> 16 & 0xFF) - colour.getRed())
                        + Math.abs((rgb >> 8 & 0xFF) - colour.getGreen())
                        + Math.abs((rgb & 0xFF) - colour.getBlue())
                < 60;
    }

    /** The bounds of the pixels close to {@code colour}, ignoring rows and columns with only a stray few. */
    private static Box bounds(BufferedImage frame, Color colour) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < frame.getHeight(); y++) {
            for (int x = 0; x < frame.getWidth(); x++) {
                if (close(frame.getRGB(x, y), colour)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("some pixels of the colour").isGreaterThanOrEqualTo(0);
        return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Share of the pixels in {@code box} close to {@code colour}. */
    private static double near(BufferedImage frame, Box box, Color colour) {
        long near = 0;
        for (int y = box.y(); y < SheetLayout.bottom(box); y++) {
            for (int x = box.x(); x < SheetLayout.right(box); x++) {
                near += close(frame.getRGB(x, y), colour) ? 1 : 0;
            }
        }
        return (double) near / box.area();
    }
}
