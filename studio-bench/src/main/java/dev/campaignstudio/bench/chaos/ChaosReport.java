package dev.campaignstudio.bench.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a chaos run found: the checks that must hold (every job ended as expected, nothing succeeded twice, no event
 * lost or out of order, no signature invalid, nothing left running or pending), the executions the faults cost, and
 * how long the system took to recover from each fault.
 *
 * @param seed            the schedule's seed
 * @param jobs            jobs submitted, by mode
 * @param asExpected      jobs that ended in their expected status
 * @param statuses        jobs by final status
 * @param succeededTwice  (job, stage, scene) slots with two succeeded attempts
 * @param executions      attempts that ran
 * @param minimum         attempts the same jobs need without faults
 * @param failedByCode    failed attempts by error code
 * @param eventsLost      events in the database that never reached the receiver
 * @param outOfOrder      events that first reached the receiver after a later one of their job
 * @param duplicates      repeated deliveries (at least once; the receiver drops them by {@code webhook-id})
 * @param invalid         callbacks whose signature did not verify
 * @param mismatchedIds   verified callbacks whose {@code webhook-id} was not their event's id
 * @param running         steps left running
 * @param pending         steps left pending
 * @param dispatches      dispatches left in the outbox
 * @param undelivered     callback deliveries not delivered
 * @param faults          each fault and its recovery
 * @param killsMidStep    worker kills that landed while the worker ran a step
 * @param unexpectedExits processes that ended without being killed
 * @param resubmissions   submissions a client had to send again (API killed or unready)
 * @param jobErrors       the error of each job that did not succeed, by job id
 * @param unsettled       why the run did not settle before its deadline, or null
 * @param seconds         the run's wall time
 */
