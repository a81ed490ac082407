package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.MarketingCreationRequest;
import dev.campaignstudio.core.contract.MarketingOutputRequest;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.contract.SettingsPatch;
import dev.campaignstudio.core.contract.Violations;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.pipeline.JobInputs;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.JobRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Decides whether a retry fits the job it resumes: the earlier job exists and has finished, its pipeline has the
 * target stage, a scene order is given only for per-scene stages and within the scenes the job had, and setting changes
 * stay within the mode's bounds.
 */
public final class RetryPlanner {

    /** Longest chain of retries of retries that is followed back to the original request. */
    public static final int MAX_CHAIN = 50;

    private final JobRepository jobs;
    private final PipelineRouter router;

    public RetryPlanner(JobRepository jobs, PipelineRouter router) {
        this.jobs = jobs;
        this.router = router;
    }

    /**
     * Checks {@code retry} against the job it names.
     *
     * @return the earlier job when the retry fits it; otherwise empty, with the reasons in {@code violations}
     */
    public Optional<Job> check(RetryRequest retry, Violations violations) {
        return check(retry, null, violations);
    }

    /**
     * {@link #check(RetryRequest, Violations)} where only {@code owner}'s jobs exist ({@code null}: every job): a caller
     * retries only its own jobs.
     */
    public Optional<Job> check(RetryRequest retry, String owner, Violations violations) {
        Optional<Job> found = jobs.find(retry.jobId()).filter(job -> job.visibleTo(owner));
        if (found.isEmpty()) {
            violations.add("/job_id", "NOT_FOUND", "no job has this id");
            return Optional.empty();
        }
        Job parent = found.get();
        if (!parent.status().isTerminal()) {
            violations.add(
                    "/job_id",
                    "NOT_FINISHED",
                    "the job is " + parent.status().wire() + "; retry it once it has finished");
        }
        Optional<OutputSettings> settings = effectiveSettings(parent);
        checkTarget(retry, parent, settings, violations);
        checkChanges(retry, parent, settings, violations);
        return violations.isEmpty() ? Optional.of(parent) : Optional.empty();
    }

    private void checkTarget(RetryRequest retry, Job parent, Optional<OutputSettings> settings, Violations violations) {
        PipelineDefinition routed = router.route(parent.mode());
        PipelineDefinition pipeline = inputs(parent).map(routed::applicableTo).orElse(routed);
        Optional<StageDefinition> stage =
                pipeline.stage(pipeline.retryTarget(retry.target().stage()));
        if (stage.isEmpty()) {
            violations.add(
                    "/target/stage",
                    "NOT_FOUND",
                    "the " + pipeline.name() + " pipeline has no stage '"
                            + retry.target().stage() + "'; its stages are " + String.join(", ", pipeline.stageNames()));
            return;
        }
        Integer scene = retry.target().sceneOrder();
        if (scene == null) {
            return;
        }
        if (!stage.get().perScene()) {
            violations.add(
                    "/target/scene_order", "NOT_ALLOWED", "stage " + stage.get().name() + " does not run per scene");
            return;
        }
        Integer scenes = settings.map(OutputSettings::sceneCount).orElse(null);
        if (scenes != null && scene > scenes) {
            violations.add(
                    "/target/scene_order",
                    "OUT_OF_RANGE",
                    "the job has " + scenes + " scenes; scene_order must be 1 to " + scenes);
        }
    }

    private void checkChanges(
            RetryRequest retry, Job parent, Optional<OutputSettings> settings, Violations violations) {
        if (parent.mode() == null) {
            if (retry.prompt() != null) {
                violations.add("/prompt", "NOT_ALLOWED", "a marketing_creation job has no prompt to change");
            }
            if (!retry.settings().isEmpty()) {
                violations.add("/settings", "NOT_ALLOWED", "a marketing_creation job has no settings to change");
            }
            return;
        }
        if (!retry.settings().isEmpty()) {
            SettingsPatch merged = settings.map(earlier -> earlier.asPatch().overlaidWith(retry.settings()))
                    .orElse(retry.settings());
            router.modes().rules(parent.mode()).resolve(merged, "/settings", violations);
        }
    }

    /**
     * The settings a job ran with: an output's own, or for a retry its original's with every change along the chain
     * applied. Empty for creation jobs.
     */
    public Optional<OutputSettings> effectiveSettings(Job job) {
        return inputs(job).map(JobInputs::settings);
    }

    /**
     * What a job's stages work from: its own request, or for a retry the original request's product, mode, prompt and
     * settings with every change along the chain applied (the latest prompt wins). Empty when the chain is broken.
     */
    public Optional<JobInputs> inputs(Job job) {
        Deque<RetryRequest> changes = new ArrayDeque<>();
        JobRequest request = job.request();
        JobId parentId = job.parentJobId();
        for (int depth = 0; request instanceof RetryRequest retry; depth++) {
            if (depth >= MAX_CHAIN || parentId == null) {
                return Optional.empty();
            }
            changes.push(retry);
            Optional<Job> parent = jobs.find(parentId);
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            request = parent.get().request();
            parentId = parent.get().parentJobId();
        }
        if (request instanceof MarketingCreationRequest creation) {
            return Optional.of(JobInputs.creation(creation.product()));
        }
        MarketingOutputRequest output = (MarketingOutputRequest) request;
        SettingsPatch merged = output.settings().asPatch();
        String prompt = output.prompt();
        while (!changes.isEmpty()) {
            RetryRequest change = changes.pop();
            merged = merged.overlaidWith(change.settings());
            prompt = change.prompt() == null ? prompt : change.prompt();
        }
        OutputSettings settings = router.modes().rules(output.mode()).resolve(merged, "/settings", new Violations());
        return Optional.of(new JobInputs(output.product(), output.mode(), prompt, settings));
    }
}
