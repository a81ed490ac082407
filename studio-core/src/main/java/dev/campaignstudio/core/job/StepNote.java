package dev.campaignstudio.core.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a running step wrote down as it went, durable at once (not only when the step ends): a stage that works in
 * rounds, such as the fidelity loop, notes each round so that a later attempt of the same slot, after a crash, carries on
 * from the last noted round instead of starting over.
 *
 * @param stepId    the attempt that wrote it
 * @param attempt   that attempt's number
 * @param note      small JSON facts
 * @param assets    files that belong to it, already stored and recorded
 * @param createdAt when it was written
 */
public record StepNote(
        StepId stepId, int attempt, Map<String, Object> note, List<StepRecord.StepAsset> assets, Instant createdAt) {

    public StepNote {
        Objects.requireNonNull(stepId, "stepId");
        note = note == null ? Map.of() : note;
        assets = assets == null ? List.of() : List.copyOf(assets);
    }
}
