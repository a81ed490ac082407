package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.LipSync;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One output of each local adapter, through the capability registry as the service binds them, written to
 * {@code target/media-gallery/} with an {@code index.html} for a person to look at.
 */
class MediaGalleryTest {

    @Test
    void everyAdapterWritesAnOutputToTheGallery() throws Exception {
        Map<Capability, String> bindings = new EnumMap<>(Capability.class);
        LocalMedia local = new LocalMedia();
        local.capabilities().forEach(c -> bindings.put(c, LocalMedia.NAME));
        CapabilityRegistry registry = CapabilityRegistry.bind(bindings, List.of(local));
        Path dir = Path.of("target", "media-gallery");
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder(
                "<!doctype html><meta charset=utf-8><title>Campaign Studio: local media gallery</title>"
                        + "<style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;vertical-align:top;margin:1em}"
                        + "img,video{max-height:360px;border:1px solid #ccc}pre{max-width:40em;white-space:pre-wrap}</style>"
                        + "<h1>Local media adapters</h1>");
        html.append("<p>adapter version ").append(local.version()).append("</p>");

        SyntheticPhotos.Photo photo = SyntheticPhotos.bottleOnTexture(480, 640, new Color(20, 130, 140), 1);
        ProductAnalysis analysis = registry.port(Capability.PRODUCT_ANALYSIS, ProductAnalysis.class)
                .orElseThrow();
        ProductAnalysis.CutOut cut = analysis.cutOut(Images.jpeg(photo.photo()));
        write(dir, "photo.jpg", Images.jpeg(photo.photo()), html, "img", "product_analysis: source photo");
        write(
                dir,
                "cutout.png",
                cut.png().data(),
                html,
                "img",
                "product_analysis: cut-out (IoU-tested against the known mask)");
        ProductAnalysis.ProductFacts facts = analysis.analyze(new ProductAnalysis.AnalysisRequest(
                cut.png().data(), "Aurora Bottle", Map.of("brand", "Aurora"), "Summer launch"));
        text(html, "product_analysis: facts", facts.toString());

        ImageGeneration images =
                registry.port(Capability.IMAGE, ImageGeneration.class).orElseThrow();
        List<String> palette = facts.palette().stream().map(p -> p.hex()).toList();
        ImageGeneration.SceneImage scene = images.generate(new ImageGeneration.ImageRequest(
                cut.png().data(),
                palette,
                "Cold for 24 hours",
                null,
                Aspect.PORTRAIT_9_16,
                640,
                Style.OUTDOOR,
                Presentation.PRODUCT_ONLY,
                1,
                0.4,
                null));
        write(dir, "scene.png", scene.image().data(), html, "img", "image: scene");
        ImageGeneration.SceneImage withModel = images.generate(new ImageGeneration.ImageRequest(
                cut.png().data(),
                palette,
                "Made for summer",
                null,
                Aspect.SQUARE_1_1,
                640,
                Style.STUDIO,
                Presentation.WITH_MODEL,
                2,
                0.4,
                null));
        write(dir, "scene-with-model.png", withModel.image().data(), html, "img", "image: with_model");

        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("brand", "Aurora");
        shown.put("category", facts.category());
        shown.put("colors", "teal, white");
        byte[] secondView = Images.png(SyntheticPhotos.bottleOnTexture(300, 400, new Color(20, 130, 140), 2)
                .product());
        MediaFile sheet = images.sheet(new ImageGeneration.SheetRequest(
                "Aurora Bottle", List.of(cut.png().data(), secondView), facts.palette(), shown, 1280));
        write(dir, "sheet.png", sheet.data(), html, "img", "image: character sheet");
        MediaFile contactSheet = images.contactSheet(new ImageGeneration.ContactSheetRequest(
                "Aurora Bottle · Summer launch",
                List.of(
                        new ImageGeneration.Tile(scene.image().data(), "scene 1 · 9:16 · outdoor"),
                        new ImageGeneration.Tile(withModel.image().data(), "scene 2 · 1:1 · with model"),
                        new ImageGeneration.Tile(sheet.data(), "character sheet · 16:9")),
                1280));
        write(dir, "contact-sheet.png", contactSheet.data(), html, "img", "image: contact sheet");

        FidelityCheck.FidelityScore score = registry.port(Capability.FIDELITY, FidelityCheck.class)
                .orElseThrow()
                .score(new FidelityCheck.FidelityRequest(
                        cut.png().data(), scene.image().data()));
        text(html, "fidelity of the scene", score.toString());

        MediaFile clip = registry.port(Capability.VIDEO, VideoGeneration.class)
                .orElseThrow()
                .animate(new VideoGeneration.VideoRequest(
                        scene, cut.png().data(), 360, 640, 2_000, 30, CameraMove.PARALLAX, 1));
        write(dir, "clip.mp4", clip.data(), html, "video", "video: parallax clip");

        ScriptWriting.Script script = registry.port(Capability.SCRIPT, ScriptWriting.class)
                .orElseThrow()
                .write(new ScriptWriting.ScriptRequest(
                        "Aurora Bottle", facts, "Summer launch: beach vibes", null, 3, 10, "en", 1));
        text(html, "script", script.toString());
        StoryboardWriting.Storyboard board = registry.port(Capability.STORYBOARD, StoryboardWriting.class)
                .orElseThrow()
                .plan(new StoryboardWriting.StoryboardRequest(
                        "Aurora Bottle", facts, "Summer launch", 3, 6_000, Style.AUTO, 1));
        text(html, "storyboard", board.toString());
        StoryboardWriting.Storyboard onBeat = registry.port(Capability.STORYBOARD, StoryboardWriting.class)
                .orElseThrow()
                .plan(new StoryboardWriting.StoryboardRequest(
                        "Aurora Bottle", facts, "Summer launch", 4, 7_000, Style.AUTO, 1, 500));
        text(html, "storyboard on a 120 bpm beat (500 ms)", onBeat.toString());
        List<StoryboardWriting.Concept> concepts = registry.port(Capability.STORYBOARD, StoryboardWriting.class)
                .orElseThrow()
                .concepts(new StoryboardWriting.ConceptRequest(
                        "Aurora Bottle",
                        facts,
                        Map.of("brand", "Aurora", "price", "$24"),
                        "Summer launch: beach vibes",
                        4,
                        1));
        StringBuilder seeds = new StringBuilder();
        concepts.forEach(c -> seeds.append(c.angle())
                .append(": ")
                .append(c.title())
                .append("\n  ")
                .append(c.hook())
                .append("\n  ")
                .append(String.join("; ", c.sceneIdeas()))
                .append(" (")
                .append(c.style().wire())
                .append(")\n"));
        text(html, "storyboard: concepts", seeds.toString());

        SpeechSynthesis.Speech speech = registry.port(Capability.AUDIO, SpeechSynthesis.class)
                .orElseThrow()
                .speak(new SpeechSynthesis.SpeechRequest(script.text(), "default", "en"));
        write(dir, "voice.wav", speech.wav().data(), html, "audio", "audio: speech");
        text(html, "audio: word timings", speech.words().toString());

        MediaFile talking = registry.port(Capability.LIP_SYNC, LipSync.class)
                .orElseThrow()
                .animate(new LipSync.LipSyncRequest(speech, 360, 640, 30, palette, 1));
        write(dir, "presenter.mp4", talking.data(), html, "video", "lip_sync: presenter");

        ScriptWriting writing =
                registry.port(Capability.SCRIPT, ScriptWriting.class).orElseThrow();
        ScriptWriting.Brief brief = writing.interpret(new ScriptWriting.BriefRequest(
                "Aurora Bottle", facts, "A runner showing it off after her morning run at the beach", "en", 1));
        ScriptWriting.UgcScript ugc =
                writing.ugcScript(new ScriptWriting.UgcScriptRequest("Aurora Bottle", facts, brief, 4, 15, "en", 1));
        StringBuilder shots = new StringBuilder(brief.toString()).append("\n");
        ugc.shots()
                .forEach(s -> shots.append(s.order())
                        .append(". ")
                        .append(s.kind().wire())
                        .append(": ")
                        .append(s.line())
                        .append("\n   [")
                        .append(s.direction())
                        .append("]\n"));
        text(html, "script: UGC brief and shots", shots.toString());
        SpeechSynthesis.Speech hook = registry.port(Capability.AUDIO, SpeechSynthesis.class)
                .orElseThrow()
                .speak(new SpeechSynthesis.SpeechRequest(brief.hook(), "default", "en"));
        MediaFile holding = registry.port(Capability.LIP_SYNC, LipSync.class)
                .orElseThrow()
                .animate(new LipSync.LipSyncRequest(
                        hook, 360, 640, 30, palette, 1, cut.png().data()));
        write(
                dir,
                "presenter-with-product.mp4",
                holding.data(),
                html,
                "video",
                "lip_sync: presenter holding the product, saying the hook");
        write(
                dir,
                "presenter-with-product.png",
                Images.png(Probe.of(holding.data()).sampledFrames().get(0)),
                html,
                "img",
                "lip_sync: a decoded frame of it");

        List<TimedText> captions = speech.sentences();
        MediaFile stitched = registry.port(Capability.STITCH, Stitching.class)
                .orElseThrow()
                .stitch(new Stitching.StitchRequest(
                        List.of(clip, clip, clip),
                        360,
                        640,
                        30,
                        300,
                        speech.wav(),
                        captions,
                        true,
                        "Aurora Bottle",
                        1_000,
                        1));
        write(dir, "stitched.mp4", stitched.data(), html, "video", "stitch: clips, voice, music, captions, end card");

        SpeechSynthesis.Speech line = registry.port(Capability.AUDIO, SpeechSynthesis.class)
                .orElseThrow()
                .speak(new SpeechSynthesis.SpeechRequest("Okay, you need to see this bottle.", "default", "en"));
        MediaFile selfieTake = registry.port(Capability.LIP_SYNC, LipSync.class)
                .orElseThrow()
                .animate(new LipSync.LipSyncRequest(line, 360, 640, 30, palette, 2));
        long secondTake = selfieTake.durationMs() + clip.durationMs();
        List<TimedText> spoken = new ArrayList<>(line.sentences());
        line.sentences()
                .forEach(s -> spoken.add(new TimedText(s.text(), s.startMs() + secondTake, s.endMs() + secondTake)));
        MediaFile social = registry.port(Capability.STITCH, Stitching.class)
                .orElseThrow()
                .stitch(new Stitching.StitchRequest(
                        List.of(selfieTake, clip, selfieTake),
                        360,
                        640,
                        30,
                        0,
                        null,
                        spoken,
                        true,
                        "Aurora Bottle",
                        800,
                        3,
                        true,
                        120,
                        Stitching.CaptionStyle.BOLD,
                        List.of(new TimedText("Wait for the last one", 0, 2_000)),
                        Stitching.Framing.SELFIE));
        write(
                dir,
                "stitched-social.mp4",
                social.data(),
                html,
                "video",
                "stitch: selfie framing with jump cuts, bold captions, a hook overlay, the presenter's own sound, music at 120 bpm");

        Path index = dir.resolve("index.html");
        Files.writeString(index, html.toString(), StandardCharsets.UTF_8);
        String written = Files.readString(index);
        assertThat(local.version())
                .as("the local adapters version their outputs")
                .isEqualTo(LocalMedia.VERSION)
                .isNotEqualTo("1");
        assertThat(concepts).hasSize(4);
        assertThat(Images.decode(Files.readAllBytes(dir.resolve("sheet.png"))).getWidth())
                .isEqualTo(1280);
        assertThat(Images.decode(Files.readAllBytes(dir.resolve("contact-sheet.png")))
                        .getWidth())
                .isEqualTo(1280);
        assertThat(ugc.shots()).hasSize(4);
        for (String file : List.of(
                "cutout.png",
                "sheet.png",
                "contact-sheet.png",
                "scene.png",
                "clip.mp4",
                "voice.wav",
                "presenter.mp4",
                "presenter-with-product.mp4",
                "presenter-with-product.png",
                "stitched.mp4",
                "stitched-social.mp4")) {
            assertThat(written).contains(file);
            assertThat(Files.size(dir.resolve(file))).isPositive();
        }
        assertThat(Probe.of(Files.readAllBytes(dir.resolve("stitched.mp4"))).audioCodec())
                .isEqualTo("aac");
        assertThat(Probe.of(social.data()).durationSeconds() * 1_000)
                .isCloseTo(2.0 * selfieTake.durationMs() + clip.durationMs() + 800, within(34.0));
    }

    private static void write(Path dir, String name, byte[] data, StringBuilder html, String tag, String caption)
            throws Exception {
        Files.write(dir.resolve(name), data);
        String element = switch (tag) {
            case "video" -> "<video controls src=\"" + name + "\"></video>";
            case "audio" -> "<audio controls src=\"" + name + "\"></audio>";
            default -> "<img src=\"" + name + "\" alt=\"" + caption + "\">";
        };
        html.append("<figure>")
                .append(element)
                .append("<figcaption>")
                .append(caption)
                .append("</figcaption></figure>");
    }

    private static void text(StringBuilder html, String caption, String value) {
        html.append("<figure><figcaption>")
                .append(caption)
                .append("</figcaption><pre>")
                .append(value.replace("&", "&amp;").replace("<", "&lt;"))
                .append("</pre></figure>");
    }
}
