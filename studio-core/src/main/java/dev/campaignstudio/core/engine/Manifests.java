package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepRecord.Slot;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.DownloadLinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The output manifest of a finished job: the files of its last stage with their media facts and URLs, in scene order;
 * the small outputs of its last stage as {@code result} when that stage runs once per job (for a creation job, the
 * product identity); and every stage's outputs (script, storyboard, transcripts...) with the adapter that served it,
 * its attempt and timings.
 */
public final class Manifests {

    /** An output's key for its expiring link that needs no token. */
    public static final String DOWNLOAD_URL = "download_url";

    /** An output's key for when its download link expires. */
    public static final String DOWNLOAD_EXPIRES_AT = "download_expires_at";

    private Manifests() {}

    /**
     * Builds the manifest.
     *
     * @param pipeline the job's pipeline
     * @param steps    every attempt of the job
     * @param assets   looks up asset records
     */
    public static Map<String, Object> build(
            PipelineDefinition pipeline, List<StepRecord> steps, Function<AssetId, Optional<Asset>> assets) {
        return build(pipeline, steps, assets, DownloadLinks.NONE);
    }

    /**
     * Builds the manifest, each output with a fresh {@code download_url} and its {@code download_expires_at} where
     * {@code links} makes them.
     *
     * @param pipeline the job's pipeline
     * @param steps    every attempt of the job
     * @param assets   looks up asset records
     * @param links    makes download links
     */
    public static Map<String, Object> build(
            PipelineDefinition pipeline,
            List<StepRecord> steps,
            Function<AssetId, Optional<Asset>> assets,
            DownloadLinks links) {
        Map<Slot, StepRecord> done = JobPlanner.done(steps);
        Map<String, Integer> sceneOfAsset = new HashMap<>();
        done.values().stream()
                .filter(s -> s.sceneOrNull() != null)
                .forEach(s -> s.assets().forEach(a -> sceneOfAsset.putIfAbsent(a.assetId(), s.sceneOrNull())));
        List<StageDefinition> stages = pipeline.stages();
        String last = stages.get(stages.size() - 1).name();
        List<Object> outputs = new ArrayList<>();
        List<Object> stageOutputs = new ArrayList<>();
        for (StageDefinition stage : stages) {
            List<StepRecord> ofStage = done.values().stream()
                    .filter(s -> s.stage().equals(stage.name()))
                    .sorted(Comparator.comparingInt(StepRecord::sceneOrder))
                    .toList();
            for (StepRecord step : ofStage) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("stage", step.stage());
                entry.put("scene_order", step.sceneOrNull());
                entry.put("status", step.status().wire());
                entry.put("adapter", step.adapter());
                entry.put("attempt", step.attempt());
                entry.put(
                        "started_at",
                        step.startedAt() == null ? null : step.startedAt().toString());
                entry.put(
                        "finished_at",
                        step.finishedAt() == null ? null : step.finishedAt().toString());
                entry.put(
                        "duration_ms",
                        step.startedAt() == null || step.finishedAt() == null
                                ? null
                                : Duration.between(step.startedAt(), step.finishedAt())
                                        .toMillis());
                entry.put("outputs", step.outputs());
                entry.put(
                        "assets",
                        step.assets().stream()
                                .map(a -> Map.of("asset_id", a.assetId(), "role", a.role()))
                                .toList());
                stageOutputs.add(entry);
                if (stage.name().equals(last)) {
                    for (StepRecord.StepAsset ref : step.assets()) {
                        Integer scene =
                                step.sceneOrNull() != null ? step.sceneOrNull() : sceneOfAsset.get(ref.assetId());
                        assets.apply(new AssetId(ref.assetId()))
                                .ifPresent(asset -> outputs.add(withLink(
                                        withMakers(describe(asset, ref.role(), scene), pipeline, done, scene),
                                        asset,
                                        links)));
                    }
                }
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("pipeline", pipeline.name());
        manifest.put("outputs", outputs);
        StageDefinition lastStage = stages.get(stages.size() - 1);
        StepRecord lastStep = done.get(new Slot(last, 0));
        if (!lastStage.perScene() && lastStep != null && !lastStep.outputs().isEmpty()) {
            manifest.put("result", lastStep.outputs());
        }
        manifest.put("stages", stageOutputs);
        manifest.put("cost", cost(steps));
        List<Object> fidelity = fidelity(pipeline, done);
        if (!fidelity.isEmpty()) {
            manifest.put("fidelity", Map.of("images", fidelity));
        }
        return manifest;
    }

    /**
     * What the job's provider calls cost, every attempt's included (a failed or timed-out attempt's calls were paid
     * too): the total of the calls with a cost, by provider, and how many calls had none (no price configured).
     */
    static Map<String, Object> cost(List<StepRecord> steps) {
        double total = 0;
        int calls = 0;
        int unpriced = 0;
        Map<String, Double> byProvider = new java.util.TreeMap<>();
        for (StepRecord step : steps) {
            if (!(step.outputs().get(ProviderCalls.OUTPUT) instanceof List<?> made)) {
                continue;
            }
            for (Object call : made) {
                if (call instanceof Map<?, ?> c) {
                    calls++;
                    if (c.get("cost") instanceof Number cost) {
                        total += cost.doubleValue();
                        byProvider.merge(String.valueOf(c.get("provider")), cost.doubleValue(), Double::sum);
                    } else {
                        unpriced++;
                    }
                }
            }
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("total", round(total));
        cost.put("calls", calls);
        cost.put("unpriced_calls", unpriced);
        Map<String, Object> rounded = new LinkedHashMap<>();
        byProvider.forEach((provider, sum) -> rounded.put(provider, round(sum)));
        cost.put("by_provider", rounded);
        return cost;
    }

    private static double round(double amount) {
        return Math.round(amount * 1_000_000d) / 1_000_000d;
    }

    /**
     * The output with {@code made_by}: the adapter of every step it was made from (the job's once-per-job steps and
     * those of its scene, or of every scene for a whole-job output), with the models, versions and seeds of their
     * provider calls.
     */
    private static Map<String, Object> withMakers(
            Map<String, Object> output, PipelineDefinition pipeline, Map<Slot, StepRecord> done, Integer scene) {
        List<Object> makers = new ArrayList<>();
        for (StageDefinition stage : pipeline.stages()) {
            done.values().stream()
                    .filter(s -> s.stage().equals(stage.name()) && s.adapter() != null)
                    .filter(s -> scene == null
                            || s.sceneOrNull() == null
                            || s.sceneOrNull().equals(scene))
                    .sorted(Comparator.comparingInt(StepRecord::sceneOrder))
                    .forEach(step -> makers.add(maker(step)));
        }
        output.put("made_by", makers);
        return output;
    }

    private static Map<String, Object> maker(StepRecord step) {
        Map<String, Object> maker = new LinkedHashMap<>();
        maker.put("stage", step.stage());
        maker.put("scene_order", step.sceneOrNull());
        maker.put("adapter", step.adapter());
        Map<String, Map<String, Object>> models = new LinkedHashMap<>();
        if (step.outputs().get(ProviderCalls.OUTPUT) instanceof List<?> calls) {
            for (Object call : calls) {
                if (call instanceof Map<?, ?> c && "ok".equals(c.get("outcome"))) {
                    String key = c.get("provider") + " " + c.get("model");
                    Map<String, Object> model = models.computeIfAbsent(key, k -> {
                        Map<String, Object> made = new LinkedHashMap<>();
                        made.put("provider", c.get("provider"));
                        made.put("model", c.get("model"));
                        return made;
                    });
                    for (String fact : List.of("version", "seed")) {
                        if (c.get(fact) != null) {
                            model.put(fact, c.get(fact));
                        }
                    }
                }
            }
        }
        if (!models.isEmpty()) {
            maker.put("models", List.copyOf(models.values()));
        }
        if (step.outputs().get("seed") instanceof Number seed) {
            maker.put("seed", seed);
        }
        return maker;
    }

    /**
     * The accepted fidelity score of every image and clip of the product the job made ({@code kind}), in stage and scene
     * order: what stages list under {@code fidelity} in their outputs.
     */
    private static List<Object> fidelity(PipelineDefinition pipeline, Map<Slot, StepRecord> done) {
        List<Object> images = new ArrayList<>();
        for (StageDefinition stage : pipeline.stages()) {
            done.values().stream()
                    .filter(s -> s.stage().equals(stage.name()))
                    .sorted(Comparator.comparingInt(StepRecord::sceneOrder))
                    .forEach(step -> {
                        if (step.outputs().get("fidelity") instanceof List<?> checks) {
                            for (Object check : checks) {
                                if (check instanceof Map<?, ?> accepted) {
                                    Map<String, Object> entry = new LinkedHashMap<>();
                                    entry.put("stage", step.stage());
                                    entry.put("scene_order", step.sceneOrNull());
                                    entry.put("subject", accepted.get("subject"));
                                    entry.put("kind", accepted.get("kind") == null ? "image" : accepted.get("kind"));
                                    entry.put("asset_id", accepted.get("asset_id"));
                                    entry.put("score", accepted.get("score"));
                                    entry.put("threshold", accepted.get("threshold"));
                                    entry.put(
                                            "attempts",
                                            accepted.get("attempts") instanceof List<?> all ? all.size() : 1);
                                    images.add(entry);
                                }
                            }
                        }
                    });
        }
        return images;
    }

    /**
     * A stored manifest with fresh download links: each output's {@code download_url} and {@code download_expires_at}
     * made again now (an old one may have expired), others left as they are.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withFreshLinks(
            Map<String, Object> manifest, Function<AssetId, Optional<Asset>> assets, DownloadLinks links) {
        if (manifest == null || !(manifest.get("outputs") instanceof List<?> outputs)) {
            return manifest;
        }
        List<Object> fresh = new ArrayList<>();
        for (Object output : outputs) {
            if (output instanceof Map<?, ?> entry
                    && entry.get("asset_id") instanceof String id
                    && AssetId.isValid(id)) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) entry);
                copy.remove(DOWNLOAD_URL);
                copy.remove(DOWNLOAD_EXPIRES_AT);
                fresh.add(assets.apply(new AssetId(id))
                        .map(asset -> withLink(copy, asset, links))
                        .orElse(copy));
            } else {
                fresh.add(output);
            }
        }
        Map<String, Object> refreshed = new LinkedHashMap<>(manifest);
        refreshed.put("outputs", fresh);
        return refreshed;
    }

    private static Map<String, Object> withLink(Map<String, Object> entry, Asset asset, DownloadLinks links) {
        links.link(asset).ifPresent(link -> {
            entry.put(DOWNLOAD_URL, link.url().toString());
            entry.put(DOWNLOAD_EXPIRES_AT, link.expiresAt().toString());
        });
        return entry;
    }

    /** An asset as the manifest and progress events show it. */
    public static Map<String, Object> describe(Asset asset, String role, Integer sceneOrder) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("asset_id", asset.id().value());
        entry.put("kind", asset.kind().wire());
        entry.put("role", role);
        entry.put("scene_order", sceneOrder);
        entry.put("media_type", asset.mediaType());
        entry.put("url", "/v1/assets/" + asset.id().value());
        entry.put("sha256", asset.sha256());
        entry.put("bytes", asset.bytes());
        entry.put("width", asset.width());
        entry.put("height", asset.height());
        entry.put("duration_ms", asset.durationMs());
        return entry;
    }
}
