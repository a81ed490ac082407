package dev.campaignstudio.core.application;

import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.MarketingCreationRequest;
import dev.campaignstudio.core.contract.MarketingOutputRequest;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.contract.Violations;
import dev.campaignstudio.core.engine.JobStarter;
import dev.campaignstudio.core.engine.RetryPlanner;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.in.SubmitJob;
import dev.campaignstudio.core.port.in.SubmitOutcome;
import dev.campaignstudio.core.port.out.DuplicateIdempotencyKeyException;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts job requests. The idempotency key is the job's identity from the client's side: the first submission
 * stores the job, its {@code accepted} event and its first steps in one transaction; a later one with the same canonical payload gets
 * that job back; one with another payload is refused. Concurrent duplicates are settled by the store's unique key.
 */
public final class JobSubmissionService implements SubmitJob {

    private final JobRepository jobs;
    private final EventLog events;
    private final Transactions transactions;
    private final RetryPlanner retries;
    private final JobStarter starter;
    private final CallbackCheck callbacks;
    private final ImageCheck images;
    private final Clock clock;

    /**
     * @param starter   creates the job's first steps in the transaction that stores it
     * @param callbacks checks a callback's secret and URL
     * @param images    checks the product's photos: uploaded assets and URLs
     */
    public JobSubmissionService(
            JobRepository jobs,
            EventLog events,
            Transactions transactions,
            RetryPlanner retries,
            JobStarter starter,
            CallbackCheck callbacks,
            ImageCheck images,
            Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.transactions = transactions;
        this.retries = retries;
        this.starter = starter;
        this.callbacks = callbacks;
        this.images = images;
        this.clock = clock;
    }

    @Override
    public SubmitOutcome submit(JobRequest request, String payloadHash, String owner) {
        // a new key is the common case: the key's unique index finds an earlier job when the insert meets it, so a
        // submission is one transaction with no look-up before it; a request refused now (its upload since deleted,
        // say) is still answered with the job its key made earlier. Looking the key up first for requests whose checks
        // resolve host names (photo URLs, callbacks: most real requests) was tried and cost a third of the submission
        // rate (docs/engine.md "Where the time goes"); a replay resolves its names again, from the JVM's cache
        Violations violations = new Violations();
        Job job = prepare(request, payloadHash, owner, violations);
        if (!violations.isEmpty()) {
            return jobs.findByIdempotencyKey(owner, request.idempotencyKey())
                    .map(earlier -> replayOrConflict(earlier, payloadHash))
                    .orElseGet(() -> new SubmitOutcome.Rejected(violations.list()));
        }
        try {
            transactions.inTransaction(() -> {
                jobs.insert(job);
                events.append(job.id(), JobEventType.ACCEPTED, acceptedData(job), job.createdAt());
                starter.start(job);
                return job;
            });
            return new SubmitOutcome.Created(job);
        } catch (DuplicateIdempotencyKeyException raced) {
            Job winner =
                    jobs.findByIdempotencyKey(owner, request.idempotencyKey()).orElseThrow(() -> raced);
            return replayOrConflict(winner, payloadHash);
        }
    }

    private static SubmitOutcome replayOrConflict(Job earlier, String payloadHash) {
        return earlier.requestHash().equals(payloadHash)
                ? new SubmitOutcome.Replayed(earlier)
                : new SubmitOutcome.KeyConflict(earlier.id());
    }

    private Job prepare(JobRequest request, String payloadHash, String owner, Violations violations) {
        Job job = prepare(request, payloadHash, violations, owner);
        return job == null ? null : job.ownedBy(owner);
    }

    private Job prepare(JobRequest request, String payloadHash, Violations violations, String owner) {
        callbacks.check(request.envelope().callback(), violations);
        JobId id = JobId.next(clock);
        if (request instanceof MarketingCreationRequest creation) {
            images.check(creation.product(), owner, violations);
            return Job.accepted(
                    id, request, payloadHash, null, creation.product().productId(), null, clock.instant());
        }
        if (request instanceof MarketingOutputRequest output) {
            images.check(output.product(), owner, violations);
            return Job.accepted(
                    id, request, payloadHash, output.mode(), output.product().productId(), null, clock.instant());
        }
        RetryRequest retry = (RetryRequest) request;
        Optional<Job> parent = retries.check(retry, owner, violations);
        if (parent.isEmpty()) {
            return null;
        }
        return Job.accepted(
                id,
                request,
                payloadHash,
                parent.get().mode(),
                parent.get().productId(),
                parent.get().id(),
                clock.instant());
    }

    private static Map<String, Object> acceptedData(Job job) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_type", job.type().wire());
        if (job.mode() != null) {
            data.put("mode", job.mode().wire());
        }
        data.put("product_id", job.productId());
        if (job.parentJobId() != null) {
            data.put("parent_job_id", job.parentJobId().value());
        }
        return data;
    }
}