public record ChaosReport(
        long seed,
        Map<String, Integer> jobs,
        int asExpected,
        Map<String, Integer> statuses,
        long succeededTwice,
        long executions,
        long minimum,
        Map<String, String> failedByCode,
        long eventsLost,
        long outOfOrder,
        long duplicates,
        long invalid,
        long mismatchedIds,
        long running,
        long pending,
        long dispatches,
        long undelivered,
        List<FaultResult> faults,
        int killsMidStep,
        int unexpectedExits,
        long resubmissions,
        Map<String, String> jobErrors,
        String unsettled,
        double seconds) {

    /**
     * One injected fault.
     *
     * @param kind      what went wrong
     * @param target    which process, for a kill
     * @param atSeconds when, from the start of the run
     * @param recovery  how long until the system was seen working again (see {@code note} for the measure)
     * @param note      what recovery meant for this fault
     */
    public record FaultResult(
            FaultSchedule.Kind kind, String target, double atSeconds, Duration recovery, String note) {}

    static ChaosReport collect(
            ChaosPlan plan,
            ChaosEnvironment env,
            Load load,
            List<FaultResult> faults,
            int killsMidStep,
            int unexpectedExits,
            String unsettled,
            double seconds)
            throws SQLException {
        Ledger ledger = env.ledger;
        Map<String, String> statuses = ledger.statuses();
        Map<String, Integer> byMode = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        int asExpected = 0;
        for (Load.Submitted job : load.submitted()) {
            byMode.merge(job.mode(), 1, Integer::sum);
            String status = statuses.getOrDefault(job.id(), "missing");
            byStatus.merge(status, 1, Integer::sum);
            if (status.equals(job.expected())) {
                asExpected++;
            }
        }
        return new ChaosReport(
                plan.seed(),
                byMode,
                asExpected,
                byStatus,
                ledger.stepsSucceededTwice(),
                ledger.executions(),
                ledger.minimumExecutions(),
                ledger.failedAttemptsByCode(),
                eventsLost(env, load),
                outOfOrder(env, load),
                env.receiver.duplicates(),
                env.receiver.invalidSignatures(),
                env.receiver.mismatchedIds(),
                ledger.stepsIn("running"),
                ledger.stepsIn("pending"),
                ledger.pendingDispatches(),
                ledger.undeliveredCallbacks(),
                List.copyOf(faults),
                killsMidStep,
                unexpectedExits,
                load.resubmissions(),
                ledger.errorsOfUnsuccessfulJobs(),
                unsettled,
                seconds);
    }

    /** Events of submitted jobs (sequences 1 to the job's last) that the receiver has not had. */
    static long eventsLost(ChaosEnvironment env, Load load) throws SQLException {
        Map<String, Long> last = env.ledger.lastSequences();
        long lost = 0;
        for (Load.Submitted job : load.submitted()) {
            long expected = last.getOrDefault(job.id(), 0L);
            lost += expected
                    - env.receiver.arrivals(job.id()).stream()
                            .filter(s -> s >= 1 && s <= expected)
                            .count();
        }
        return lost;
    }

    private static long outOfOrder(ChaosEnvironment env, Load load) {
        long late = 0;
        for (Load.Submitted job : load.submitted()) {
            long highest = 0;
            for (long sequence : env.receiver.arrivals(job.id())) {
                if (sequence < highest) {
                    late++;
                }
                highest = Math.max(highest, sequence);
            }
        }
        return late;
    }

    /** Jobs submitted. */
    public int jobCount() {
        return jobs.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many faults of a kind were injected. */
    public long count(FaultSchedule.Kind kind) {
        return faults.stream().filter(f -> f.kind() == kind).count();
    }

    /** Every check that does not hold, in words; empty when the run passed. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (unsettled != null) {
            failures.add("the run did not settle: " + unsettled);
        }
        if (asExpected != jobCount()) {
            failures.add((jobCount() - asExpected) + " job(s) did not end as expected: " + statuses + " " + jobErrors);
        }
        zero(failures, "step(s) succeeded twice", succeededTwice);
        zero(failures, "event(s) lost at the receiver", eventsLost);
        zero(failures, "event(s) out of order at the receiver", outOfOrder);
        zero(failures, "invalid signature(s)", invalid);
        zero(failures, "callback(s) whose webhook-id is not their event_id", mismatchedIds);
        zero(failures, "step(s) left running", running);
        zero(failures, "step(s) left pending", pending);
        zero(failures, "dispatch(es) left pending", dispatches);
        zero(failures, "callback(s) not delivered", undelivered);
        zero(failures, "process(es) that exited on their own", unexpectedExits);
        return failures;
    }

    private static void zero(List<String> failures, String what, long value) {
        if (value != 0) {
            failures.add(value + " " + what);
        }
    }

    /** Whether every check held. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The table {@code studio bench chaos} prints. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nCampaign Studio fault and load suite (chaos), seed %d: %d jobs %s;"
                        + " API + 2 workers (separate JVMs), PostgreSQL, RabbitMQ, S3Proxy; %d cores, Java %s, %.0f s%n",
                seed,
                jobCount(),
                jobs,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                seconds));
        out.append(String.format(Locale.ROOT, "%-52s %-22s %s%n", "check", "result", "must be"));
        row(
                out,
                "jobs finished with the expected status",
                String.format(
                        Locale.ROOT,
                        "%d/%d (%.0f%%)",
                        asExpected,
                        jobCount(),
                        jobCount() == 0 ? 0.0 : 100.0 * asExpected / jobCount()),
                "100%");
        row(out, "steps that succeeded twice (database)", succeededTwice, "0");
        row(
                out,
                "step executions beyond the minimum",
                String.format(Locale.ROOT, "%d (%d of %d)", executions - minimum, executions, minimum),
                "reported");
        row(out, "  failed attempts by code", failedByCode.toString(), "");
        row(out, "events lost at the receiver", eventsLost, "0");
        row(out, "events out of order at the receiver", outOfOrder, "0");
        row(out, "invalid signatures", invalid, "0");
        row(out, "steps left running / pending", running + " / " + pending, "0 / 0");
        row(out, "dispatches left pending", dispatches, "0");
        row(out, "callbacks not delivered", undelivered, "0");
        row(out, "repeated deliveries (same webhook-id, dropped)", duplicates, "reported");
        row(out, "jobs submitted again (same idempotency key)", resubmissions, "reported");
        row(out, "processes that exited on their own", unexpectedExits, "0");
        out.append(String.format(
                Locale.ROOT, "%n%-28s %5s %10s %10s  %s%n", "fault", "count", "recovery", "max", "recovered when"));
        Map<FaultSchedule.Kind, List<FaultResult>> byKind = new EnumMap<>(FaultSchedule.Kind.class);
        faults.forEach(
                f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        byKind.forEach((kind, list) -> out.append(String.format(
                Locale.ROOT,
                "%-28s %5d %8.1f s %8.1f s  %s%n",
                kind.label,
                list.size(),
                median(list),
                max(list),
                measure(kind, list))));
        out.append(String.format(
                Locale.ROOT,
                "recovery: the median over the faults of the kind; worker kills that"
                        + " landed mid-step: %d of %d (an idle kill counts 0 s)%n",
                killsMidStep,
                count(FaultSchedule.Kind.WORKER_KILL)));
        out.append(
                failures().isEmpty() ? "result: PASSED\n" : "result: FAILED: " + String.join("; ", failures()) + "\n");
        return out.toString();
    }

    private static String measure(FaultSchedule.Kind kind, List<FaultResult> list) {
        if (kind == FaultSchedule.Kind.WORKER_KILL) {
            return "the steps it ran succeeded on a worker (lease lapse, sweep, retry)";
        }
        return list.get(0).note();
    }

    private static double median(List<FaultResult> list) {
        List<Double> seconds = new ArrayList<>();
        list.forEach(f -> seconds.add(f.recovery().toMillis() / 1000.0));
        seconds.sort(Double::compare);
        int n = seconds.size();
        return n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
    }

    private static double max(List<FaultResult> list) {
        return list.stream()
                .mapToDouble(f -> f.recovery().toMillis() / 1000.0)
                .max()
                .orElse(0);
    }

    private static void row(StringBuilder out, String check, Object result, String mustBe) {
        out.append(String.format(Locale.ROOT, "%-52s %-22s %s%n", check, result, mustBe));
    }

    /** One line per fault, in the order injected. */
    public String faultLog() {
        StringBuilder out = new StringBuilder();
        for (FaultResult f : faults) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %7.1f s  %-26s %-8s %6.1f s  %s%n",
                    f.atSeconds(),
                    f.kind().label,
                    f.target(),
                    f.recovery().toMillis() / 1000.0,
                    f.note()));
        }
        return out.toString();
    }
}
