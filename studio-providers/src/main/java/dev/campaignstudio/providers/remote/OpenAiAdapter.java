package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code openai} adapter: any server that speaks the OpenAI API. {@code image} through {@code /v1/images/edits},
 * with the product's neutral cut-out as the image to edit, so the product stays the product, and its character sheet
 * as a second {@code image[]} reference when the request has one (or
 * {@code /v1/images/generations} when configured so, without a reference); {@code audio} through
 * {@code /v1/audio/speech} as WAV; {@code script}, {@code storyboard} and the text part of {@code product_analysis}
 * (category, keywords) through chat completions with a JSON schema for the answer ({@link OpenAiText}). What is
 * measured or laid out rather than written stays with the {@code local} adapter: character and contact sheets, a
 * supplied script's segmentation, the cut-out and the palette, and a storyboard's timings (whole beats). Keys come from
 * configuration only and never appear in errors.
 */
public final class OpenAiAdapter
        implements CapabilityAdapter,
                ImageGeneration,
                SpeechSynthesis,
                ScriptWriting,
                StoryboardWriting,
                ProductAnalysis {

    /** The name configuration binds capabilities to. */
    public static final String NAME = "openai";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderClient client;
    private final ImageGeneration layouts;
    private final ScriptWriting scripts;
    private final ProductAnalysis pixels;
    private final OpenAiText text;
    private final boolean edits;

    /**
     * @param client  the resilient client for the configured server
     * @param layouts draws character and contact sheets
     * @param scripts segments a supplied script
     * @param pixels  cuts out and measures the product (palette, brightness, aspect)
     * @param edits   whether scene images go through edits with the cut-out (else generations)
     */
    public OpenAiAdapter(
            ProviderClient client,
            ImageGeneration layouts,
            ScriptWriting scripts,
            ProductAnalysis pixels,
            boolean edits) {
        this.client = client;
        this.layouts = layouts;
        this.scripts = scripts;
        this.pixels = pixels;
        this.text = new OpenAiText(client);
        this.edits = edits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return String.join(
                "+",
                client.settings().model("image", "gpt-image-1"),
                client.settings().model("audio", "gpt-4o-mini-tts"),
                client.settings().model("script", "gpt-4o-mini"),
                client.settings().model("storyboard", "gpt-4o-mini"),
                client.settings().model("product_analysis", "gpt-4o-mini"));
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.IMAGE,
                Capability.AUDIO,
                Capability.SCRIPT,
                Capability.STORYBOARD,
                Capability.PRODUCT_ANALYSIS);
    }

    /** Every try of one call may take the read timeout: that many tries. */
    @Override
    public java.util.Optional<java.time.Duration> deadline(Capability capability) {
        return capabilities().contains(capability)
                ? java.util.Optional.of(client.settings()
                        .readTimeout()
                        .multipliedBy(client.settings().maxAttempts()))
                : java.util.Optional.empty();
    }

    @Override
    public SceneImage generate(ImageRequest request) throws StepFault {
        String model = client.settings().model("image", "gpt-image-1");
        String size = size(request.aspect());
        String prompt = prompt(request);
        byte[] body;
        if (edits) {
            String boundary = "studio-" + UUID.randomUUID();
            Multipart form = new Multipart(boundary)
                    .field("model", model)
                    .field("prompt", prompt)
                    .field("size", size)
                    .field("n", "1");
            if (request.sheetPng() == null) {
                form.file("image", "product.png", "image/png", request.productPng());
            } else {
                // several reference images go as image[] parts (gpt-image models): the cut-out first, then the sheet
                form.file("image[]", "product.png", "image/png", request.productPng())
                        .file("image[]", "character-sheet.png", "image/png", request.sheetPng());
            }
            byte[] bytes = form.bytes();
            body = client.send(
                    "images/edits",
                    model,
                    attempt -> client.request("/v1/images/edits")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build());
        } else {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("prompt", prompt);
            json.put("size", size);
            json.put("n", 1);
            byte[] bytes = JSON.writeValueAsBytes(json);
            body = client.send(
                    "images/generations",
                    model,
                    attempt -> client.request("/v1/images/generations")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build());
        }
        byte[] image = firstImage(body);
        ImageInfo info = MediaFacts.image(image, NAME);
        MediaFile file = MediaFile.image(image, info.format().mediaType(), info.width(), info.height());
        // the API does not say where the product is: the middle of the frame, as the prompt asks; the fidelity check
        // finds it
        Box middle = new Box(info.width() / 4, info.height() / 4, info.width() / 2, info.height() / 2);
        return new SceneImage(file, file, middle);
    }

    private byte[] firstImage(byte[] body) throws StepFault {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (RuntimeException malformed) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered images with malformed JSON");
        }
        Map<String, Number> usage = OpenAiText.usage(tree.path("usage"), "input_tokens", "output_tokens");
        client.report("image", null, null, usage);
        JsonNode first = tree.path("data").path(0);
        if (first.path("b64_json").isString()) {
            try {
                return Base64.getDecoder().decode(first.get("b64_json").asString());
            } catch (IllegalArgumentException bad) {
                throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered an image that is not base64");
            }
        }
        if (first.path("url").isString()) {
            // dall-e models answer URLs unless asked otherwise; the models this adapter is for answer base64
            throw StepFault.permanent(
                    "PROVIDER_ERROR", NAME + " answered an image URL, not base64 (use a gpt-image model)");
        }
        throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered without an image (data[0].b64_json)");
    }

    /** The scene as words: the campaign, the look, what to keep, and the text to set. */
    static String prompt(ImageRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(
                "Product advertising photo. Keep the product in the reference image exactly as it is: same shape, proportions, colours,"
                        + " label and details; place it "
                        + (request.presentation() == Presentation.PRODUCT_ONLY ? "alone" : "with a presenter")
                        + " in a " + request.style().wire() + " scene, in the middle of the frame, fully visible.");
        if (request.sheetPng() != null) {
            parts.add("The second image is the product's character sheet (its other views, colours and facts):"
                    + " a reference only, not part of the scene.");
        }
        if (request.prompt() != null && !request.prompt().isBlank()) {
            parts.add("Campaign: " + request.prompt().trim());
        }
        if (request.shot() != null) {
            parts.add(ScenePrompts.shot(request.shot()));
        }
        if (request.headline() != null && !request.headline().isBlank()) {
            parts.add("Headline text at the top: \"" + request.headline().trim() + "\".");
        }
        if (request.constraints().lockPalette()) {
            parts.add("Use the product's own colours; no tint or colour grading on it: "
                    + String.join(", ", request.palette()) + ".");
        }
        if (request.constraints().minProductShare() > 0) {
            parts.add(String.format(
                    Locale.ROOT,
                    "The product fills at least %.0f%% of the frame height.",
                    request.constraints().minProductShare() * 100));
        }
        if (request.constraints().stylisation() < 0.5) {
            parts.add("Do not stylise the product.");
        }
        return String.join("\n", parts);
    }

    /** The API's sizes: square, portrait or landscape. */
    static String size(Aspect aspect) {
        double ratio = (double) aspect.widthPart() / aspect.heightPart();
        return ratio > 1.1 ? "1536x1024" : ratio < 0.9 ? "1024x1536" : "1024x1024";
    }

    @Override
    public MediaFile sheet(SheetRequest request) throws StepFault {
        return layouts.sheet(request);
    }

    @Override
    public MediaFile contactSheet(ContactSheetRequest request) throws StepFault {
        return layouts.contactSheet(request);
    }

    @Override
    public Speech speak(SpeechRequest request) throws StepFault {
        String model = client.settings().model("audio", "gpt-4o-mini-tts");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("input", request.text());
        json.put(
                "voice",
                "default".equals(request.voice()) ? client.settings().model("voice", "alloy") : request.voice());
        json.put("response_format", "wav");
        byte[] bytes = JSON.writeValueAsBytes(json);
        byte[] wav = client.send(
                "audio/speech",
                model,
                attempt -> client.request("/v1/audio/speech")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build());
        // the API reports no usage for speech: it is billed by the characters of the input
        Map<String, Number> usage = Map.of("characters", request.text().length());
        client.report("audio", null, null, usage);
        long millis = MediaFacts.wavMillis(wav, NAME);
        List<TimedText> words = spread(request.text(), millis);
        List<TimedText> sentences = words.isEmpty()
                ? List.of()
                : List.of(new TimedText(request.text().trim(), 0, millis));
        return new Speech(new MediaFile(wav, "audio/wav", null, null, millis), sentences, words);
    }

    /** Word timings the API does not give: the speech's length shared by the words in proportion to their letters. */
    static List<TimedText> spread(String text, long millis) {
        String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        long letters = 0;
        for (String word : words) {
            letters += word.length() + 1;
        }
        List<TimedText> timed = new ArrayList<>();
        long at = 0;
        long used = 0;
        for (String word : words) {
            used += word.length() + 1;
            long end = letters == 0 ? millis : millis * used / letters;
            timed.add(new TimedText(word, at, Math.max(at + 1, end)));
            at = end;
        }
        return timed;
    }

    private static final String WRITER =
            "You write short, concrete marketing copy for product videos and images. Answer only with JSON that "
                    + "keeps to the schema. Never change facts about the product.";

    @Override
    public Script write(ScriptRequest request) throws StepFault {
        if (request.readyScript() != null && !request.readyScript().isBlank()) {
            return scripts.write(request);
        }
        int words = (int) Math.round(request.targetSeconds() * 2.3);
        String product = OpenAiText.product(request.productName(), request.facts())
                + OpenAiText.identity(request.seeds(), request.details());
        String seeded = request.seeds().isEmpty()
                ? ""
                : " Segment 1 follows seed 1, segment 2 seed 2, and so on,"
                        + " the seeds in turn: each segment but the call to action opens with its seed's hook and speaks to"
                        + " its angle.";
        JsonNode answer = text.ask(
                "script",
                "script",
                WRITER,
                product + "\nCampaign: " + request.prompt()
                        + "\nWrite a voice-over script in " + request.language() + " of exactly " + request.segments()
                        + " segments (first a hook, last a call to action), about " + words + " words in all, for "
                        + request.targetSeconds() + " seconds of speech." + seeded,
                OpenAiText.segmentsSchema());
        List<Segment> segments = new ArrayList<>();
        for (JsonNode item : OpenAiText.items(answer, "segments", request.segments(), "segments")) {
            segments.add(new Segment(OpenAiText.text(item, "role"), OpenAiText.text(item, "text")));
        }
        return new Script(segments);
    }

    @Override
    public Brief interpret(BriefRequest request) throws StepFault {
        JsonNode answer = text.ask(
                "script",
                "brief",
                WRITER,
                OpenAiText.product(request.productName(), request.facts()) + "\nCampaign: "
                        + request.prompt() + "\nFor a user-generated-content style video in " + request.language()
                        + ", describe the presenter "
                        + "(persona), the tone, the setting, and an opening hook of at most eight words.",
                OpenAiText.briefSchema());
        return text.brief(answer);
    }

    @Override
    public UgcScript ugcScript(UgcScriptRequest request) throws StepFault {
        String product = OpenAiText.product(request.productName(), request.facts())
                + OpenAiText.identity(request.seeds(), request.details());
        String seeded = request.seeds().isEmpty()
                ? ""
                : " Shot 1 follows seed 1, shot 2 seed 2, and so on, the seeds"
                        + " in turn: each direction shows its seed's scene idea, and each line after the first opens with its"
                        + " seed's hook.";
        JsonNode answer = text.ask(
                "script",
                "ugc_script",
                WRITER,
                product + "\nPresenter: " + request.brief().persona()
                        + "; tone " + request.brief().tone() + "; setting "
                        + request.brief().setting()
                        + "\nWrite exactly " + request.shots() + " shots in " + request.language() + " for about "
                        + request.targetSeconds() + " seconds: the first a talking shot that opens with the hook \""
                        + request.brief().hook()
                        + "\", then close-ups of the product and the presenter holding it. Each"
                        + " shot has one spoken line and a short direction." + seeded,
                OpenAiText.shotsSchema());
        List<Shot> shots = new ArrayList<>();
        List<JsonNode> items = OpenAiText.items(answer, "shots", request.shots(), "shots");
        for (int i = 0; i < items.size(); i++) {
            ShotKind kind = i == 0 ? ShotKind.TALKING : OpenAiText.choice(ShotKind.class, items.get(i), "kind");
            shots.add(new Shot(
                    i + 1, kind, OpenAiText.text(items.get(i), "line"), OpenAiText.text(items.get(i), "direction")));
        }
        return new UgcScript(shots);
    }

    @Override
    public Storyboard plan(StoryboardRequest request) throws StepFault {
        JsonNode answer = text.ask(
                "storyboard",
                "storyboard",
                WRITER,
                OpenAiText.product(request.productName(), request.facts())
                        + "\nCampaign: " + request.prompt() + "\nPlan a fast-paced product video of exactly "
                        + request.scenes() + " scenes: for each "
                        + "a shot description, a camera move, on-screen text of at most six words and a background style.",
                OpenAiText.storyboardSchema());
        List<JsonNode> items = OpenAiText.items(answer, "scenes", request.scenes(), "scenes");
        return new Storyboard(
                OpenAiText.text(answer, "title"),
                OpenAiText.timed(items, request.durationMs(), request.beatMs(), request.style()));
    }

    @Override
    public List<Concept> concepts(ConceptRequest request) throws StepFault {
        JsonNode answer = text.ask(
                "storyboard",
                "concepts",
                WRITER,
                OpenAiText.product(request.productName(), request.facts())
                        + (request.pageFacts().isEmpty() ? "" : "\nFrom its page: " + request.pageFacts())
                        + (request.prompt() == null ? "" : "\nCampaign: " + request.prompt()) + "\nPropose exactly "
                        + request.count() + " distinct creative concepts: a title, the "
                        + "angle, a hook line, two to four scene ideas and a background style each.",
                OpenAiText.conceptsSchema());
        List<Concept> concepts = new ArrayList<>();
        for (JsonNode item : OpenAiText.items(answer, "concepts", request.count(), "concepts")) {
            concepts.add(OpenAiText.concept(item));
        }
        return concepts;
    }

    @Override
    public CutOut cutOut(byte[] photo) throws StepFault {
        return pixels.cutOut(photo);
    }

    @Override
    public ProductFacts analyze(AnalysisRequest request) throws StepFault {
        ProductFacts measured = pixels.analyze(request);
        JsonNode answer = text.ask(
                "product_analysis",
                "product_facts",
                "You classify products for a catalogue. Answer only with JSON " + "that keeps to the schema.",
                "Product name: " + request.name() + "\nGiven attributes: " + request.attributes()
                        + "\nMeasured colours: "
                        + String.join(
                                ", ",
                                measured.palette().stream().map(c -> c.hex()).toList())
                        + "\nThe image is the product, cut out. Give its category in one or two lowercase words and up to"
                        + " six keywords a shopper would use.",
                request.cutOutPng(),
                OpenAiText.analysisSchema());
        List<String> keywords = new ArrayList<>();
        answer.path("keywords").forEach(k -> {
            if (keywords.size() < 6 && !k.asString("").isBlank()) {
                keywords.add(k.asString().trim());
            }
        });
        return new ProductFacts(
                measured.palette(),
                measured.brightness(),
                measured.aspect(),
                OpenAiText.text(answer, "category"),
                keywords.isEmpty() ? measured.keywords() : keywords);
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] data) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(data);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
