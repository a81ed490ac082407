package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ProductAnalysis.CutOut;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.contract.ProductImage;
import dev.campaignstudio.core.engine.ProducedAsset;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import dev.campaignstudio.core.stage.SourceImages;
import dev.campaignstudio.core.stage.SourceImages.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code neutral_image}: the clean cut-out of every product photo, and the best of them as the product's neutral
 * reference. The best is the one with the highest {@link #score}: sharp, large in pixels, and filling a fair share of
 * its frame; why it won is recorded with the scores of all.
 */
public final class NeutralImageStage extends CheckpointedStage<List<Source>> {

    /** Role of the chosen cut-out. */
    public static final String NEUTRAL_IMAGE = "neutral_image";
    /** Role of the other photos' cut-outs. */
    public static final String CUTOUT = "cutout";

    private final Capabilities capabilities;
    private final SourceImages sources;

    public NeutralImageStage(Capabilities capabilities, SourceImages sources, CheckpointStore checkpoints) {
        super(checkpoints);
        this.capabilities = capabilities;
        this.sources = sources;
    }

    @Override
    protected Prepared<List<Source>> prepare(StepContext context) throws Exception {
        List<ProductImage> images = context.inputs().product().images();
        List<Source> loaded = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            context.cancellation().throwIfCancelled();
            loaded.add(sources.load(images.get(i), i + 1));
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sources", loaded.stream().map(Source::sha256).toList());
        inputs.put("product_analysis", capabilities.maker(Capability.PRODUCT_ANALYSIS));
        return new Prepared<>(inputs, loaded);
    }

    @Override
    protected Produced produce(StepContext context, List<Source> loaded) throws Exception {
        ProductAnalysis analysis = capabilities.port(Capability.PRODUCT_ANALYSIS, ProductAnalysis.class);
        List<CutOut> cutOuts = new ArrayList<>();
        for (Source source : loaded) {
            context.cancellation().throwIfCancelled();
            cutOuts.add(cutOut(analysis, source));
        }
        int best = 0;
        for (int i = 1; i < cutOuts.size(); i++) {
            if (score(cutOuts.get(i)) > score(cutOuts.get(best))) {
                best = i;
            }
        }
        List<Object> described = new ArrayList<>();
        List<String> cutOutIds = new ArrayList<>();
        String chosenId = null;
        for (int i = 0; i < cutOuts.size(); i++) {
            CutOut cut = cutOuts.get(i);
            MediaFile png = cut.png();
            ProducedAsset stored = context.store(
                    png.data(),
                    AssetKind.IMAGE,
                    png.mediaType(),
                    png.width(),
                    png.height(),
                    null,
                    i == best ? NEUTRAL_IMAGE : CUTOUT);
            String id = stored.asset().id().value();
            cutOutIds.add(id);
            if (i == best) {
                chosenId = id;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("image", i + 1);
            entry.put("sha256", loaded.get(i).sha256());
            entry.put("cutout", id);
            entry.put("source_width", cut.sourceWidth());
            entry.put("source_height", cut.sourceHeight());
            entry.put("product_width", cut.bounds().width());
            entry.put("product_height", cut.bounds().height());
            entry.put("coverage", round(cut.coverage()));
            entry.put("sharpness", round(cut.sharpness()));
            entry.put("score", round(score(cut)));
            described.add(entry);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(NEUTRAL_IMAGE, chosenId);
        outputs.put("chosen_image", best + 1);
        outputs.put(NeutralImageOutputs.REASON, reason(cutOuts, best));
        outputs.put(NeutralImageOutputs.CUTOUTS, cutOutIds);
        outputs.put("sources", described);
        return new Produced(outputs, capabilities.adapter(Capability.PRODUCT_ANALYSIS), true);
    }

    /** The cut-out of one photo; a refusal names the photo ({@code image 2: ...}). */
    private static CutOut cutOut(ProductAnalysis analysis, Source source) throws StepFault {
        try {
            return analysis.cutOut(source.data());
        } catch (StepFault fault) {
            throw new StepFault(
                    fault.code(),
                    "image " + source.index() + ": " + fault.getMessage(),
                    fault.retryable(),
                    fault.retryAfter());
        }
    }

    /**
     * How good a reference a cut-out makes, 0 to 1: 40% sharpness (variance of the Laplacian, on a log scale, full
     * marks from 1000), 30% size (full marks from 768 pixels on the geometric mean side of the product), 30% how much
     * of the frame the product fills (full marks from 25% to 70%; less is a distant shot, more is likely cropped).
     */
    static double score(CutOut cut) {
        return 0.4 * sharpness(cut) + 0.3 * size(cut) + 0.3 * fill(cut);
    }

    private static double sharpness(CutOut cut) {
        return Math.min(1, Math.log10(1 + Math.max(0, cut.sharpness())) / 3);
    }

    private static double size(CutOut cut) {
        return Math.min(
                1, Math.sqrt((double) cut.bounds().width() * cut.bounds().height()) / 768);
    }

    private static double fill(CutOut cut) {
        double c = cut.coverage();
        if (c < 0.25) {
            return c / 0.25;
        }
        return c <= 0.7 ? 1 : Math.max(0, 1 - (c - 0.7) / 0.3 * 0.5);
    }

    private static String reason(List<CutOut> cutOuts, int best) {
        CutOut chosen = cutOuts.get(best);
        String facts = String.format(
                Locale.ROOT,
                "sharpness %.0f, product %dx%d px, fills %.0f%% of a %dx%d frame",
                chosen.sharpness(),
                chosen.bounds().width(),
                chosen.bounds().height(),
                chosen.coverage() * 100,
                chosen.sourceWidth(),
                chosen.sourceHeight());
        if (cutOuts.size() == 1) {
            return "image 1 is the only photo (" + facts + ")";
        }
        List<String> strengths = new ArrayList<>();
        if (cutOuts.stream().allMatch(c -> sharpness(c) <= sharpness(chosen))) {
            strengths.add("sharpest");
        }
        if (cutOuts.stream().allMatch(c -> size(c) <= size(chosen))) {
            strengths.add("largest product");
        }
        if (cutOuts.stream().allMatch(c -> fill(c) <= fill(chosen))) {
            strengths.add("best framed");
        }
        String why = strengths.isEmpty() ? "best balance of sharpness, size and framing" : String.join(", ", strengths);
        return String.format(
                Locale.ROOT,
                "image %d scored %.2f of %d photos: %s (%s)",
                best + 1,
                score(chosen),
                cutOuts.size(),
                why,
                facts);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
