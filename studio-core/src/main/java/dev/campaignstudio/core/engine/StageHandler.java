package dev.campaignstudio.core.engine;

/** Does the work of one stage for one step, through the capability ports it was built with. */
@FunctionalInterface
public interface StageHandler {

    /**
     * Runs one attempt.
     *
     * @param context the job snapshot, the step, the outputs of earlier steps, asset storage and the cancellation signal
     * @return success with outputs and files, or a rejection
     * @throws StepFault            for faults the stage's retry policy may retry
     * @throws InterruptedException when the attempt was told to stop (cancelled or timed out)
     * @throws Exception            anything else is a bug and fails the step as {@code INTERNAL}
     */
    StepResult execute(StepContext context) throws Exception;
}
