package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.id.WireEnum;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text parts of the {@code openai} adapter: one chat completion per request with a strict JSON schema for the
 * answer ({@code response_format: json_schema}), parsed and checked. An answer that does not keep to the schema or the
 * asked counts is a retryable {@code PROVIDER_ERROR}: another sample may keep to it.
 */
final class OpenAiText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STYLES = Arrays.stream(Style.values())
            .filter(s -> s != Style.AUTO)
            .map(Style::wire)
            .toList();
    private static final List<String> MOVES =
            Arrays.stream(CameraMove.values()).map(CameraMove::wire).toList();
    private static final List<String> SHOTS =
            Arrays.stream(ShotKind.values()).map(ShotKind::wire).toList();

    private final ProviderClient client;

    OpenAiText(ProviderClient client) {
        this.client = client;
    }

    /** Asks the model and returns its answer as JSON that keeps to {@code schema}. */
    JsonNode ask(String capability, String name, String system, String user, Map<String, Object> schema)
            throws StepFault {
        return ask(capability, name, system, user, null, schema);
    }

    /**
     * Asks a vision-capable model about an image (sent inline as a PNG data URL beside the text) and returns its answer
     * as JSON that keeps to {@code schema}; without an image, a text-only question.
     */
    JsonNode ask(String capability, String name, String system, String user, byte[] png, Map<String, Object> schema)
            throws StepFault {
        String model = client.settings().model(capability, "gpt-4o-mini");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        Object asked = png == null
                ? user
                : List.of(
                        props("type", "text", "text", user),
                        props(
                                "type",
                                "image_url",
                                "image_url",
                                props(
                                        "url",
                                        "data:image/png;base64,"
                                                + java.util.Base64.getEncoder().encodeToString(png),
                                        "detail",
                                        "low")));
        body.put(
                "messages",
                List.of(props("role", "system", "content", system), props("role", "user", "content", asked)));
        body.put(
                "response_format",
                props("type", "json_schema", "json_schema", props("name", name, "strict", true, "schema", schema)));
        byte[] json = JSON.writeValueAsBytes(body);
        byte[] answer = client.send(
                "chat/completions " + name,
                model,
                attempt -> client.request("/v1/chat/completions")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build());
        JsonNode content;
        try {
            JsonNode tree = JSON.readTree(answer);
            Map<String, Number> usage = usage(tree.path("usage"), "prompt_tokens", "completion_tokens");
            client.report(capability, tree.path("model").asString(null), null, usage);
            JsonNode message = tree.path("choices").path(0).path("message");
            if (message.path("refusal").isString()) {
                throw StepFault.permanent(
                        "PROVIDER_ERROR",
                        OpenAiAdapter.NAME + " refused the " + name + " request: "
                                + ProviderErrors.text(
                                        message.get("refusal").asString().getBytes()));
            }
            content = JSON.readTree(message.path("content").asString(""));
        } catch (StepFault refused) {
            throw refused;
        } catch (RuntimeException malformed) {
            throw StepFault.transientFault(
                    "PROVIDER_ERROR", OpenAiAdapter.NAME + " answered " + name + " with malformed JSON");
        }
        if (!content.isObject()) {
            throw StepFault.transientFault(
                    "PROVIDER_ERROR", OpenAiAdapter.NAME + " answered " + name + " without a JSON object");
        }
        return content;
    }

    /** The counts {@code names} of a provider's usage report that are there. */
    static Map<String, Number> usage(JsonNode usage, String... names) {
        Map<String, Number> counts = new LinkedHashMap<>();
        for (String name : names) {
            if (usage.path(name).isNumber()) {
                counts.put(name, usage.get(name).numberValue());
            }
        }
        return counts;
    }

    /** The product as the prompts describe it. */
    static String product(String name, ProductFacts facts) {
        return "Product: " + name
                + (facts == null
                        ? ""
                        : "; category " + facts.category() + "; colours "
                                + String.join(
                                        ", ",
                                        facts.palette().stream()
                                                .map(c -> c.hex())
                                                .toList()) + "; keywords " + String.join(", ", facts.keywords()));
    }

    /**
     * The product's storyboard seeds and facts as the writing prompts give them: the facts by name, then the seeds
     * numbered, each with its title, angle, hook, scene ideas and style; empty when there are neither.
     */
    static String identity(List<Concept> seeds, Map<String, String> details) {
        StringBuilder text = new StringBuilder();
        if (!details.isEmpty()) {
            text.append("\nProduct facts (keep to them): ");
            details.forEach((name, value) ->
                    text.append(name).append(": ").append(value).append("; "));
            text.setLength(text.length() - 2);
        }
        if (!seeds.isEmpty()) {
            text.append("\nStoryboard seeds of this product (concepts every output follows):");
            for (int i = 0; i < seeds.size(); i++) {
                Concept seed = seeds.get(i);
                text.append("\n")
                        .append(i + 1)
                        .append(". ")
                        .append(seed.title())
                        .append(" (")
                        .append(seed.angle())
                        .append("): hook \"")
                        .append(seed.hook())
                        .append("\"; scene ideas: ")
                        .append(String.join("; ", seed.sceneIdeas()))
                        .append("; style ")
                        .append(seed.style().wire());
            }
        }
        return text.toString();
    }

    // schemas

    static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    static Map<String, Object> oneOf(List<String> values) {
        return Map.of("type", "string", "enum", values);
    }

    static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    static Map<String, Object> props(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // answers

    Brief brief(JsonNode answer) throws StepFault {
        return new Brief(text(answer, "persona"), text(answer, "tone"), text(answer, "setting"), text(answer, "hook"));
    }

    static Map<String, Object> briefSchema() {
        return object(props("persona", string(), "tone", string(), "setting", string(), "hook", string()));
    }

    static Map<String, Object> segmentsSchema() {
        return object(props(
                "segments", array(object(props("role", oneOf(List.of("hook", "body", "cta")), "text", string())))));
    }

    static Map<String, Object> shotsSchema() {
        return object(
                props("shots", array(object(props("kind", oneOf(SHOTS), "line", string(), "direction", string())))));
    }

    static Map<String, Object> conceptsSchema() {
        return object(props(
                "concepts",
                array(object(props(
                        "title",
                        string(),
                        "angle",
                        string(),
                        "hook",
                        string(),
                        "scene_ideas",
                        array(string()),
                        "style",
                        oneOf(STYLES))))));
    }

    static Map<String, Object> storyboardSchema() {
        return object(props(
                "title",
                string(),
                "scenes",
                array(object(
                        props("shot", string(), "move", oneOf(MOVES), "text", string(), "style", oneOf(STYLES))))));
    }

    static Map<String, Object> analysisSchema() {
        return object(props("category", string(), "keywords", array(string())));
    }

    /** {@code count} items of {@code field}, or a retryable error. */
    static List<JsonNode> items(JsonNode answer, String field, int count, String what) throws StepFault {
        JsonNode array = answer.path(field);
        if (!array.isArray() || (count > 0 && array.size() != count)) {
            throw StepFault.transientFault(
                    "PROVIDER_ERROR", OpenAiAdapter.NAME + " answered " + array.size() + " " + what + " for " + count);
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String text(JsonNode node, String field) throws StepFault {
        String value = node.path(field).asString("").trim();
        if (value.isEmpty()) {
            throw StepFault.transientFault("PROVIDER_ERROR", OpenAiAdapter.NAME + " answered without " + field);
        }
        return value;
    }

    static <E extends Enum<E> & WireEnum> E choice(Class<E> type, JsonNode node, String field) throws StepFault {
        return WireEnum.parse(type, node.path(field).asString(""))
                .orElseThrow(() -> StepFault.transientFault(
                        "PROVIDER_ERROR",
                        OpenAiAdapter.NAME + " answered an unknown " + field + " '"
                                + node.path(field).asString("") + "'"));
    }

    static Concept concept(JsonNode item) throws StepFault {
        List<String> ideas = new ArrayList<>();
        item.path("scene_ideas").forEach(i -> ideas.add(i.asString()));
        return new Concept(
                text(item, "title"),
                text(item, "angle"),
                text(item, "hook"),
                ideas,
                choice(Style.class, item, "style"));
    }

    /**
     * Scenes with timings the model is not trusted with: {@code durationMs} shared in whole beats (the first scenes get
     * the spare ones), or evenly without a beat.
     */
    static List<Scene> timed(List<JsonNode> items, long durationMs, long beatMs, Style fixed) throws StepFault {
        int n = items.size();
        long[] lengths = new long[n];
        if (beatMs > 0) {
            long beats = durationMs / beatMs;
            for (int i = 0; i < n; i++) {
                lengths[i] = (beats / n + (i < beats % n ? 1 : 0)) * beatMs;
            }
            lengths[n - 1] += durationMs - beats * beatMs;
        } else {
            for (int i = 0; i < n; i++) {
                lengths[i] = durationMs / n + (i < durationMs % n ? 1 : 0);
            }
        }
        List<Scene> scenes = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < n; i++) {
            JsonNode item = items.get(i);
            Style style = fixed != null && fixed != Style.AUTO ? fixed : choice(Style.class, item, "style");
            scenes.add(new Scene(
                    i + 1,
                    start,
                    lengths[i],
                    text(item, "shot"),
                    choice(CameraMove.class, item, "move"),
                    text(item, "text"),
                    style));
            start += lengths[i];
        }
        return scenes;
    }
}
