package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.providers.contract.FakeOpenAi;
import dev.campaignstudio.providers.contract.FakeVendor;
import dev.campaignstudio.providers.contract.VendorContract;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every request the {@code openai} adapter sends keeps to OpenAI's published OpenAPI document (trimmed copy in
 * {@code contracts/openai}), with no field the document does not know; and the adapter reads the answers the document
 * describes, which the fake vendor gives only as the document allows.
 */
class OpenAiContractTest {

    private static final ProductAnalysis.ProductFacts FACTS = new ProductAnalysis.ProductFacts(
            List.of(new PaletteColor("#315544", 33, -17, 6, 0.4)), 34, 0.94, "cup", List.of("green"));

    private FakeOpenAi vendor;

    @AfterEach
    void close() {
        if (vendor != null) {
            vendor.close();
        }
        ProviderCalls.drain();
    }

    private OpenAiAdapter adapter(boolean edits, Map<String, Map<String, Double>> prices) {
        ProviderSettings settings = new ProviderSettings(
                "openai",
                URI.create(vendor.url()),
                "sk-contract",
                Map.of(
                        "image",
                        "gpt-image-1",
                        "audio",
                        "gpt-4o-mini-tts",
                        "script",
                        "gpt-4o-mini",
                        "product_analysis",
                        "gpt-4o-mini"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                2,
                1,
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                3,
                Duration.ofMinutes(1),
                prices);
        return new OpenAiAdapter(new ProviderClient(settings), new NoLayouts(), null, new Measured(), edits);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] wav(int sampleRate, int samples) {
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes())
                .putInt(36 + samples * 2)
                .put("WAVE".getBytes())
                .put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(samples * 2);
        return wav.array();
    }

    private static String answerFor(JsonNode request) {
        String name =
                request.path("response_format").path("json_schema").path("name").asString();
        return switch (name) {
            case "script" ->
                "{\"segments\":[{\"role\":\"hook\",\"text\":\"Meet Kiln.\"},{\"role\":\"body\",\"text\":\"Glazed by"
                        + " hand.\"},{\"role\":\"cta\",\"text\":\"Get yours.\"}]}";
            case "storyboard" ->
                "{\"title\":\"Warm\",\"scenes\":["
                        + ("{\"shot\":\"mug on wood\",\"move\":\"zoom_in\","
                                        + "\"text\":\"Warm hands\",\"style\":\"surface\"},")
                                .repeat(2)
                        + "{\"shot\":\"logo\",\"move\":\"static\",\"text\":\"Kiln\",\"style\":\"studio\"}]}";
            case "concepts" ->
                "{\"concepts\":[{\"title\":\"Ritual\",\"angle\":\"mornings\",\"hook\":\"Slow down.\",\"scene_ideas\":"
                        + "[\"steam\"],\"style\":\"outdoor\"}]}";
            case "brief" ->
                "{\"persona\":\"potter\",\"tone\":\"warm\",\"setting\":\"studio\",\"hook\":\"This mug changed my"
                        + " mornings\"}";
            case "ugc_script" ->
                "{\"shots\":[{\"kind\":\"product_closeup\",\"line\":\"This mug changed my"
                        + " mornings.\",\"direction\":\"selfie\"},{\"kind\":\"presenter_with_product\",\"line\":\"Feel"
                        + " that glaze.\",\"direction\":\"hold up\"}]}";
            default -> "{\"category\":\"drinkware\",\"keywords\":[\"mug\",\"stoneware\"]}";
        };
    }

    private void start() throws IOException {
        byte[] drawn = png(64, 96);
        vendor = new FakeOpenAi(request -> drawn, wav(16000, 8000), OpenAiContractTest::answerFor);
    }

    private static ImageGeneration.ImageRequest imageRequest() throws IOException {
        return new ImageGeneration.ImageRequest(
                png(40, 60),
                List.of("#14828c"),
                "Stay cool",
                "Summer launch",
                Aspect.PORTRAIT_9_16,
                1920,
                Style.STUDIO,
                Presentation.PRODUCT_ONLY,
                7,
                0.3,
                null);
    }

