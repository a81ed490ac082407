package dev.campaignstudio.core.pipeline;

import java.util.Objects;

/**
 * One stage of a pipeline.
 *
 * @param name     stage name as clients and retries spell it
 * @param perScene whether the stage runs once per scene (fans out) rather than once per job
 */
public record StageDefinition(String name, boolean perScene) {

    public StageDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("stage names are lower snake case: " + name);
        }
    }

    /** A stage that runs once per job. */
    public static StageDefinition once(String name) {
        return new StageDefinition(name, false);
    }

    /** A stage that runs once per scene. */
    public static StageDefinition perScene(String name) {
        return new StageDefinition(name, true);
    }
}
