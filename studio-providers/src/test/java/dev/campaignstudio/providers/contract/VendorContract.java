package dev.campaignstudio.providers.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor's published OpenAPI document (trimmed to the operations the adapters call, see
 * {@code contracts/README.md}) as a checker: whether a request's method and path are an operation of the document,
 * whether
 * its body keeps to the operation's request schema with no field the document does not know, and whether an answer
 * keeps to the operation's response schema.
 */
public final class VendorContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("(?<!file)name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** OpenAI's document. */
    public static final VendorContract OPENAI = load("contracts/openai/openapi.json", "/v1");
    /** Replicate's document. */
    public static final VendorContract REPLICATE = load("contracts/replicate/openapi.json", "/v1");

    private final JsonNode spec;
    private final String prefix;
    private final boolean openApi31;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private VendorContract(JsonNode spec, String prefix) {
        this.spec = spec;
        this.prefix = prefix;
        this.openApi31 = spec.path("openapi").asString("").startsWith("3.1");
        this.registry =
                SchemaRegistry.withDefaultDialect(openApi31 ? Dialects.getOpenApi31() : Dialects.getOpenApi30());
    }

    private static VendorContract load(String resource, String prefix) {
        try (InputStream in = VendorContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no contract " + resource);
            }
            return new VendorContract(JSON.readTree(in), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's path template that {@code path} (as sent, with the server's prefix) matches, or {@code null}. */
    public String operationPath(String method, String path) {
        String bare = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
        if (bare == null) {
            return null;
        }
        int query = bare.indexOf('?');
        String plain = query < 0 ? bare : bare.substring(0, query);
        for (Iterator<String> it = spec.path("paths").propertyNames().iterator(); it.hasNext(); ) {
            String template = it.next();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (plain.matches(regex) && spec.path("paths").path(template).has(method.toLowerCase(Locale.ROOT))) {
                return template;
            }
        }
        return null;
    }

    /**
     * What is wrong with a request, as readable lines; empty when it keeps to the document.
     *
     * @param method      HTTP method
     * @param path        path as sent (with {@code /v1})
     * @param contentType the request's {@code Content-Type}, or {@code null} without a body
     * @param body        the body, possibly empty
     */
    public List<String> requestProblems(String method, String path, String contentType, byte[] body) {
        String template = operationPath(method, path);
        if (template == null) {
            return List.of(method + " " + path + " is not an operation of the document");
        }
        JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.length == 0
                    ? List.of()
                    : List.of(method + " " + template + " takes no body, got " + body.length + " bytes");
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode schema = content.path(type).path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + template + " does not take " + type);
        }
        JsonNode instance;
        try {
            instance = type.equals("multipart/form-data") ? form(contentType, body, schema) : JSON.readTree(body);
        } catch (RuntimeException malformed) {
            return List.of(method + " " + template + ": the body is not " + type + ": " + malformed.getMessage());
        }
        return problems("request " + method + " " + template + " " + type, schema, instance, openApi31);
    }

    /** What is wrong with a JSON answer {@code status} of an operation; empty when it keeps to the document. */
    public List<String> responseProblems(String method, String template, int status, JsonNode answer) {
        JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            return List.of(method + " " + template + " documents no " + status + " answer");
        }
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asString());
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + template + " " + status + " has no JSON answer");
        }
        return problems("response " + method + " " + template + " " + status, schema, answer, false);
    }

    /** Whether {@code status} is an answer the operation documents with a body of {@code mediaType}. */
    public boolean documentsAnswer(String method, String template, int status, String mediaType) {
        JsonNode response = spec.path("paths")
                .path(template)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(status));
        return response.path("content").has(mediaType);
    }

    private List<String> problems(String what, JsonNode schema, JsonNode instance, boolean closed) {
        String key = what + (closed ? " closed" : "");
        Schema checker = schemas.computeIfAbsent(key, k -> registry.getSchema(document(schema, closed)));
        List<String> lines = new ArrayList<>();
        for (Error error : checker.validate(instance)) {
            lines.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return lines;
    }

    /** A schema document that is the operation's schema with the document's components beside it for its refs. */
    private JsonNode document(JsonNode schema, boolean closed) {
        ObjectNode root = JSON.createObjectNode();
        JsonNode components = spec.path("components").deepCopy();
        JsonNode own = schema.deepCopy();
        withoutDiscriminators(components);
        withoutDiscriminators(own);
        if (closed) {
            Set<String> parts = allOfParts(components);
            close(own, parts, false);
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            components.path("schemas").properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> named = it.next();
                close(named.getValue(), parts, parts.contains(named.getKey()));
            }
        }
        root.set("components", components);
        root.set("allOf", JSON.createArrayNode().add(own));
        if (closed) {
            root.put("unevaluatedProperties", false);
        }
        return root;
    }

    /**
     * Names of component schemas that are a part of an {@code allOf}: closing them would refuse their siblings' fields.
     */
    private static Set<String> allOfParts(JsonNode components) {
        Set<String> parts = new HashSet<>();
        collectParts(components, parts);
        return parts;
    }

    private static void collectParts(JsonNode node, Set<String> parts) {
        if (node.isArray()) {
            node.forEach(item -> collectParts(item, parts));
        } else if (node.isObject()) {
            node.path("allOf").forEach(item -> {
                if (item.has("$ref")) {
                    parts.add(refName(item.get("$ref").asString()));
                }
            });
            node.forEach(value -> collectParts(value, parts));
        }
    }

    /** Adds {@code unevaluatedProperties: false} to every object schema that is not a part of an {@code allOf}. */
    private static void close(JsonNode node, Set<String> parts, boolean isPart) {
        if (node.isArray()) {
            node.forEach(item -> close(item, parts, false));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        boolean objectSchema = object.has("properties") || object.has("allOf");
        if (objectSchema && !isPart && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
            object.put("unevaluatedProperties", false);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("allOf")) {
                field.getValue().forEach(item -> close(item, parts, true));
            } else if (field.getKey().equals("properties")) {
                field.getValue().forEach(property -> close(property, parts, false));
            } else {
                close(field.getValue(), parts, false);
            }
        }
    }

    /**
     * Drops {@code discriminator}: a hint for code generators that the {@code oneOf} beside it decides anyway, and that
     * OpenAI's document gives without the mapping the validator's OpenAPI dialect would need.
     */
    private static void withoutDiscriminators(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("discriminator");
        }
        if (node.isContainer()) {
            node.forEach(VendorContract::withoutDiscriminators);
        }
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private JsonNode resolve(String ref) {
        JsonNode node = spec;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /**
     * One part of a multipart form.
     *
     * @param name     the field name as sent, e.g. {@code image[]}
     * @param fileName the file name, or {@code null} for a text field
     * @param data     the part's bytes
     */
    public record Part(String name, String fileName, byte[] data) {

        /** The data as text (form fields travel as UTF-8). */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a multipart/form-data body, in order. */
    public static List<Part> parts(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("no boundary");
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        if (!text.endsWith(delimiter + "--\r\n") && !text.endsWith(delimiter + "--")) {
            throw new IllegalArgumentException("the form does not end with its closing boundary");
        }
        List<Part> parts = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter))) {
            if (part.isEmpty() || part.startsWith("--")) {
                continue;
            }
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                throw new IllegalArgumentException("a part without headers");
            }
            String headers = part.substring(0, split);
            Matcher name = PART_NAME.matcher(headers);
            if (!name.find()) {
                throw new IllegalArgumentException("a part without a name");
            }
            Matcher file = FILE_NAME.matcher(headers);
            String value = part.substring(split + 4, part.length() - 2);
            parts.add(new Part(
                    name.group(1), file.find() ? file.group(1) : null, value.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /**
     * A multipart form as the JSON object its schema describes: each field by name, files as {@code "binary"}, and a
     * field whose schema is a number or integer as that number (form fields travel as text). Parts named
     * {@code field[]}, or the same name sent more than once, are the items of the array {@code field}: the form
     * encoding OpenAI's SDKs use for several files ({@code image[]}).
     */
    private ObjectNode form(String contentType, byte[] body, JsonNode schema) {
        JsonNode properties = (schema.has("$ref") ? resolve(schema.get("$ref").asString()) : schema).path("properties");
        ObjectNode form = JSON.createObjectNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Part part : parts(contentType, body)) {
            boolean item = part.name().endsWith("[]");
            String name = item ? part.name().substring(0, part.name().length() - 2) : part.name();
            int count = seen.merge(name, 1, Integer::sum);
            if (part.fileName() == null) {
                put(form, name, part.text(), properties.path(name));
            } else if (item || count > 1) {
                JsonNode before = form.get(name);
                ArrayNode items = before instanceof ArrayNode array ? array : form.putArray(name);
                if (before != null && before != items) {
                    items.add(before);
                }
                items.add("binary");
            } else {
                form.put(name, "binary");
            }
        }
        return form;
    }

    private void put(ObjectNode form, String name, String value, JsonNode property) {
        JsonNode resolved = property.has("$ref") ? resolve(property.get("$ref").asString()) : property;
        String types = resolved.toString();
        if ((types.contains("\"integer\"") || types.contains("\"number\"")) && value.matches("-?\\d+(\\.\\d+)?")) {
            form.set(name, JSON.readTree(value));
        } else {
            form.put(name, value);
        }
    }
}
