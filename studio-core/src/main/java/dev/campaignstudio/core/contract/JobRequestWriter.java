package dev.campaignstudio.core.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a job request as a neutral JSON tree in the contract's own spelling, with defaults applied. Reading the
 * tree back with {@link JobRequestReader} gives an equal request, so the tree is the stored job snapshot.
 */
public final class JobRequestWriter {

    /** The tree of {@code request}. */
    public Map<String, Object> write(JobRequest request) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", request.envelope().contractVersion());
        tree.put("job_type", request.type().wire());
        tree.put("idempotency_key", request.idempotencyKey());
        if (request.envelope().callback() != null) {
            tree.put("callback", callback(request.envelope().callback()));
        }
        if (!request.envelope().metadata().isEmpty()) {
            tree.put("metadata", new LinkedHashMap<>(request.envelope().metadata()));
        }
        if (request instanceof MarketingCreationRequest creation) {
            tree.put("product", product(creation.product()));
        } else if (request instanceof MarketingOutputRequest output) {
            tree.put("product", product(output.product()));
            tree.put("mode", output.mode().wire());
            tree.put("prompt", output.prompt());
            tree.put("settings", settings(output.settings().asPatch()));
        } else if (request instanceof RetryRequest retry) {
            tree.put("job_id", retry.jobId().value());
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("stage", retry.target().stage());
            putIfSet(target, "scene_order", retry.target().sceneOrder());
            tree.put("target", target);
            putIfSet(tree, "prompt", retry.prompt());
            if (!retry.settings().isEmpty()) {
                tree.put("settings", settings(retry.settings()));
            }
        }
        return tree;
    }

    /** The settings object of {@code patch}, with only the fields it sets. */
    public Map<String, Object> settings(SettingsPatch patch) {
        Map<String, Object> tree = new LinkedHashMap<>();
        putIfSet(tree, "aspect", patch.aspect() == null ? null : patch.aspect().wire());
        putIfSet(
                tree,
                "aspects",
                patch.aspects() == null
                        ? null
                        : patch.aspects().stream().map(Aspect::wire).toList());
        putIfSet(tree, "duration_s", patch.durationS());
        putIfSet(tree, "scene_count", patch.sceneCount());
        putIfSet(
                tree,
                "presentation",
                patch.presentation() == null ? null : patch.presentation().wire());
        putIfSet(tree, "voice", patch.voice());
        putIfSet(tree, "style", patch.style() == null ? null : patch.style().wire());
        putIfSet(tree, "language", patch.language());
        putIfSet(tree, "creative_variation", patch.creativeVariation());
        putIfSet(tree, "max_attempts", patch.maxAttempts());
        putIfSet(tree, "script", patch.script());
        return tree;
    }

    private static Map<String, Object> callback(Callback callback) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("url", callback.url());
        putIfSet(tree, "secret_ref", callback.secretRef());
        return tree;
    }

    private static Map<String, Object> product(ProductSnapshot product) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("product_id", product.productId());
        tree.put("name", product.name());
        List<Object> images = new ArrayList<>();
        for (ProductImage image : product.images()) {
            images.add(Map.of("uri", image.uri()));
        }
        tree.put("images", images);
        putIfSet(tree, "link", product.link());
        ProductAttributes attributes = product.attributes();
        if (!attributes.equals(ProductAttributes.NONE)) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            putIfSet(attrs, "brand", attributes.brand());
            putIfSet(attrs, "category", attributes.category());
            if (!attributes.colors().isEmpty()) {
                attrs.put("colors", new ArrayList<>(attributes.colors()));
            }
            putIfSet(attrs, "description", attributes.description());
            tree.put("attributes", attrs);
        }
        return tree;
    }

    private static void putIfSet(Map<String, Object> tree, String key, Object value) {
        if (value != null) {
            tree.put(key, value);
        }
    }
}
