package dev.campaignstudio.server.json;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between JSON text and the neutral trees core reads and writes (maps, lists, strings, numbers, booleans,
 * nulls). Parsing is strict: duplicate keys and trailing content are errors, decimals stay exact.
 */
public final class JsonCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonCodec() {}

    /**
     * Parses {@code json} into a neutral tree.
     *
     * @throws MalformedJsonException when the text is not one well-formed JSON value
     */
    public static Object parse(byte[] json) {
        if (json.length == 0) {
            throw new MalformedJsonException("the body is empty");
        }
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new MalformedJsonException(describe(e));
        }
    }

    /** Parses text that this service wrote itself; a failure here is a bug or a damaged row, not bad input. */
    public static Object parseStored(String json) {
        return MAPPER.readValue(json, Object.class);
    }

    /** Parses a stored JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseStoredObject(String json) {
        Object tree = parseStored(json);
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalStateException("stored JSON is not an object");
        }
        return (Map<String, Object>) tree;
    }

    /** Writes a neutral tree (or any value Jackson can write) as compact JSON. */
    public static String write(Object tree) {
        return MAPPER.writeValueAsString(tree);
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (e instanceof UnexpectedEndOfInputException) {
            what = "it ends before the value is complete";
        } else if (e instanceof StreamConstraintsException) {
            what = "it exceeds a nesting or length limit";
        } else if (message.startsWith("Duplicate")) {
            what = "a key appears twice in one object";
        } else if (message.contains("Trailing token")) {
            what = "there is more content after the JSON value";
        } else {
            what = "unexpected content";
        }
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return "the body is not valid JSON: " + what + where;
    }
}
