package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.WorkQueue;

/**
 * A request to deliver a ready step to the workers of its queue. Messages carry ids only; state lives in the database.
 *
 * @param stepId the step
 * @param queue  its queue
 */
public record Dispatch(StepId stepId, WorkQueue queue) {}
