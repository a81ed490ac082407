package dev.campaignstudio.core.pipeline;

import dev.campaignstudio.core.job.WorkQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One stage of a pipeline, with the call policy that governs it (queue, retries, timeout), set where the pipeline is
 * defined rather than inside the adapters that serve it.
 *
 * @param name     stage name as clients and retries spell it
 * @param perScene whether the stage runs once per scene (fans out) rather than once per job
 * @param queue    the queue its steps run on
 * @param retry    how transient faults are retried
 * @param timeout  longest one attempt may run
 * @param when     which jobs it applies to
 * @param uses     the earlier stages whose outputs it builds on, so that it reruns when a retry reruns one of them; or
 *                 {@code null} for every earlier stage (the safe default)
 */
public record StageDefinition(
        String name,
        boolean perScene,
        WorkQueue queue,
        RetryPolicy retry,
        Duration timeout,
        StageCondition when,
        Set<String> uses) {

    /**
     * What a stage names in {@link #uses} when it reads the job's prompt or settings: a retry that changes either runs it
     * again even when it comes after the target and builds on no stage run again.
     */
    public static final String REQUEST = "request";

    /** Timeout of stages that do not set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public StageDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(when, "when");
        uses = uses == null ? null : Set.copyOf(uses);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("stage names are lower snake case: " + name);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a stage timeout must be positive");
        }
    }

    /** A stage that runs once per job on the marketing queue with the standard retry policy. */
    public static StageDefinition once(String name) {
        return new StageDefinition(
                name, false, WorkQueue.MARKETING, RetryPolicy.STANDARD, DEFAULT_TIMEOUT, StageCondition.ALWAYS, null);
    }

    /** A stage that runs once per scene on the marketing queue with the standard retry policy. */
    public static StageDefinition perScene(String name) {
        return new StageDefinition(
                name, true, WorkQueue.MARKETING, RetryPolicy.STANDARD, DEFAULT_TIMEOUT, StageCondition.ALWAYS, null);
    }

    /** This stage on another queue. */
    public StageDefinition on(WorkQueue other) {
        return new StageDefinition(name, perScene, other, retry, timeout, when, uses);
    }

    /** This stage with another retry policy. */
    public StageDefinition retrying(RetryPolicy policy) {
        return new StageDefinition(name, perScene, queue, policy, timeout, when, uses);
    }

    /** This stage with another timeout. */
    public StageDefinition timingOutAfter(Duration limit) {
        return new StageDefinition(name, perScene, queue, retry, limit, when, uses);
    }

    /** This stage, only for jobs that meet {@code condition}. */
    public StageDefinition onlyWhen(StageCondition condition) {
        return new StageDefinition(name, perScene, queue, retry, timeout, condition, uses);
    }

    /** This stage, building on the outputs of {@code stages} only (none: it builds on none). */
    public StageDefinition using(String... stages) {
        return new StageDefinition(name, perScene, queue, retry, timeout, when, Set.of(stages));
    }

    /** Whether it builds on {@code stage}, which comes before it. */
    public boolean buildsOn(String stage) {
        return uses == null || uses.contains(stage);
    }
}