    @Test
    void imageEditsAndGenerationsKeepToTheDocumentAndTheirUsageIsPriced() throws Exception {
        start();
        Map<String, Map<String, Double>> prices =
                Map.of("image", Map.of("input_tokens", 0.00001, "output_tokens", 0.00004));

        ImageGeneration.SceneImage edited = adapter(true, prices).generate(imageRequest());
        ImageGeneration.SceneImage generated = adapter(false, prices).generate(imageRequest());

        assertThat(vendor.vendor().problems()).isEmpty();
        assertThat(vendor.vendor().requests("POST", "/images/edits")).hasSize(1);
        assertThat(vendor.vendor().requests("POST", "/images/generations")).hasSize(1);
        for (ImageGeneration.SceneImage image : List.of(edited, generated)) {
            BufferedImage decoded =
                    ImageIO.read(new ByteArrayInputStream(image.image().data()));
            assertThat(decoded.getWidth()).isEqualTo(64);
            assertThat(decoded.getHeight()).isEqualTo(96);
        }
        List<ProviderCalls.Call> calls = ProviderCalls.drain();
        assertThat(calls)
                .extracting(ProviderCalls.Call::operation)
                .containsExactly("images/edits", "images/generations");
        double expected = FakeOpenAi.IMAGE_INPUT_TOKENS * 0.00001 + FakeOpenAi.IMAGE_OUTPUT_TOKENS * 0.00004;
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.usage()).containsEntry("output_tokens", FakeOpenAi.IMAGE_OUTPUT_TOKENS);
            assertThat(call.cost()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void anEditWithACharacterSheetAndAShotSendsTheCutOutAndTheSheetAsTwoImagePartsAndTheShotInThePrompt()
            throws Exception {
        start();
        ImageGeneration.ImageRequest plain = imageRequest();
        byte[] sheet = png(160, 90);
        ImageGeneration.ImageRequest withSheet = new ImageGeneration.ImageRequest(
                plain.productPng(),
                plain.palette(),
                plain.headline(),
                plain.prompt(),
                plain.aspect(),
                plain.longSide(),
                plain.style(),
                plain.presentation(),
                plain.seed(),
                plain.variation(),
                plain.constraints(),
                sheet,
                "the mug on a windowsill at dawn");

        adapter(true, Map.of()).generate(withSheet);
        adapter(true, Map.of()).generate(plain);

        assertThat(vendor.vendor().problems())
                .as("image[] keeps to the document's array of binary images")
                .isEmpty();
        List<FakeVendor.Request> edits = vendor.vendor().requests("POST", "/images/edits");
        List<VendorContract.Part> images =
                edits.get(0).parts().stream().filter(p -> p.fileName() != null).toList();
        assertThat(images).extracting(VendorContract.Part::name).containsExactly("image[]", "image[]");
        assertThat(images.get(0).data()).as("the cut-out is the first image").isEqualTo(plain.productPng());
        assertThat(images.get(1).data())
                .as("the sheet arrives as the second image")
                .isEqualTo(sheet);
        assertThat(edits.get(0).field("prompt"))
                .contains("character sheet")
                .contains("This scene: the mug on a windowsill at dawn.");
        List<VendorContract.Part> without =
                edits.get(1).parts().stream().filter(p -> p.fileName() != null).toList();
        assertThat(without)
                .extracting(VendorContract.Part::name)
                .as("no sheet: the cut-out alone")
                .containsExactly("image");
        assertThat(without.get(0).data()).isEqualTo(plain.productPng());
        assertThat(edits.get(1).field("prompt")).as("no shot, no scene line").doesNotContain("This scene");
    }

    @Test
    void speechKeepsToTheDocumentAndIsPricedByItsCharacters() throws Exception {
        start();
        SpeechSynthesis.Speech speech = adapter(true, Map.of("audio", Map.of("characters", 0.000015)))
                .speak(new SpeechSynthesis.SpeechRequest("Meet Kiln, glazed by hand.", "default", "en"));

        assertThat(vendor.vendor().problems()).isEmpty();
        assertThat(speech.wav().durationMs()).isEqualTo(500);
        assertThat(vendor.vendor()
                        .requests("POST", "/audio/speech")
                        .get(0)
                        .json()
                        .path("response_format")
                        .asString())
                .isEqualTo("wav");
        ProviderCalls.Call call = ProviderCalls.drain().get(0);
        assertThat(call.cost()).isCloseTo(26 * 0.000015, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void scriptAndUgcPromptsCarryTheStoryboardSeedsInOrderAndTheProductFacts() throws Exception {
        start();
        OpenAiAdapter adapter = adapter(true, Map.of());
        List<StoryboardWriting.Concept> seeds = List.of(
                new StoryboardWriting.Concept(
                        "Slow mornings",
                        "ritual",
                        "Slow down with Kiln.",
                        List.of("steam over the rim at dawn"),
                        Style.SURFACE),
                new StoryboardWriting.Concept(
                        "Hand made",
                        "craft",
                        "Glazed by hand.",
                        List.of("a potter's hands at the wheel"),
                        Style.STUDIO));
        Map<String, String> details = Map.of("brand", "Kiln & Co", "price", "24.00");
        ScriptWriting.Brief brief = new ScriptWriting.Brief("potter", "warm", "studio", "This mug changed my mornings");

        adapter.write(new ScriptWriting.ScriptRequest("Kiln Mug", FACTS, "Cosy", null, 3, 15, "en", 1, seeds, details));
        adapter.ugcScript(new ScriptWriting.UgcScriptRequest("Kiln Mug", FACTS, brief, 2, 10, "en", 1, seeds, details));

        assertThat(vendor.vendor().problems()).isEmpty();
        for (FakeVendor.Request chat : vendor.vendor().requests("POST", "/chat/completions")) {
            String user = chat.json().path("messages").path(1).path("content").asString();
            assertThat(user).contains("Kiln & Co").contains("24.00");
            assertThat(user.indexOf("Slow down with Kiln."))
                    .as("seed 1 before seed 2")
                    .isPositive()
                    .isLessThan(user.indexOf("Glazed by hand."));
            assertThat(user)
                    .contains("steam over the rim at dawn")
                    .contains("a potter's hands at the wheel")
                    .contains("seeds in turn");
        }
    }

    @Test
    void everyChatRequestKeepsToTheDocumentAndTheProductImageGoesAsADataUrl() throws Exception {
        start();
        OpenAiAdapter adapter =
                adapter(true, Map.of("script", Map.of("prompt_tokens", 0.00000015, "completion_tokens", 0.0000006)));
        byte[] cutOut = png(30, 40);

        adapter.write(new ScriptWriting.ScriptRequest("Kiln Mug", FACTS, "Cosy", null, 3, 15, "en", 1));
        adapter.plan(new StoryboardWriting.StoryboardRequest("Kiln Mug", FACTS, "Cosy", 3, 9000, Style.AUTO, 1, 500));
        adapter.concepts(new StoryboardWriting.ConceptRequest("Kiln Mug", FACTS, Map.of(), null, 1, 1));
        ScriptWriting.Brief brief =
                adapter.interpret(new ScriptWriting.BriefRequest("Kiln Mug", FACTS, "Cosy", "en", 1));
        adapter.ugcScript(new ScriptWriting.UgcScriptRequest("Kiln Mug", FACTS, brief, 2, 10, "en", 1));
        ProductAnalysis.ProductFacts analysed =
                adapter.analyze(new ProductAnalysis.AnalysisRequest(cutOut, "Kiln Mug", Map.of(), null));

        assertThat(vendor.vendor().problems()).isEmpty();
        List<FakeVendor.Request> chats = vendor.vendor().requests("POST", "/chat/completions");
        assertThat(chats).hasSize(6).allSatisfy(chat -> {
            JsonNode format = chat.json().path("response_format");
            assertThat(format.path("type").asString()).isEqualTo("json_schema");
            assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        });
        JsonNode vision = chats.get(5).json().path("messages").path(1).path("content");
        assertThat(vision.path(0).path("type").asString()).isEqualTo("text");
        String url = vision.path(1).path("image_url").path("url").asString();
        assertThat(url).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)))
                .isEqualTo(cutOut);
        assertThat(analysed.category()).isEqualTo("drinkware");
        assertThat(analysed.keywords()).containsExactly("mug", "stoneware");

        List<ProviderCalls.Call> calls = ProviderCalls.drain();
        assertThat(calls)
                .hasSize(6)
                .allSatisfy(call -> assertThat(call.version()).isEqualTo(call.model() + "-2024-07-18"));
        assertThat(calls.get(0).cost())
                .as("script calls at the script prices")
                .isCloseTo(
                        FakeOpenAi.PROMPT_TOKENS * 0.00000015 + FakeOpenAi.COMPLETION_TOKENS * 0.0000006,
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(calls.get(5).cost())
                .as("no price for product_analysis: no cost")
                .isNull();
    }

    @Test
    void aRefusalAsTheDocumentShapesItIsAProviderError() throws Exception {
        vendor = new FakeOpenAi(request -> png(8, 8), wav(16000, 10), request -> "{}");
        vendor.vendor()
                .on(
                        "POST",
                        "/chat/completions",
                        request -> FakeVendor.json(
                                200, FakeOpenAi.chatAnswer("gpt-4o-mini", null, "I can't help with that.")));

        StepFault refused = catchThrowableOfType(
                StepFault.class,
                () -> adapter(true, Map.of())
                        .write(new ScriptWriting.ScriptRequest("Kiln Mug", FACTS, "Cosy", null, 3, 15, "en", 1)));

        assertThat(refused.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(refused.getMessage()).contains("refused").contains("I can't help with that.");
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void theCheckerRefusesFieldsTheDocumentDoesNotKnowAndMissingOnes() {
        VendorContract openai = VendorContract.OPENAI;
        String good = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"strict\":true,"
                + "\"schema\":{\"type\":\"object\"}}}}";
        assertThat(openai.requestProblems("POST", "/v1/chat/completions", "application/json", good.getBytes()))
                .isEmpty();

        String typo = good.replace("\"model\"", "\"temprature\":0.2,\"model\"");
        assertThat(openai.requestProblems("POST", "/v1/chat/completions", "application/json", typo.getBytes()))
                .isNotEmpty();
        String nested = good.replace("\"strict\":true", "\"strict\":true,\"stict\":true");
        assertThat(openai.requestProblems("POST", "/v1/chat/completions", "application/json", nested.getBytes()))
                .isNotEmpty();
        String inMessage = good.replace("\"content\":\"hi\"", "\"content\":\"hi\",\"speaker\":\"me\"");
        assertThat(openai.requestProblems("POST", "/v1/chat/completions", "application/json", inMessage.getBytes()))
                .isNotEmpty();
        String noMessages = "{\"model\":\"gpt-4o-mini\"}";
        assertThat(openai.requestProblems("POST", "/v1/chat/completions", "application/json", noMessages.getBytes()))
                .isNotEmpty();

        String speech = "{\"model\":\"tts-1\",\"input\":\"hi\",\"voice\":\"alloy\",\"response_format\":\"wav\"}";
        assertThat(openai.requestProblems("POST", "/v1/audio/speech", "application/json", speech.getBytes()))
                .isEmpty();
        assertThat(openai.requestProblems(
                        "POST",
                        "/v1/audio/speech",
                        "application/json",
                        speech.replace("\"wav\"", "\"wave\"").getBytes()))
                .isNotEmpty();

        String boundary = "b0";
        String form = "--b0\r\n"
                + "Content-Disposition: form-data; name=\"prompt\"\r\n\r\n"
                + "mug\r\n"
                + "--b0\r\n"
                + "Content-Disposition: form-data; name=\"n\"\r\n\r\n"
                + "1\r\n"
                + "--b0\r\n"
                + "Content-Disposition: form-data; name=\"image\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "PNG\r\n";
        String type = "multipart/form-data; boundary=" + boundary;
        assertThat(openai.requestProblems(
                        "POST", "/v1/images/edits", type, (form + "--b0--\r\n").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        String extra = form + "--b0\r\nContent-Disposition: form-data; name=\"colour\"\r\n\r\nred\r\n--b0--\r\n";
        assertThat(openai.requestProblems("POST", "/v1/images/edits", type, extra.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(openai.requestProblems(
                        "POST", "/v1/images/variations", type, extra.getBytes(StandardCharsets.UTF_8)))
                .as("an operation the document does not have")
                .isNotEmpty();

        Map<String, Object> incomplete = FakeOpenAi.chatAnswer("gpt-4o-mini", "{}", null);
        incomplete.remove("object");
        assertThat(openai.responseProblems(
                        "POST",
                        "/chat/completions",
                        200,
                        tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(incomplete)))
                .as("an answer the document does not allow")
                .isNotEmpty();
    }

    /** The measured facts of a product, as the local adapter gives them. */
    private static final class Measured implements ProductAnalysis {
        @Override
        public CutOut cutOut(byte[] photo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProductFacts analyze(AnalysisRequest request) {
            return FACTS;
        }
    }

    /** Sheets are drawn elsewhere. */
    private static final class NoLayouts implements ImageGeneration {
        @Override
        public SceneImage generate(ImageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaFile sheet(SheetRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaFile contactSheet(ContactSheetRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
