package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.JobId;

/**
 * Resumes an earlier job at a stage or scene, keeping every output before it.
 *
 * @param envelope common fields
 * @param jobId    the earlier job
 * @param target   where to resume
 * @param prompt   a new prompt for the stages from the target on, or {@code null} to keep the earlier one
 * @param settings setting changes for the stages from the target on, possibly {@link SettingsPatch#EMPTY}
 */
public record RetryRequest(
        RequestEnvelope envelope, JobId jobId, RetryTarget target, String prompt, SettingsPatch settings)
        implements JobRequest {

    public RetryRequest {
        Require.present(envelope, "envelope");
        Require.present(jobId, "job_id");
        Require.present(target, "target");
        Require.optionalText(prompt, "prompt", Limits.PROMPT_MAX);
        settings = settings == null ? SettingsPatch.EMPTY : settings;
    }

    @Override
    public JobType type() {
        return JobType.RETRY;
    }
}
