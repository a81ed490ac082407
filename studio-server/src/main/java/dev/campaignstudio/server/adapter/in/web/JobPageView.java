package dev.campaignstudio.server.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the job page shows, assembled by {@link JobViews} from core's read ports; the templates only lay it out.
 *
 * @param job        the job's header facts
 * @param steps      every step attempt in pipeline order, with its bar on the job's time line
 * @param scenes     one card per scene with the files of its per-scene stages
 * @param fidelity   every fidelity check of the job's images, grouped per step and image
 * @param outputs    the manifest's files when the job succeeded
 * @param texts      script, storyboard and captions, when the job made them
 * @param events     the job's events, newest first
 * @param retryStages stages a retry may start from, with the scenes of per-scene ones
 * @param lastSequence the newest event's sequence (the live stream continues after it)
 */
public record JobPageView(
        Header job,
        List<StepRow> steps,
        List<SceneCard> scenes,
        List<FidelityGroup> fidelity,
        List<Media> outputs,
        List<TextBlock> texts,
        List<EventRow> events,
        List<RetryStage> retryStages,
        long lastSequence) {

    /** Every scene a retry may start from, across the per-scene stages. */
    public List<Integer> retryScenes() {
        return retryStages.stream()
                .flatMap(r -> r.scenes().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The job's own facts.
     *
     * @param id          job id
     * @param type        job type
     * @param status      lifecycle state
     * @param mode        output mode, or {@code null}
     * @param productId   product
     * @param parentJobId resumed job, or {@code null}
     * @param createdAt   accepted
     * @param startedAt   started, or {@code null}
     * @param finishedAt  ended, or {@code null}
     * @param took        run time so far
     * @param cancelRequested whether someone asked to cancel it
     * @param percent     share of its steps that are done (0-100)
     * @param error       code, message, stage and scene of its failure, or {@code null}
     * @param prompt      the prompt it works from, or {@code null}
     * @param settings    its settings (or a retry's target and changes) as label and value
     * @param retries     retries that resume it: id, status and target
     * @param callbackUrl where its events are sent (without query), or {@code null}
     */
    public record Header(
            String id,
            String type,
            String status,
            String mode,
            String productId,
            String parentJobId,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String took,
            boolean cancelRequested,
            int percent,
            Map<String, Object> error,
            String prompt,
            Map<String, String> settings,
            List<Map<String, String>> retries,
            String callbackUrl) {

        public boolean live() {
            return status.equals("queued") || status.equals("running");
        }

        public String created() {
            return Durations.at(createdAt);
        }

        public String started() {
            return Durations.at(startedAt);
        }

        public String finished() {
            return Durations.at(finishedAt);
        }
    }

    /**
     * One step attempt on the job's time line.
     *
     * @param stage        stage
     * @param sceneOrder   scene, or {@code null}
     * @param attempt      attempt number
     * @param status       lifecycle state
     * @param queue        queue it ran on
     * @param adapter      adapter that served it, or {@code null}
     * @param waited       time from ready to claimed
     * @param took         time from claimed to finished (or now)
     * @param errorCode    error code, or {@code null}
     * @param errorMessage error message, or {@code null}
     * @param left         where its bar starts, percent of the job's span
     * @param width        its bar's length, percent of the job's span
     * @param details      its inputs and outputs as indented JSON
     */
    public record StepRow(
            String stage,
            Integer sceneOrder,
            int attempt,
            String status,
            String queue,
            String adapter,
            String waited,
            String took,
            String errorCode,
            String errorMessage,
            double left,
            double width,
            String details) {

        /** The step in words: {@code scene_image · scene 3}. */
        public String name() {
            return sceneOrder == null ? stage : stage + " · scene " + sceneOrder;
        }
    }

    /**
     * One scene: each per-scene stage's state and files.
     *
     * @param order  1-based scene
     * @param stages stage name to its latest attempt's status
     * @param media  files of its finished stages
     */
    public record SceneCard(int order, Map<String, String> stages, List<Media> media) {}

    /**
     * The fidelity checks of one image a step made.
     *
     * @param stage      stage
     * @param sceneOrder scene, or {@code null}
     * @param subject    which image of the step, e.g. {@code 9:16}
     * @param threshold  score it had to reach
     * @param stepStatus how the step ended
     * @param attempts   every attempt, first first
     */
    public record FidelityGroup(
            String stage,
            Integer sceneOrder,
            String subject,
            double threshold,
            String stepStatus,
            List<FidelityAttempt> attempts) {

        /** The page of this group's step: {@code /console/jobs/{id}/fidelity?stage=..&scene=..}. */
        public String query() {
            return "stage=" + stage + (sceneOrder == null ? "" : "&scene=" + sceneOrder);
        }

        public String name() {
            return (sceneOrder == null ? stage : stage + " · scene " + sceneOrder) + " · " + subject;
        }
    }

    /**
     * One generation and its check.
     *
     * @param attempt  1-based
     * @param score    overall score
     * @param parts    structure, colour, location and proportion scores
     * @param verdict  {@code pass} or {@code drift}
     * @param changes  what was changed for this attempt after the previous one drifted
     * @param assetId  the generated image
     * @param seed     generation seed
     */
    public record FidelityAttempt(
            int attempt,
            double score,
            Map<String, Object> parts,
            String verdict,
            List<String> changes,
            String assetId,
            String seed) {

        public boolean accepted() {
            return "pass".equals(verdict);
        }

        public String url() {
            return "/console/assets/" + assetId;
        }

        public String scoreText() {
            return String.format(java.util.Locale.ROOT, "%.3f", score);
        }
    }

    /**
     * Lines of text a job made: a script, a storyboard, captions.
     *
     * @param title what it is
     * @param lines label and text of each line
     */
    public record TextBlock(String title, List<Map<String, String>> lines) {}

    /**
     * One event.
     *
     * @param sequence   per-job sequence
     * @param type       event type
     * @param occurredAt when
     * @param summary    what it says, in a line
     */
    public record EventRow(long sequence, String type, Instant occurredAt, String summary) {

        public String at() {
            return Durations.at(occurredAt);
        }
    }

    /**
     * A stage a retry may start from.
     *
     * @param stage  stage name
     * @param scenes its scenes, empty for once-per-job stages
     */
    public record RetryStage(String stage, List<Integer> scenes) {}
}
