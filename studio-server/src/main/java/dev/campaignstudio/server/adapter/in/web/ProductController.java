package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.core.port.in.FindProducts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A product's identity as its checkpoints hold it: the cut-outs, the character sheet, the palette and description, the
 * storyboard seeds, and every checkpoint kept (docs/identity.md).
 */
@Controller
class ProductController {

    private static final java.util.regex.Pattern PRODUCT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}");

    private final FindProducts products;
    private final FindAssets assets;

    ProductController(FindProducts products, FindAssets assets) {
        this.products = products;
        this.assets = assets;
    }

    /**
     * One kept checkpoint as listed.
     *
     * @param stage       stage
     * @param fingerprint first characters of its input fingerprint
     * @param adapter     adapter that made it
     * @param jobId       job that made it
     * @param created     when, in UTC
     */
    public record CheckpointRow(String stage, String fingerprint, String adapter, String jobId, String created) {}

    @GetMapping("/console/products/{productId}")
    String product(@PathVariable("productId") String productId, Model model) {
        if (!PRODUCT_ID.matcher(productId).matches()) {
            throw new NotFound("there is no product '"
                    + (productId.length() > 64 ? productId.substring(0, 64) + "..." : productId) + "'");
        }
        List<ProductCheckpoint> all = products.checkpoints(productId);
        Map<String, ProductCheckpoint> latest = new LinkedHashMap<>();
        for (ProductCheckpoint checkpoint : all) {
            latest.putIfAbsent(checkpoint.key().stage(), checkpoint);
        }
        model.addAttribute("productId", productId);
        model.addAttribute("cutouts", media(latest.get("neutral_image")));
        model.addAttribute("sheets", media(latest.get("character_sheet")));
        Map<String, Object> metadata =
                latest.containsKey("metadata") ? latest.get("metadata").outputs() : Map.of();
        model.addAttribute("palette", palette(metadata.get("palette")));
        Map<String, String> facts = new LinkedHashMap<>();
        for (String key : List.of("brand", "category", "description", "colors", "keywords")) {
            Object value = metadata.get(key);
            if (value instanceof List<?> list) {
                value = String.join(", ", list.stream().map(String::valueOf).toList());
            }
            if (value != null && !String.valueOf(value).isBlank()) {
                facts.put(key, String.valueOf(value));
            }
        }
        model.addAttribute("facts", facts);
        Object concepts = latest.containsKey("storyboard_seeds")
                ? latest.get("storyboard_seeds").outputs().get("concepts")
                : null;
        model.addAttribute(
                "seeds",
                concepts instanceof List<?> list
                        ? list.stream()
                                .filter(Map.class::isInstance)
                                .map(Map.class::cast)
                                .toList()
                        : List.of());
        model.addAttribute(
                "checkpoints",
                all.stream()
                        .map(c -> new CheckpointRow(
                                c.key().stage(),
                                c.key().fingerprint().substring(0, 12),
                                c.adapter(),
                                c.jobId().value(),
                                Durations.at(c.createdAt())))
                        .toList());
        return "console/product";
    }

    private List<Media> media(ProductCheckpoint checkpoint) {
        List<Media> media = new ArrayList<>();
        if (checkpoint == null) {
            return media;
        }
        for (StepRecord.StepAsset ref : checkpoint.assets()) {
            if (AssetId.isValid(ref.assetId())) {
                assets.asset(new AssetId(ref.assetId()))
                        .filter(a -> a.mediaType().startsWith("image/"))
                        .ifPresent(a -> media.add(Media.of(a, ref.role(), null)));
            }
        }
        return media;
    }

    private static List<Map<String, String>> palette(Object value) {
        List<Map<String, String>> swatches = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> colour
                        && colour.get("hex") instanceof String hex
                        && HEX.matcher(hex).matches()) {
                    String share =
                            colour.get("share") instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "";
                    swatches.add(Map.of("hex", hex, "share", share));
                }
            }
        }
        return swatches;
    }
}
