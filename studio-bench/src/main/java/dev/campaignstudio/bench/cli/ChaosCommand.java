package dev.campaignstudio.bench.cli;

import dev.campaignstudio.bench.BenchOutput;
import dev.campaignstudio.bench.chaos.ChaosPlan;
import dev.campaignstudio.bench.chaos.ChaosReport;
import dev.campaignstudio.bench.chaos.ChaosRun;
import dev.campaignstudio.bench.chaos.ChaosTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code studio bench chaos}: the fault and load suite (docs/operations.md "Fault and load suite"). */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Start S3Proxy, the API and two workers as separate processes on a fresh PostgreSQL",
            "database and RabbitMQ queues, submit a mixed load of the four modes with callbacks to a local",
            "receiver, and inject faults on a seeded schedule: SIGKILL of workers and of the API, RabbitMQ cut",
            "and down, PostgreSQL down, the asset store down, the receiver down. Print the checks and the",
            "recovery time of each fault; exit 1 when a check fails. The database, queues and data directories",
            "are removed afterwards."
        })
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--short", description = "The short form the build runs: a few jobs, one fault of each kind.")
    boolean brief;

    @Option(names = "--jobs", description = "The fewest jobs to submit (default 60; short form 4).")
    Integer jobs;

    @Option(names = "--worker-kills", description = "SIGKILLs of workers (default 20; short form 1).")
    Integer workerKills;

    @Option(
            names = "--seed",
            defaultValue = "21",
            description = "Seed of the fault schedule (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rabbit-user", defaultValue = "guest", description = "RabbitMQ user (default ${DEFAULT-VALUE}).")
    String rabbitUser;

    @Option(names = "--rabbit-password", defaultValue = "guest", description = "RabbitMQ password (default guest).")
    String rabbitPassword;

    @Option(
            names = "--s3proxy-jar",
            description = "The S3Proxy jar (default studio-server/target/s3proxy/s3proxy.jar"
                    + " of the installation, which the build puts there).")
    Path s3proxyJar;

    @Mixin
    DistributedTarget target;

    @Override
    public Integer call() throws Exception {
        ChaosPlan plan = brief ? ChaosPlan.brief(seed) : ChaosPlan.full(seed);
        int minJobs = jobs == null ? plan.minJobs() : jobs;
        int kills = workerKills == null ? plan.workerKills() : workerKills;
        if (minJobs < 1 || kills < 0) {
            System.err.println("studio bench chaos: --jobs must be at least 1 and --worker-kills at least 0");
            return 2;
        }
        Path jar = s3proxyJar != null ? s3proxyJar : home().resolve("studio-server/target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("studio bench chaos: S3Proxy is not at " + jar + " (./mvnw -pl studio-server -am package"
                    + " puts it there, or pass --s3proxy-jar)");
            return 2;
        }
        ChaosTarget chaosTarget = new ChaosTarget(
                target.pgUrl,
                target.pgUser,
                target.pgPassword,
                target.rabbitHost,
                target.rabbitPort,
                rabbitUser,
                rabbitPassword,
                jar.toAbsolutePath(),
                BenchOutput.directory());
        ChaosReport report = ChaosRun.run(plan.with(minJobs, kills), chaosTarget, System.out);
        String printed = report.table() + "\nfaults in the order injected (time from the start, recovery):\n"
                + report.faultLog();
        System.out.print(printed);
        BenchOutput.save("chaos", printed);
        return report.passed() ? 0 : 1;
    }

    private static Path home() {
        String home = System.getProperty("studio.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
