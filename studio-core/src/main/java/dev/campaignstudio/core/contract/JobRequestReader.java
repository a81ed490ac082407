package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.contract.Fields.Text;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a job request (contract version 2) from a neutral JSON tree: {@link Map} for objects, {@link List} for arrays,
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}. Unknown fields are refused and every violation is
 * reported with its JSON pointer. Mode defaults are applied, so the result is complete.
 */
public final class JobRequestReader {

    private static final BigDecimal METADATA_NUMBER_MAX = new BigDecimal("1e15");

    private final ModeCatalog modes;

    /** A reader of the built-in modes. */
    public JobRequestReader() {
        this(ModeCatalog.BUILT_IN);
    }

    /** A reader of the modes in {@code modes} (the pipeline router's table). */
    public JobRequestReader(ModeCatalog modes) {
        this.modes = modes;
    }

    /** Reads {@code tree}; the result is the request or every reason it is not one. */
    public Validated<JobRequest> read(Object tree) {
        Violations violations = new Violations();
        Optional<Fields> root = Fields.of(tree, "", violations);
        if (root.isEmpty()) {
            return new Validated.Invalid<>(violations.list());
        }
        Fields fields = root.get();
        JobType type = fields.choice("job_type", true, JobType.class);
        RequestEnvelope envelope = envelope(fields);
        JobRequest request = null;
        if (type != null) {
            request = switch (type) {
                case MARKETING_CREATION -> creation(fields, envelope);
                case MARKETING_OUTPUT -> output(fields, envelope);
                case RETRY -> retry(fields, envelope);
            };
            fields.refuseUnknown();
        }
        if (!violations.isEmpty() || request == null) {
            if (violations.isEmpty()) {
                violations.add("", "INVALID", "is not a valid job request");
            }
            return new Validated.Invalid<>(violations.list());
        }
        return new Validated.Valid<>(request);
    }

    private RequestEnvelope envelope(Fields fields) {
        Integer version = fields.integer("contract_version", true, Limits.CONTRACT_VERSION, Limits.CONTRACT_VERSION);
        String key = fields.token(
                "idempotency_key",
                true,
                Limits.IDEMPOTENCY_KEY_MAX,
                Limits.KEY_PATTERN,
                "1 to " + Limits.IDEMPOTENCY_KEY_MAX + " printable ASCII characters without spaces");
        Callback callback = fields.object("callback", false).map(this::callback).orElse(null);
        boolean callbackBroken = fields.has("callback") && callback == null;
        Map<String, Object> metadata = metadata(fields);
        if (version == null || key == null || callbackBroken || metadata == null) {
            return null;
        }
        return build(fields, "", () -> new RequestEnvelope(version, key, callback, metadata));
    }

    private Callback callback(Fields fields) {
        String url = url(fields, "url", true);
        String secretRef =
                fields.token("secret_ref", false, 64, Limits.SECRET_REF_PATTERN, "1 to 64 of a-z, 0-9, _ and -");
        boolean secretBroken = fields.has("secret_ref") && secretRef == null;
        fields.refuseUnknown();
        if (url == null || secretBroken) {
            return null;
        }
        return build(fields, fields.pointer(), () -> new Callback(url, secretRef));
    }

    private Map<String, Object> metadata(Fields fields) {
        Optional<Fields> object = fields.object("metadata", false);
        if (fields.has("metadata") && object.isEmpty()) {
            return null;
        }
        Object raw = fields.raw("metadata");
        if (!(raw instanceof Map<?, ?> map)) {
            return Map.of();
        }
        String where = fields.at("metadata");
        Violations violations = fields.violations();
        if (map.size() > Limits.METADATA_KEYS_MAX) {
            violations.add(where, "TOO_MANY", "must have at most " + Limits.METADATA_KEYS_MAX + " keys");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String at = Violation.child(where, key);
            if (key.isEmpty() || key.length() > Limits.METADATA_KEY_MAX || !key.matches("[A-Za-z0-9._-]+")) {
                violations.add(
                        at,
                        "FORMAT",
                        "metadata keys must be 1 to " + Limits.METADATA_KEY_MAX + " of A-Z, a-z, 0-9, . _ -");
                ok = false;
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof String s) {
                ok &= Fields.checkText(s, at, 0, Limits.METADATA_VALUE_MAX, Text.LINE, violations) != null;
            } else if (value instanceof Number n) {
                if (!isSmallFinite(n)) {
                    violations.add(at, "TOO_LARGE", "metadata numbers must be finite and at most 1e15 in size");
                    ok = false;
                }
            } else if (!(value instanceof Boolean)) {
                violations.add(at, "TYPE", "metadata values must be strings, numbers or booleans");
                ok = false;
            }
            out.put(key, value);
        }
        return ok ? out : null;
    }

