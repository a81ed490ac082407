package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable step attempts and their dispatch. Writing a step and asking for its dispatch happen in the caller's
 * transaction, so a step is never ready without a dispatch request, even when the broker is down at commit time.
 */
public interface StepStore {

    /**
     * Stores a new attempt; for a pending one, also a request to dispatch it at {@code dispatchAt}.
     *
     * @param step       a pending attempt, a reused one (outputs taken from an earlier job), or a running one taken at
     *                   once by the worker that made it ready ({@link StepRecord#claimedBy}): stored with its lease and
     *                   claim count, and not dispatched
     * @param dispatchAt when a pending attempt may be dispatched; ignored for other states
     * @return {@code false} when that (job, stage, scene, attempt) exists already; nothing is written then
     */
    boolean insert(StepRecord step, Instant dispatchAt);

    /** The attempt with {@code id}, if any. */
    Optional<StepRecord> find(StepId id);

    /** Every attempt of a job, oldest first (ties: scene, then attempt). */
    List<StepRecord> forJob(JobId jobId);

    /**
     * Claims a pending attempt whose backoff has passed, for a job that is neither cancelled nor finished: a conditional
     * update, so of several deliveries of the same dispatch exactly one claims it.
     *
     * @return the running attempt, or empty when it was not claimable (taken, done, cancelled, unknown)
     */
    Optional<StepRecord> claim(StepId id, String owner, Instant now, Instant leaseUntil);

    /**
     * Renews the lease of a running attempt.
     *
     * @return whether the caller still holds it, and whether its job still wants it
     */
    Lease renew(StepId id, String owner, Instant now, Instant leaseUntil);

    /**
     * Ends a running attempt held by {@code owner}.
     *
     * @param status   succeeded, reused or failed
     * @param inputs   what the outputs were made from, possibly empty
     * @param outputs  small JSON outputs
     * @param assets   files it made
     * @param error    why it failed, or {@code null}
     * @param adapter  which adapter served it, or {@code null}
     * @return {@code false} when the caller no longer holds it (its lease lapsed and it was given up); nothing is
     *         written then
     */
    boolean finish(
            StepId id,
            String owner,
            StepStatus status,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            List<StepRecord.StepAsset> assets,
            JobError error,
            String adapter,
            Instant now);

    /**
     * Writes a note for a running attempt held by {@code owner}, after its earlier notes.
     *
     * @return {@code false} when the caller no longer holds it; nothing is written then
     */
    boolean note(StepId id, String owner, Map<String, Object> note, List<StepRecord.StepAsset> assets, Instant now);

    /** The notes of every attempt of a job's slot (stage and scene; 0 for once-per-job stages), oldest first. */
    List<StepNote> notes(JobId jobId, String stage, int sceneOrder);

    /** Marks every pending attempt of a job skipped; returns how many. */
    int skipPending(JobId jobId, Instant now);

    /** Running attempts whose lease lapsed before {@code now}: their worker stopped renewing (crashed or hung). */
    List<StepRecord> lapsed(Instant now, int limit);

    /**
     * Gives up a running attempt whose lease lapsed, failing it with {@code error}, if it is still running and lapsed.
     *
     * @return whether it was given up by this call
     */
    boolean giveUp(StepId id, JobError error, Instant now);

    /** Running attempts held by {@code owner}, whatever their leases: the steps of a worker known to be gone. */
    List<StepRecord> heldBy(String owner, int limit);

    /**
     * Gives up a running attempt held by {@code owner}, a worker known to be gone, failing it with {@code error}
     * whatever its lease, if it is still running under that owner.
     *
     * @return whether it was given up by this call
     */
    boolean giveUpHeldBy(StepId id, String owner, JobError error, Instant now);

    /**
     * Requests dispatch again for pending, due attempts whose last dispatch was before {@code dispatchedBefore} and that
     * have no dispatch request waiting: their message was lost (an in-process queue at a restart, a dead-lettered
     * message). Duplicates are harmless, as claims are conditional.
     *
     * @return how many were requested
     */
    int redispatchLost(Instant now, Instant dispatchedBefore);

    /** Whether a running attempt's holder should carry on. */
    enum Lease {
        /** Still held and wanted. */
        HELD,
        /** No longer held by the caller. */
        LOST,
        /** Held, but the job was cancelled or has ended: stop. */
        STOP
    }
}
