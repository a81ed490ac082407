package dev.campaignstudio.server.engine;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** A worker process with the sample test pipeline, started as a separate JVM by the crash test. Arguments are {@code --key=value}. */
public final class TestWorkerMain {

    private TestWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication application = new SpringApplication(StudioApplication.class, TestPipelineConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
        System.out.println("TEST WORKER READY");
        Thread.currentThread().join();
    }
}
