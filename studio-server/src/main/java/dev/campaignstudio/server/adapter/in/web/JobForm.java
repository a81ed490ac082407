package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.contract.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The new-job form's values as sent, turned into a job request tree for the service's reader, and the reader's
 * violations put back next to the fields they are about. It checks nothing itself: every rule is the contract's.
 */
final class JobForm {

    /** Text fields, by form name. */
    private final Map<String, String> values = new LinkedHashMap<>();

    private final List<String> aspects;
    private final List<String> kept;

    JobForm(MultiValueMap<String, String> params) {
        params.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) != null) {
                values.put(name, list.get(0));
            }
        });
        aspects = params.getOrDefault("aspects", List.of());
        kept = new ArrayList<>(params.getOrDefault("kept", List.of()).stream()
                .filter(k -> k.startsWith("asset:"))
                .toList());
    }

    /** An empty form of {@code mode} with a new idempotency key. */
    static JobForm blank(String mode) {
        MultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("job_type", "marketing_output");
        params.add("mode", mode);
        params.add("idempotency_key", ConsoleSubmissions.newKey());
        return new JobForm(params);
    }

    Map<String, String> values() {
        return values;
    }

    List<String> aspects() {
        return aspects;
    }

    /** Photos uploaded with an earlier send of this form: {@code asset:<id>} each. */
    List<String> kept() {
        return kept;
    }

    String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value.trim();
    }

    boolean isOutput() {
        return !"marketing_creation".equals(value("job_type"));
    }

    /** The request this form describes, with {@code images} as the product's photos. */
    Map<String, Object> tree(List<String> images) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", isOutput() ? "marketing_output" : "marketing_creation");
        tree.put("idempotency_key", value("idempotency_key"));
        Map<String, Object> product = new LinkedHashMap<>();
        put(product, "product_id", value("product_id"));
        put(product, "name", value("name"));
        product.put("images", images.stream().map(uri -> Map.of("uri", uri)).toList());
        put(product, "link", value("link"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        put(attributes, "brand", value("brand"));
        put(attributes, "category", value("category"));
        if (!value("colors").isEmpty()) {
            attributes.put(
                    "colors",
                    java.util.Arrays.stream(value("colors").split(","))
                            .map(String::trim)
                            .filter(c -> !c.isEmpty())
                            .toList());
        }
        put(attributes, "description", value("description"));
        if (!attributes.isEmpty()) {
            product.put("attributes", attributes);
        }
        tree.put("product", product);
        if (isOutput()) {
            put(tree, "mode", value("mode"));
            put(tree, "prompt", value("prompt"));
            Map<String, Object> settings = new LinkedHashMap<>();
            put(settings, "aspect", value("aspect"));
            if (aspects.size() == 1) {
                settings.put("aspect", aspects.get(0));
            } else if (aspects.size() > 1) {
                settings.put("aspects", aspects);
            }
            for (String number : List.of("duration_s", "scene_count", "creative_variation", "max_attempts")) {
                if (!value(number).isEmpty()) {
                    settings.put(number, FormValues.number(value(number)));
                }
            }
            for (String text : List.of("presentation", "voice", "style", "language", "script")) {
                put(settings, text, value(text));
            }
            if (!settings.isEmpty()) {
                tree.put("settings", settings);
            }
        }
        return tree;
    }

    /** Violations by the form field they are about; those about no field under {@code ""}. */
    static Map<String, List<String>> byField(List<Violation> violations) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Violation v : violations) {
            fields.computeIfAbsent(field(v.pointer()), k -> new ArrayList<>()).add(v.message());
        }
        return fields;
    }

    /** The form field a JSON pointer of the request is about. */
    static String field(String pointer) {
        String path = pointer;
        for (String prefix : List.of("/product/attributes/", "/product/", "/settings/", "/")) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
                break;
            }
        }
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        return switch (first) {
            case "images" -> "photos";
            case "product", "settings", "attributes", "contract_version" -> "";
            default -> first;
        };
    }

    private static void put(Map<String, Object> into, String key, String value) {
        if (value != null && !value.isEmpty()) {
            into.put(key, value);
        }
    }
}
