package dev.campaignstudio.server.engine;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * A worker process started as a separate JVM by distributed tests: with the sample test pipeline, or with the real
 * pipelines when the first argument is {@code --real-pipelines}. Other arguments are {@code --key=value}.
 */
public final class TestWorkerMain {

    private TestWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        boolean real = args.length > 0 && args[0].equals("--real-pipelines");
        SpringApplication application = real
                ? new SpringApplication(StudioApplication.class)
                : new SpringApplication(StudioApplication.class, TestPipelineConfiguration.class);
        if (real) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
        System.out.println("TEST WORKER READY");
        Thread.currentThread().join();
    }
}
