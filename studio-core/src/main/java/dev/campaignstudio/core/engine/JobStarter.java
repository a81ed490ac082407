package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.job.Job;

/** Turns a just-accepted job into its first steps, inside the transaction that stores the job. */
@FunctionalInterface
public interface JobStarter {

    /** Creates and dispatches the job's first ready steps (and, for a retry, records what it reuses). */
    void start(Job job);
}
