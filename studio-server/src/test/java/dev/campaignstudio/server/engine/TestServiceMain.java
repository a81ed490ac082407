package dev.campaignstudio.server.engine;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import org.springframework.boot.SpringApplication;

/** The whole service with the sample test pipeline, started as a separate JVM by crash tests. Arguments are {@code --key=value}. */
public final class TestServiceMain {

    private TestServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        new SpringApplication(StudioApplication.class, TestPipelineConfiguration.class).run(args);
        Thread.currentThread().join();
    }
}