    private JobRequest creation(Fields fields, RequestEnvelope envelope) {
        ProductSnapshot product =
                fields.object("product", true).map(this::product).orElse(null);
        if (envelope == null || product == null) {
            return null;
        }
        return build(fields, "", () -> new MarketingCreationRequest(envelope, product));
    }

    private JobRequest output(Fields fields, RequestEnvelope envelope) {
        ProductSnapshot product =
                fields.object("product", true).map(this::product).orElse(null);
        OutputMode mode = fields.choice("mode", true, modes::mode, modes.spellings());
        String prompt = fields.text("prompt", true, 1, Limits.PROMPT_MAX, Text.PARAGRAPHS);
        int before = fields.violations().list().size();
        SettingsPatch patch =
                fields.object("settings", false).map(this::settings).orElse(SettingsPatch.EMPTY);
        boolean patchBroken = fields.violations().list().size() > before;
        OutputSettings settings = null;
        if (mode != null) {
            settings = modes.rules(mode).resolve(patch, fields.at("settings"), fields.violations());
        }
        if (patchBroken) {
            settings = null;
        }
        if (envelope == null || product == null || prompt == null || settings == null) {
            return null;
        }
        OutputSettings resolved = settings;
        return build(fields, "", () -> new MarketingOutputRequest(envelope, product, mode, prompt, resolved));
    }

    private JobRequest retry(Fields fields, RequestEnvelope envelope) {
        String jobId = fields.text("job_id", true, 1, 64, Text.LINE);
        if (jobId != null && !JobId.isValid(jobId)) {
            fields.violations().add(fields.at("job_id"), "FORMAT", "must be a job id such as job_01J...");
            jobId = null;
        }
        RetryTarget target = fields.object("target", true).map(this::target).orElse(null);
        String prompt = fields.text("prompt", false, 1, Limits.PROMPT_MAX, Text.PARAGRAPHS);
        boolean promptBroken = fields.has("prompt") && prompt == null;
        int before = fields.violations().list().size();
        SettingsPatch patch =
                fields.object("settings", false).map(this::settings).orElse(SettingsPatch.EMPTY);
        boolean patchBroken = fields.violations().list().size() > before;
        fields.refuse("product", "a retry reads the product from the earlier job");
        fields.refuse("mode", "a retry keeps the mode of the earlier job");
        if (envelope == null || jobId == null || target == null || promptBroken || patchBroken) {
            return null;
        }
        String parent = jobId;
        return build(fields, "", () -> new RetryRequest(envelope, new JobId(parent), target, prompt, patch));
    }

    private RetryTarget target(Fields fields) {
        String stage = fields.token(
                "stage", true, Limits.STAGE_NAME_MAX, Limits.STAGE_PATTERN, "a stage name such as scene_video");
        Integer scene = fields.integer("scene_order", false, 1, Limits.SCENE_ORDER_MAX);
        boolean sceneBroken = fields.has("scene_order") && scene == null;
        fields.refuseUnknown();
        if (stage == null || sceneBroken) {
            return null;
        }
        return build(fields, fields.pointer(), () -> new RetryTarget(stage, scene));
    }

    private ProductSnapshot product(Fields fields) {
        String productId = fields.token(
                "product_id",
                true,
                Limits.PRODUCT_ID_MAX,
                Limits.PRODUCT_ID_PATTERN,
                "1 to " + Limits.PRODUCT_ID_MAX + " of A-Z, a-z, 0-9, . _ : -");
        String name = fields.text("name", true, 1, Limits.NAME_MAX, Text.LINE);
        List<ProductImage> images = images(fields);
        String link = url(fields, "link", false);
        boolean linkBroken = fields.has("link") && link == null;
        ProductAttributes attributes = fields.object("attributes", false)
                .map(this::attributes)
                .orElse(fields.has("attributes") ? null : ProductAttributes.NONE);
        fields.refuseUnknown();
        if (productId == null || name == null || images == null || linkBroken || attributes == null) {
            return null;
        }
        return build(fields, fields.pointer(), () -> new ProductSnapshot(productId, name, images, link, attributes));
    }

