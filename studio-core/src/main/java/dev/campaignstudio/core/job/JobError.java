package dev.campaignstudio.core.job;

import java.util.Objects;

/**
 * Why a job or step failed, in the structured form clients read.
 *
 * @param code       stable code such as {@code PROVIDER_TIMEOUT} or {@code FIDELITY_DRIFT}
 * @param message    human sentence without secrets
 * @param retryable  whether running the same work again could succeed
 * @param stage      stage that failed, or {@code null} for job-level errors
 * @param sceneOrder scene that failed, or {@code null}
 * @param attempts   how many attempts were made
 */
public record JobError(String code, String message, boolean retryable, String stage, Integer sceneOrder, int attempts) {

    public JobError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
