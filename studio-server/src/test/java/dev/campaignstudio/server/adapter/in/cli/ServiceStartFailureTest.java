package dev.campaignstudio.server.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service process the command line starts that cannot start says so in one line, without stack traces; one that
 * starts logs as configured.
 */
class ServiceStartFailureTest {

    @TempDir
    Path temp;

    /** The exit code and everything printed to the terminal (logs included). */
    record Run(int exit, String terminal) {}

    private static Run run(String... args) {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int exit = StudioCli.commandLine().execute(args);
            return new Run(exit, terminal.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aWorkerWithoutItsDatabaseIsOneLine() {
        System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nope");
        try {
            Run worker = run("worker", "--queues", "marketing");
            assertThat(worker.exit()).isEqualTo(1);
            assertThat(worker.terminal())
                    .contains("studio worker: the service did not start: ")
                    .doesNotContain("Application run failed")
                    .doesNotContain("cancelling refresh attempt")
                    .doesNotContain("Error starting ApplicationContext")
                    .doesNotContainPattern("\\sat [a-z]+\\.")
                    .doesNotContain("Caused by");
        } finally {
            System.clearProperty("spring.datasource.url");
        }
    }

    @Test
    void aServiceThatStartedLogsAgainWithTheLevelsConfigurationGives() {
        String configured = "org.springframework.boot.diagnostics";
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        try (ConfigurableApplicationContext service = ServiceProcess.start(
                false,
                true,
                List.of(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--studio.data-dir=" + temp.resolve("data"),
                        "--logging.level." + configured + "=DEBUG"))) {
            assertThat(service.isActive()).isTrue();
            for (String logger : QuietStart.LOGGERS.keySet()) {
                assertThat(logging.getLoggerConfiguration(logger).getConfiguredLevel())
                        .as(logger)
                        .isEqualTo(logger.equals(configured) ? LogLevel.DEBUG : null);
            }
            assertThat(LogFactory.getLog(SpringApplication.class).isInfoEnabled())
                    .as("Spring Boot's start logger back at the root's INFO")
                    .isTrue();
        }
    }

    @Test
    void aServiceWhoseDataDirCannotBeCreatedIsOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Run serve = run("serve", "--port", "0", "--data-dir", file.resolve("x").toString());
        assertThat(serve.exit()).isEqualTo(1);
        assertThat(serve.terminal())
                .contains("studio serve: the service did not start: cannot create the data directory ")
                .doesNotContain("Application run failed")
                .doesNotContainPattern("\\sat [a-z]+\\.")
                .hasLineCount(1);
    }
}