    private List<ProductImage> images(Fields fields) {
        Optional<List<?>> items = fields.array("images", true, Limits.IMAGES_MIN, Limits.IMAGES_MAX);
        if (items.isEmpty()) {
            return null;
        }
        List<ProductImage> images = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.get().size(); i++) {
            Optional<Fields> item =
                    Fields.of(items.get().get(i), Violation.child(fields.at("images"), i), fields.violations());
            if (item.isEmpty()) {
                ok = false;
                continue;
            }
            String uri = item.get().text("uri", true, 1, Limits.URL_MAX, Text.LINE);
            item.get().refuseUnknown();
            if (uri != null) {
                Optional<String> problem = ProductImage.problem(uri);
                if (problem.isPresent()) {
                    fields.violations().add(item.get().at("uri"), "FORMAT", problem.get());
                    uri = null;
                }
            }
            if (uri == null) {
                ok = false;
            } else {
                images.add(new ProductImage(uri));
            }
        }
        return ok ? images : null;
    }

    private ProductAttributes attributes(Fields fields) {
        String brand = fields.text("brand", false, 1, Limits.ATTRIBUTE_MAX, Text.LINE);
        String category = fields.text("category", false, 1, Limits.ATTRIBUTE_MAX, Text.LINE);
        String description = fields.text("description", false, 1, Limits.DESCRIPTION_MAX, Text.PARAGRAPHS);
        List<String> colors = new ArrayList<>();
        boolean ok = !(fields.has("brand") && brand == null)
                && !(fields.has("category") && category == null)
                && !(fields.has("description") && description == null);
        Optional<List<?>> items = fields.array("colors", false, 0, Limits.COLORS_MAX);
        if (fields.has("colors") && items.isEmpty()) {
            ok = false;
        }
        for (int i = 0; i < items.map(List::size).orElse(0); i++) {
            String color = Fields.checkText(
                    items.get().get(i), Violation.child(fields.at("colors"), i), 1, 50, Text.LINE, fields.violations());
            ok &= color != null;
            colors.add(color);
        }
        fields.refuseUnknown();
        if (!ok) {
            return null;
        }
        return build(fields, fields.pointer(), () -> new ProductAttributes(brand, category, colors, description));
    }

    /**
     * The settings as given; a field with a violation reads as not given, and the violation is recorded. The bounds of
     * {@code duration_s} and {@code scene_count} are the mode's, checked by its {@link ModeRules} (for a retry, the
     * earlier job's mode), so that even a far-out value is refused with the bound of the mode it was sent to.
     */
    private SettingsPatch settings(Fields fields) {
        SettingsPatch patch = new SettingsPatch(
                fields.choice("aspect", false, Aspect.class),
                aspects(fields),
                fields.boundedLater("duration_s", false),
                fields.boundedLater("scene_count", false),
                fields.choice("presentation", false, Presentation.class),
                fields.token(
                        "voice", false, Limits.VOICE_MAX, Limits.VOICE_PATTERN, "a voice name of A-Z, a-z, 0-9, . _ -"),
                fields.choice("style", false, Style.class),
                fields.token("language", false, 35, Limits.LANGUAGE_PATTERN, "a language tag such as en or pt-BR"),
                fields.decimal("creative_variation", false, 0, 1),
                fields.integer("max_attempts", false, 1, Limits.MAX_ATTEMPTS_MAX),
                fields.text("script", false, 1, Limits.SCRIPT_MAX, Text.PARAGRAPHS));
        fields.refuseUnknown();
        return patch;
    }

    private List<Aspect> aspects(Fields fields) {
        Optional<List<?>> items = fields.array("aspects", false, 1, Aspect.values().length);
        if (items.isEmpty()) {
            return null;
        }
        List<Aspect> aspects = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            String pointer = Violation.child(fields.at("aspects"), i);
            Object item = items.get().get(i);
            Optional<Aspect> aspect =
                    item instanceof String text ? WireEnum.parse(Aspect.class, text) : Optional.empty();
            if (aspect.isEmpty()) {
                fields.violations().add(pointer, "ENUM", "must be one of " + WireEnum.spellings(Aspect.class));
            } else if (aspects.contains(aspect.get())) {
                fields.violations().add(pointer, "DUPLICATE", "appears twice");
            } else {
                aspects.add(aspect.get());
            }
        }
        return aspects.size() == items.get().size() ? aspects : null;
    }

    private String url(Fields fields, String key, boolean required) {
        String url = fields.text(key, required, 1, Limits.URL_MAX, Text.LINE);
        if (url == null) {
            return null;
        }
        Optional<String> problem = WebUrl.problem(url);
        if (problem.isPresent()) {
            fields.violations().add(fields.at(key), "FORMAT", problem.get());
            return null;
        }
        return url;
    }

    private static boolean isSmallFinite(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())
                || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return false;
        }
        return new BigDecimal(n.toString()).abs().compareTo(METADATA_NUMBER_MAX) <= 0;
    }

    private static <T> T build(Fields fields, String pointer, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            fields.violations().add(pointer, "INVALID", e.getMessage() == null ? "is invalid" : e.getMessage());
            return null;
        }
    }
}
