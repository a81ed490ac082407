package dev.campaignstudio.core.job;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Every legal change of job and step state, in one place. Anything else is an {@link IllegalStateChangeException}. */
public final class StateChanges {

    private static final Map<JobStatus, Set<JobStatus>> JOB = new EnumMap<>(JobStatus.class);
    private static final Map<StepStatus, Set<StepStatus>> STEP = new EnumMap<>(StepStatus.class);

    static {
        JOB.put(JobStatus.QUEUED, EnumSet.of(JobStatus.RUNNING, JobStatus.FAILED, JobStatus.CANCELLED));
        JOB.put(JobStatus.RUNNING, EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED));
        JOB.put(JobStatus.SUCCEEDED, EnumSet.noneOf(JobStatus.class));
        JOB.put(JobStatus.FAILED, EnumSet.noneOf(JobStatus.class));
        JOB.put(JobStatus.CANCELLED, EnumSet.noneOf(JobStatus.class));

        STEP.put(StepStatus.PENDING, EnumSet.of(StepStatus.RUNNING, StepStatus.SKIPPED, StepStatus.REUSED));
        // a running step whose worker vanished is failed (WORKER_LOST) and retried as a new attempt, never re-claimed
        STEP.put(
                StepStatus.RUNNING,
                EnumSet.of(StepStatus.SUCCEEDED, StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.REUSED));
        STEP.put(StepStatus.SUCCEEDED, EnumSet.noneOf(StepStatus.class));
        STEP.put(StepStatus.FAILED, EnumSet.noneOf(StepStatus.class));
        STEP.put(StepStatus.SKIPPED, EnumSet.noneOf(StepStatus.class));
        STEP.put(StepStatus.REUSED, EnumSet.noneOf(StepStatus.class));
    }

    private StateChanges() {}

    /** Whether a job may go from {@code from} to {@code to}. */
    public static boolean allowed(JobStatus from, JobStatus to) {
        return JOB.get(from).contains(to);
    }

    /** Whether a step may go from {@code from} to {@code to}. */
    public static boolean allowed(StepStatus from, StepStatus to) {
        return STEP.get(from).contains(to);
    }

    /** Throws unless a job may go from {@code from} to {@code to}. */
    public static void check(JobStatus from, JobStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateChangeException("a job", from, to);
        }
    }

    /** Throws unless a step may go from {@code from} to {@code to}. */
    public static void check(StepStatus from, StepStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateChangeException("a step", from, to);
        }
    }
}
