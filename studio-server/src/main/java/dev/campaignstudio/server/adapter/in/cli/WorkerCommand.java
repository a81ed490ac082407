package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code studio worker}: a worker process serving the given queues, against PostgreSQL and RabbitMQ. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a worker process (no HTTP) that serves the given queues, so each queue scales on its own.",
            "Uses PostgreSQL (spring.datasource.*) and RabbitMQ (spring.rabbitmq.*), like 'serve --distributed'.",
            "Workers per queue: studio.engine.concurrency.<queue> (e.g. STUDIO_ENGINE_CONCURRENCY_MARKETING=8).",
            "A worker serving 'maintenance' also gives up the steps of crashed workers and re-sends lost dispatches."
        })
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--queues",
            split = ",",
            paramLabel = "QUEUE",
            description = "Queues to serve: marketing, avatar, callbacks, maintenance, retry (default: all).")
    List<String> queues;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Workers per served queue (overrides configuration).")
    Integer concurrency;

    @Override
    public Integer call() throws InterruptedException {
        List<String> served = new ArrayList<>();
        for (String queue :
                queues == null ? List.of("marketing", "avatar", "callbacks", "maintenance", "retry") : queues) {
            String name = queue.trim().toLowerCase(Locale.ROOT);
            if (WireEnum.parse(WorkQueue.class, name).isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--queues: unknown queue '" + queue + "'; the queues are "
                                + WireEnum.spellings(WorkQueue.class));
            }
            served.add(name);
        }
        List<String> overrides = new ArrayList<>();
        overrides.add("--studio.engine.queues=" + String.join(",", served));
        if (concurrency != null) {
            if (concurrency < 1) {
                throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
            }
            for (String queue : served) {
                overrides.add("--studio.engine.concurrency." + queue + "=" + concurrency);
            }
        }
        return ServiceProcess.run("worker", true, false, overrides);
    }
}
