package dev.campaignstudio.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The short form of {@code studio bench chaos}, run by the build: the same suite code as the full form, with a few
 * jobs of the four modes and one fault of each kind, every check asserted. Like the other distributed tests it needs
 * PostgreSQL and RabbitMQ (skipped when they are unreachable, failing under CI=true).
 */
class ChaosSuiteSystemTest {

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final String RABBIT_HOST = env("STUDIO_TEST_RABBIT_HOST", "127.0.0.1");
    private static final int RABBIT_PORT = Integer.parseInt(env("STUDIO_TEST_RABBIT_PORT", "5672"));

    /** Skips when PostgreSQL or RabbitMQ does not answer, and fails instead under CI=true (as the server's tests). */
    private static void requireServers() {
        for (String[] server : new String[][] {
            {"PostgreSQL", "127.0.0.1", "5432"}, {"RabbitMQ", RABBIT_HOST, Integer.toString(RABBIT_PORT)}
        }) {
            try (Socket ignored = new Socket(server[1], Integer.parseInt(server[2]))) {
                // reachable
            } catch (IOException unreachable) {
                String why = server[0] + " at " + server[1] + ":" + server[2] + " is unreachable";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(why + "; CI=true requires the distributed tests to run");
                }
                System.err.println("SKIPPING the chaos suite's short form: " + why);
                Assumptions.abort(why);
            }
        }
    }

    @Test
    void oneFaultOfEachKindLosesNoJobNoEventAndRunsNoStepTwice() throws Exception {
        requireServers();
        ChaosTarget target = new ChaosTarget(
                env("STUDIO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("STUDIO_TEST_PG_USER", "postgres"),
                env("STUDIO_TEST_PG_PASSWORD", ""),
                RABBIT_HOST,
                RABBIT_PORT,
                "guest",
                "guest",
                Path.of("..", "studio-server", "target", "s3proxy", "s3proxy.jar")
                        .toAbsolutePath()
                        .normalize(),
                Files.createDirectories(Path.of("target", "chaos")).toAbsolutePath());

        ChaosReport report = ChaosRun.run(ChaosPlan.brief(21), target, System.out);
        System.out.print(report.table());
        System.out.print(report.faultLog());

        assertThat(report.failures()).as(report.table()).isEmpty();
        for (FaultSchedule.Kind kind : FaultSchedule.Kind.values()) {
            assertThat(report.count(kind)).as("faults of kind %s", kind).isEqualTo(1);
        }
        assertThat(report.jobs())
                .as("every mode was submitted")
                .containsOnlyKeys("image_bundle", "fast_video", "script_video", "ugc");
        assertThat(report.jobCount()).isGreaterThanOrEqualTo(4);
        assertThat(report.asExpected()).isEqualTo(report.jobCount());
        assertThat(report.statuses()).containsOnlyKeys("succeeded");
        assertThat(report.succeededTwice()).isZero();
        assertThat(report.eventsLost()).isZero();
        assertThat(report.outOfOrder()).isZero();
        assertThat(report.invalid()).isZero();
        assertThat(report.running()).isZero();
        assertThat(report.pending()).isZero();
        assertThat(report.dispatches()).isZero();
        assertThat(report.undelivered()).isZero();
        assertThat(report.executions()).isGreaterThanOrEqualTo(report.minimum());
    }
}
