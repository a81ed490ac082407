package dev.campaignstudio.providers.remote;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A provider's error body in a few safe words. */
final class ProviderErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX = 200;

    private ProviderErrors() {}

    /**
     * {@code ": <message>"} from an OpenAI- or Replicate-style error body ({@code error.message}, {@code detail}), cut
     * short, with the key removed should the provider echo it; empty when there is none.
     */
    static String detail(byte[] body, String apiKey) {
        String message;
        try {
            JsonNode tree = JSON.readTree(body);
            JsonNode error = tree.path("error");
            message = error.isString()
                    ? error.asString()
                    : error.path("message").asString(tree.path("detail").asString(""));
        } catch (RuntimeException notJson) {
            message = "";
        }
        if (message.isBlank()) {
            return "";
        }
        if (apiKey != null && !apiKey.isBlank()) {
            message = message.replace(apiKey, "[redacted]");
        }
        message = message.replaceAll("(?i)(bearer\\s+|sk-|r8_)[A-Za-z0-9._-]{6,}", "[redacted]")
                .replaceAll("\\s+", " ")
                .trim();
        return ": " + (message.length() > MAX ? message.substring(0, MAX) + "..." : message);
    }

    /** Text of a body for messages, safely cut. */
    static String text(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ");
    }
}
