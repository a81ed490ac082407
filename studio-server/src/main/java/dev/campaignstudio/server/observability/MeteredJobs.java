package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The job repository, timing every job that ends as {@code studio.job} (from acceptance to its end, tagged
 * {@code type}, {@code mode} and {@code outcome}). See docs/operations.md, "Metrics".
 */
final class MeteredJobs implements JobRepository {

    private final JobRepository jobs;
    private final MeterRegistry meters;

    MeteredJobs(JobRepository jobs, MeterRegistry meters) {
        this.jobs = jobs;
        this.meters = meters;
    }

    @Override
    public void update(Job job) {
        jobs.update(job);
        if (job.status().isTerminal()
                && job.finishedAt() != null
                && job.finishedAt().equals(job.updatedAt())) {
            Timer.builder("studio.job")
                    .description("jobs from acceptance to their end")
                    .tag("type", job.type().wire())
                    .tag("mode", job.mode() == null ? "none" : job.mode().wire())
                    .tag("outcome", job.status().wire())
                    .register(meters)
                    .record(Duration.between(job.createdAt(), job.finishedAt()));
        }
    }

    @Override
    public void insert(Job job) {
        jobs.insert(job);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return jobs.find(id);
    }

    @Override
    public Optional<Job> lock(JobId id) {
        return jobs.lock(id);
    }

    @Override
    public Optional<Job> lockJobOf(StepId step, StepStore steps) {
        return jobs.lockJobOf(step, steps);
    }

    @Override
    public List<Job> retriesOf(JobId parent) {
        return jobs.retriesOf(parent);
    }

    @Override
    public Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey) {
        return jobs.findByIdempotencyKey(owner, idempotencyKey);
    }

    @Override
    public JobPage list(JobQuery query) {
        return jobs.list(query);
    }
}
