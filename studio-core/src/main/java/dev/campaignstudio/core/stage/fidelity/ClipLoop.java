package dev.campaignstudio.core.stage.fidelity;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.FidelityCheck.ClipRequest;
import dev.campaignstudio.core.capability.FidelityCheck.ClipScore;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.engine.ProducedAsset;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.SourceLabels;
import dev.campaignstudio.core.stage.StageOutputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fidelity loop around every generated clip of the product (docs/fidelity.md, "Clips"): make the clip, score
 * frames sampled through it against the neutral cut-out with the bound {@code fidelity} adapter (the clip scores as
 * its weakest frame), accept at {@link #CLIP_SHARE} of the still threshold of the clip's presentation, otherwise make
 * it again with a new seed and, from the second attempt on, a steady camera, at most {@code max_attempts} times; then
 * refuse with {@code FIDELITY_DRIFT} carrying every attempt's score, as the still loop does.
 *
 * <p>Each check is a durable step note with its clip (role {@code rejected_clip} for a drifted one, the caller's role
 * for the accepted one) and its weakest frame; a step attempt after a crash carries on from the last check.
 */
public final class ClipLoop {

    /** Role of a generated clip that failed its check. */
    public static final String REJECTED = "rejected_clip";
    /** Role of the lowest-scoring frame of a checked clip. */
    public static final String FRAME = "clip_check_frame";
    /** The {@code kind} of a clip check's note. */
    static final String CHECK = "fidelity_clip_check";
    /**
     * A clip's threshold as a share of the still's for the same presentation: encoded frames of a small product lose
     * some detail (a faithful clip at 256 pixels scores 0.75-0.95 on shape, a squashed one about 0.3).
     */
    public static final double CLIP_SHARE = 0.6;
    /** Frames sampled through each clip. */
    static final int SAMPLES = 3;

    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final Capabilities capabilities;
    private final FidelityThresholds thresholds;

    public ClipLoop(Capabilities capabilities, FidelityThresholds thresholds) {
        this.capabilities = capabilities;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * One clip of the product a step makes.
     *
     * @param name         tells it from the step's other clips, e.g. {@code scene 3} or {@code close_up}
     * @param presentation the clip's own presentation, which sets its threshold
     * @param referencePng the neutral cut-out
     * @param role         role of the accepted clip
     * @param firstSeed    the first attempt's seed
     */
    public record Subject(String name, Presentation presentation, byte[] referencePng, String role, long firstSeed) {
        public Subject {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(presentation, "presentation");
            Objects.requireNonNull(referencePng, "referencePng");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * One attempt at the clip.
     *
     * @param number  1-based
     * @param seed    the seed to make it with
     * @param steady  whether to hold the camera still (every attempt after a drift)
     * @param changes what changed from the first attempt, in words
     */
    public record Attempt(int number, long seed, boolean steady, List<String> changes) {
        public Attempt {
            changes = List.copyOf(changes);
        }

        static Attempt of(int number, long firstSeed) {
            return number == 1
                    ? new Attempt(1, firstSeed, false, List.of())
                    : new Attempt(number, firstSeed + SEED_STEP * (number - 1), true, List.of("seed", "steady_camera"));
        }
    }

    /** Makes a clip for an attempt. */
    @FunctionalInterface
    public interface Maker {
        MediaFile make(Attempt attempt) throws StepFault, IOException, InterruptedException;
    }

    /** How the loop ended. */
    public sealed interface Outcome {}

    /**
     * A clip reached the threshold.
     *
     * @param clipId  its asset
     * @param attempt the attempt that made it
     * @param summary the accepted score and every attempt, as the step's outputs list it
     */
    public record Accepted(String clipId, Attempt attempt, Map<String, Object> summary) implements Outcome {}

    /**
     * Every allowed attempt drifted.
     *
     * @param rejection what the step returns: {@code FIDELITY_DRIFT} with every attempt's score
     */
    public record Drifted(StepResult.Rejected rejection) implements Outcome {}

    /**
     * Makes the clip of {@code subject} with {@code maker}, or gives up after the job's {@code max_attempts}.
     *
     * @throws StepFault            provider faults of the video or fidelity adapters
     * @throws IOException          when a file cannot be stored or read
     * @throws InterruptedException when the step is told to stop
     */
    public Outcome make(StepContext context, Subject subject, Maker maker)
            throws StepFault, IOException, InterruptedException {
        double threshold = Math.round(thresholds.of(subject.presentation()) * CLIP_SHARE * 1000) / 1000.0;
        int max = context.settings().orElseThrow().maxAttempts();
        List<Map<String, Object>> checks = earlierChecks(context, subject.name());
        StageOutputs last = checks.isEmpty() ? null : StageOutputs.ofNote(context, checks.get(checks.size() - 1));
        if (last != null && "pass".equals(last.textOrNull("verdict"))) {
            String clip = last.text("clip");
            context.attach(clip, subject.role());
            return new Accepted(
                    clip,
                    Attempt.of(last.integer("attempt"), subject.firstSeed()),
                    summary(subject.name(), checks, threshold));
        }
        FidelityCheck fidelity = capabilities.port(Capability.FIDELITY, FidelityCheck.class);
        for (int number = checks.size() + 1; number <= max; number++) {
            context.cancellation().throwIfCancelled();
            Attempt attempt = Attempt.of(number, subject.firstSeed());
            MediaFile clip = maker.make(attempt);
            ClipScore score;
            boolean pass;
            ProducedAsset stored;
            try {
                score = fidelity.scoreClip(new ClipRequest(subject.referencePng(), clip, SAMPLES));
                pass = score.weakest().score() >= threshold;
                // labelled with its digital source type (a model's clip or a composite), as every output is
                stored = context.store(
                        SourceLabels.labelled(context, clip), AssetKind.VIDEO, pass ? subject.role() : REJECTED);
            } finally {
                TempFiles.delete(clip.file());
            }
            ProducedAsset weakest =
                    context.store(SourceLabels.labelled(context, score.weakestFrame()), AssetKind.IMAGE, FRAME);
            Map<String, Object> check =
                    check(subject.name(), attempt, score, threshold, pass, number < max, stored, weakest);
            context.note(check, List.of(stored, weakest));
            checks.add(check);
            if (pass) {
                return new Accepted(id(stored), attempt, summary(subject.name(), checks, threshold));
            }
        }
        return new Drifted(drifted(context, subject.name(), checks, threshold, max));
    }

    private static List<Map<String, Object>> earlierChecks(StepContext context, String subject) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (StepNote note : context.notes()) {
            if (CHECK.equals(note.note().get("kind"))
                    && subject.equals(note.note().get("subject"))) {
                checks.add(note.note());
            }
        }
        return checks;
    }

    private static Map<String, Object> check(
            String subject,
            Attempt attempt,
            ClipScore score,
            double threshold,
            boolean pass,
            boolean more,
            ProducedAsset clip,
            ProducedAsset frame) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("kind", CHECK);
        check.put("subject", subject);
        check.put("attempt", attempt.number());
        check.put("score", score.weakest().score());
        check.put(
                "parts",
                Map.of(
                        "structure",
                        score.weakest().structure(),
                        "colour",
                        score.weakest().colour(),
                        "location",
                        score.weakest().location(),
                        "proportion",
                        score.weakest().proportion()));
        check.put("frame_scores", score.frameScores());
        check.put("frame_times_ms", score.frameTimesMs());
        check.put("threshold", threshold);
        check.put("verdict", pass ? "pass" : "drift");
        check.put(
                "message",
                String.format(
                        Locale.ROOT,
                        "clip check %.2f %s",
                        score.weakest().score(),
                        pass ? "pass" : more ? "drift, making the clip again" : "drift, no attempt left"));
        check.put("seed", Long.toUnsignedString(attempt.seed()));
        check.put("steady_camera", attempt.steady());
        check.put("changes", attempt.changes());
        check.put("clip", id(clip));
        check.put("frame", id(frame));
        return check;
    }

    private static Map<String, Object> attemptOf(Map<String, Object> check) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        for (String key : List.of("attempt", "score", "parts", "frame_scores", "verdict", "changes", "seed")) {
            attempt.put(key, check.get(key));
        }
        attempt.put("kind", "clip");
        attempt.put("asset_id", check.get("clip"));
        attempt.put("url", "/v1/assets/" + check.get("clip"));
        attempt.put("frame_url", "/v1/assets/" + check.get("frame"));
        return attempt;
    }

    private static Map<String, Object> summary(String subject, List<Map<String, Object>> checks, double threshold) {
        Map<String, Object> accepted = checks.get(checks.size() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subject", subject);
        summary.put("kind", "clip");
        summary.put("asset_id", accepted.get("clip"));
        summary.put("score", accepted.get("score"));
        summary.put("threshold", threshold);
        summary.put("attempts", checks.stream().map(ClipLoop::attemptOf).toList());
        return summary;
    }

    private static StepResult.Rejected drifted(
            StepContext context, String subject, List<Map<String, Object>> checks, double threshold, int max) {
        double best = checks.stream()
                .mapToDouble(c -> StageOutputs.ofNote(context, c).real("score"))
                .max()
                .orElse(0);
        String where =
                context.sceneOrder() == null ? context.stage() : context.stage() + " scene " + context.sceneOrder();
        String message = String.format(
                Locale.ROOT,
                "the product drifted from its reference in all %d attempts at %s (%s); "
                        + "best score %.2f, threshold %.2f",
                checks.size(),
                where,
                subject,
                best,
                threshold);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", subject);
        details.put("threshold", threshold);
        details.put("max_attempts", max);
        details.put("attempts", checks.stream().map(ClipLoop::attemptOf).toList());
        return new StepResult.Rejected(FidelityLoop.DRIFT, message, details);
    }

    private static String id(ProducedAsset asset) {
        return asset.asset().id().value();
    }
}
