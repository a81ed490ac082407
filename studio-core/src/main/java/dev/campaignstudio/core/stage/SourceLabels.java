package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.asset.DigitalSourceType;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.job.StepRecord;
import java.util.List;
import java.util.Map;

/**
 * Which IPTC digital source type a file a stage stores gets (docs/providers.md, "Cost and provenance"): a file made in
 * a
 * step that called a generative model is that model's ({@code trainedAlgorithmicMedia}); one made from the job's
 * earlier steps of which some called one is a composite with such media; with local adapters only, a synthetic
 * composite of the product's own pictures.
 */
public final class SourceLabels {

    private SourceLabels() {}

    /** {@code file} with its digital source type written in (PNG, JPEG and MP4; other files as they are). */
    public static MediaFile labelled(StepContext context, MediaFile file) {
        if (file.onDisk()) {
            try {
                of(context).label(file.file(), file.mediaType());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return file;
        }
        byte[] data = of(context).label(file.data(), file.mediaType());
        return data == file.data()
                ? file
                : new MediaFile(data, file.mediaType(), file.width(), file.height(), file.durationMs());
    }

    /** The digital source type of what the running step makes. */
    public static DigitalSourceType of(StepContext context) {
        if (ProviderCalls.peek().stream()
                .anyMatch(call -> "ok".equals(call.outcome()) && generative(call.operation()))) {
            return DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA;
        }
        for (StepRecord step : context.finishedSteps()) {
            if (step.outputs().get(ProviderCalls.OUTPUT) instanceof List<?> calls
                    && calls.stream()
                            .anyMatch(call -> call instanceof Map<?, ?> c
                                    && "ok".equals(c.get("outcome"))
                                    && generative(String.valueOf(c.get("operation"))))) {
                return DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA;
            }
        }
        return DigitalSourceType.COMPOSITE_SYNTHETIC;
    }

    /** Whether a call's operation makes pictures or video (images, predictions, queue results), not text or speech. */
    static boolean generative(String operation) {
        return operation.startsWith("images/") || operation.startsWith("predictions") || operation.startsWith("queue/");
    }
}
