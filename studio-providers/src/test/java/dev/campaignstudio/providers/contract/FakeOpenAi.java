package dev.campaignstudio.providers.contract;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's API on a {@link FakeVendor}, answering as the published document says: images as {@code ImagesResponse}
 * with {@code b64_json} and {@code usage}, speech as {@code application/octet-stream} WAV, chat completions as
 * {@code CreateChatCompletionResponse} with {@code usage}. What is drawn, said or written comes from the test.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** Draws the image an images request asks for. */
    @FunctionalInterface
    public interface Images {
        byte[] draw(FakeVendor.Request request) throws IOException;
    }

    /** Tokens each answer reports. */
    public static final int PROMPT_TOKENS = 120;

    public static final int COMPLETION_TOKENS = 80;
    public static final int IMAGE_INPUT_TOKENS = 300;
    public static final int IMAGE_OUTPUT_TOKENS = 1056;

    private final FakeVendor vendor = new FakeVendor(VendorContract.OPENAI);

    /**
     * @param images draws images (edits and generations)
     * @param wav    the speech answered
     * @param chat   the content of the assistant's message for a chat request
     */
    public FakeOpenAi(Images images, byte[] wav, Function<JsonNode, String> chat) {
        FakeVendor.Handler drawn = request -> FakeVendor.json(200, imagesAnswer(images.draw(request)));
        vendor.on("POST", "/images/edits", drawn)
                .on("POST", "/images/generations", drawn)
                .on("POST", "/audio/speech", request -> new FakeVendor.Answer(200, "application/octet-stream", wav))
                .on(
                        "POST",
                        "/chat/completions",
                        request -> FakeVendor.json(
                                200,
                                chatAnswer(request.json().path("model").asString(), chat.apply(request.json()), null)));
    }

    /** The vendor underneath: its requests and problems. */
    public FakeVendor vendor() {
        return vendor;
    }

    public String url() {
        return vendor.url();
    }

    /** An {@code ImagesResponse} with one base64 image and its token usage. */
    public static Map<String, Object> imagesAnswer(byte[] image) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("created", 1_760_000_000);
        answer.put("data", List.of(Map.of("b64_json", Base64.getEncoder().encodeToString(image))));
        answer.put(
                "usage",
                Map.of(
                        "input_tokens",
                        IMAGE_INPUT_TOKENS,
                        "output_tokens",
                        IMAGE_OUTPUT_TOKENS,
                        "total_tokens",
                        IMAGE_INPUT_TOKENS + IMAGE_OUTPUT_TOKENS,
                        "input_tokens_details",
                        Map.of("image_tokens", 200, "text_tokens", 100)));
        return answer;
    }

    /** A {@code CreateChatCompletionResponse}: {@code content}, or a refusal when {@code refusal} is given. */
    public static Map<String, Object> chatAnswer(String model, String content, String refusal) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", refusal == null ? content : null);
        message.put("refusal", refusal);
        message.put("annotations", List.of());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", "stop");
        choice.put("logprobs", null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", "chatcmpl-" + Long.toString(System.nanoTime(), 36));
        answer.put("object", "chat.completion");
        answer.put("created", 1_760_000_000);
        answer.put("model", model + "-2024-07-18");
        answer.put("choices", List.of(choice));
        answer.put(
                "usage",
                Map.of(
                        "prompt_tokens",
                        PROMPT_TOKENS,
                        "completion_tokens",
                        COMPLETION_TOKENS,
                        "total_tokens",
                        PROMPT_TOKENS + COMPLETION_TOKENS));
        answer.put("service_tier", "default");
        answer.put("system_fingerprint", "fp_0123456789");
        return answer;
    }

    @Override
    public void close() {
        vendor.close();
    }
}
