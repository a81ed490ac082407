package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.WorkQueue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine does next for one job, as decided by {@link JobPlanner}.
 *
 * @param newSteps    attempts to create and dispatch
 * @param skipPending whether every pending attempt is to be skipped (the job is ending)
 * @param ending      how the job ends now, or {@code null} when it goes on
 */
public record Plan(List<NewStep> newSteps, boolean skipPending, Ending ending) {

    public Plan {
        newSteps = List.copyOf(newSteps);
    }

    /** Nothing to do (yet). */
    public static final Plan WAIT = new Plan(List.of(), false, null);

    /**
     * An attempt to create.
     *
     * @param stage      stage name
     * @param sceneOrder 1-based scene or 0
     * @param attempt    1-based attempt
     * @param queue      queue to dispatch it on
     * @param notBefore  earliest start, or {@code null} for now
     */
    public record NewStep(String stage, int sceneOrder, int attempt, WorkQueue queue, Instant notBefore) {}

    /** How a job ends. */
    public sealed interface Ending {}

    /** Every stage is done. */
    public record Succeeded() implements Ending {}

    /** A step failed for good; the error names its stage and scene. */
    public record Failed(JobError error) implements Ending {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Cancellation was requested and no step is running any more. */
    public record Cancelled() implements Ending {}
}
