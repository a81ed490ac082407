package dev.campaignstudio.bench.chaos;

import java.time.Duration;

/**
 * How much load and which faults a chaos run makes.
 *
 * @param minJobs     the fewest jobs submitted; the load goes on until the fault schedule has ended as well
 * @param inFlight    jobs kept unfinished at once
 * @param workerKills SIGKILLs of workers (every other fault happens once)
 * @param seed        the seed of the fault schedule
 * @param outages     how long each outage lasts
 * @param minPause    the shortest undisturbed time before a fault
 * @param maxPause    the longest
 * @param deadline    the whole run's generous limit: a run that has not settled by then fails
 * @param quickStartWorkers whether workers run on the client compiler only, to start faster (the short form)
 */
public record ChaosPlan(
        int minJobs,
        int inFlight,
        int workerKills,
        long seed,
        FaultSchedule.Outages outages,
        Duration minPause,
        Duration maxPause,
        Duration deadline,
        boolean quickStartWorkers) {

    public ChaosPlan {
        if (minJobs < 1 || inFlight < 1 || workerKills < 0) {
            throw new IllegalArgumentException("jobs and jobs in flight must be at least 1, worker kills at least 0");
        }
    }

    /** The full form: at least 60 jobs, 20 worker kills, the receiver down for 30 s. */
    public static ChaosPlan full(long seed) {
        return new ChaosPlan(
                60,
                6,
                20,
                seed,
                new FaultSchedule.Outages(
                        Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30)),
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                Duration.ofMinutes(90),
                false);
    }

    /** The short form that the build runs: a few jobs, one fault of each kind, short outages. */
    public static ChaosPlan brief(long seed) {
        return new ChaosPlan(
                4,
                2,
                1,
                seed,
                new FaultSchedule.Outages(
                        Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(5)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofMinutes(12),
                true);
    }

    /** The same plan with other counts (the command line's options). */
    public ChaosPlan with(int jobs, int kills) {
        return new ChaosPlan(jobs, inFlight, kills, seed, outages, minPause, maxPause, deadline, quickStartWorkers);
    }
}
