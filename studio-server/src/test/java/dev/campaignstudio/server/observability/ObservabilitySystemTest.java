package dev.campaignstudio.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.provider.FakeProviders;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One image bundle made end to end with {@code image} bound to the OpenAI-compatible adapter (a local fake): afterwards
 * Prometheus shows a step timer per stage of the job, the job timer, capability and provider timers and the queue
 * gauges; and the job is one trace, from the API's request span through every step span to the provider call.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ObservabilitySystemTest.Spans.class)
class ObservabilitySystemTest {

    private static final String TOKEN = "observability-token";
    private static FakeProviders providers;
    private static JsonNode job;
    private static List<SpanData> spans;

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter exporter;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        providers = new FakeProviders();
        String dataDir = Files.createTempDirectory("studio-observability-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        registry.add("studio.providers.openai.base-url", providers::openaiUrl);
        registry.add("studio.providers.openai.api-key", () -> "sk-observability");
        registry.add("studio.providers.openai.models.image", () -> "gpt-image-1");
        registry.add("studio.capabilities.image", () -> "openai");
    }

    @AfterAll
    static void stop() {
        providers.close();
    }

    @BeforeAll
    static void reset() {
        job = null;
    }

    private synchronized JsonNode job() {
        if (job == null) {
            ApiClient api = new ApiClient(port, TOKEN);
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("contract_version", 2);
            tree.put("job_type", "marketing_output");
            tree.put("idempotency_key", "observed-" + System.nanoTime());
            tree.put("product", Samples.uploaded(api, "kiln-mug"));
            tree.put("mode", "image_bundle");
            tree.put("prompt", "Cosy autumn evenings");
            tree.put("settings", Map.of("scene_count", 2));
            exporter.reset();
            ApiClient.Response created = api.postJson("/v1/jobs", tree);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> List.of("succeeded", "failed")
                            .contains(api.get("/v1/jobs/" + id)
                                    .json()
                                    .get("status")
                                    .asString()));
            job = api.get("/v1/jobs/" + id).json();
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
            spans = List.copyOf(exporter.getFinishedSpanItems());
        }
        return job;
    }

    @Test
    void prometheusShowsTheStageTimersOfTheJobAndTheQueueGauges() {
        JsonNode done = job();
        Set<String> stages = new TreeSet<>();
        done.get("steps").forEach(step -> stages.add(step.get("stage").asString()));
        assertThat(stages).contains("concepts", "scene_image", "finalize_bundle");

        ApiClient admin = new ApiClient(port, TOKEN);
        String scrape = admin.get("/actuator/prometheus").body();
        for (String stage : stages) {
            assertThat(lines(scrape, "studio_step_seconds_count{"))
                    .as(stage)
                    .anyMatch(line -> line.contains("stage=\"" + stage + "\"") && line.contains("mode="));
        }
        assertThat(lines(scrape, "studio_step_seconds_count{"))
                .anyMatch(line -> line.contains("mode=\"image_bundle\"")
                        && line.contains("stage=\"scene_image\"")
                        && line.contains("outcome=\"succeeded\""));
        assertThat(lines(scrape, "studio_job_seconds_count{"))
                .anyMatch(line -> line.contains("mode=\"image_bundle\"")
                        && line.contains("outcome=\"succeeded\"")
                        && line.contains("type=\"marketing_output\""));
        for (String queue : List.of("marketing", "avatar", "retry")) {
            assertThat(lines(scrape, "studio_queue_ready{")).anyMatch(line -> line.contains("queue=\"" + queue + "\""));
            assertThat(lines(scrape, "studio_queue_oldest_age_seconds{"))
                    .anyMatch(line -> line.contains("queue=\"" + queue + "\""));
        }
        assertThat(lines(scrape, "studio_capability_seconds_count{"))
                .anyMatch(line -> line.contains("adapter=\"openai\"") && line.contains("capability=\"image\""));
        assertThat(lines(scrape, "studio_provider_calls_seconds_count{"))
                .anyMatch(line -> line.contains("provider=\"openai\""));
        assertThat(lines(scrape, "studio_fidelity_score_count{")).isNotEmpty();
        assertThat(lines(scrape, "studio_fidelity_attempts_count{"))
                .anyMatch(line -> line.contains("stage=\"scene_image\""));
    }

    @Test
    void everyMetricOfTheDashboardIsScraped() throws Exception {
        job();
        String dashboard =
                Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("docs/grafana-dashboard.json"));
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\b((?:studio|http_server)_[a-z_]+)").matcher(dashboard);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names)
                .contains("studio_step_seconds_bucket", "studio_queue_ready", "studio_callback_lag_seconds_sum");
        String scrape = new ApiClient(port, TOKEN).get("/actuator/prometheus").body();
        Set<String> scraped = scrape.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("[{ ].*", ""))
                .collect(Collectors.toSet());
        Set<String> absent = new TreeSet<>(names);
        absent.removeAll(scraped);
        assertThat(absent).as("dashboard metrics missing from the scrape").isEmpty();
    }

    @Test
    void theJobIsOneTraceFromTheApiThroughEveryStepToTheProviderCall() {
        JsonNode done = job();
        SpanData request = spans.stream()
                .filter(span -> "/v1/jobs".equals(span.getAttributes().get(AttributeKey.stringKey("uri")))
                        && "POST".equals(span.getAttributes().get(AttributeKey.stringKey("method"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no API span among " + names(spans)));
        String trace = request.getTraceId();
        List<SpanData> steps = spans.stream()
                .filter(span -> span.getName().startsWith("step "))
                .toList();
        Set<String> stepStages = steps.stream()
                .filter(span -> span.getTraceId().equals(trace))
                .map(span -> span.getName().substring("step ".length()))
                .collect(Collectors.toSet());
        Set<String> jobStages = new TreeSet<>();
        done.get("steps").forEach(step -> jobStages.add(step.get("stage").asString()));
        assertThat(stepStages).containsAll(jobStages);
        assertThat(steps).allMatch(span -> span.getTraceId().equals(trace));
        assertThat(steps)
                .allMatch(span ->
                        done.get("id").asString().equals(span.getAttributes().get(AttributeKey.stringKey("job_id"))));
        assertThat(spans)
                .anyMatch(span -> span.getTraceId().equals(trace)
                        && "openai".equals(span.getAttributes().get(AttributeKey.stringKey("adapter")))
                        && "image".equals(span.getAttributes().get(AttributeKey.stringKey("capability"))));
    }

    private static List<String> lines(String scrape, String prefix) {
        return scrape.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private static List<String> names(List<SpanData> all) {
        return all.stream()
                .map(span -> span.getName() + " " + span.getAttributes())
                .toList();
    }

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        SpanProcessor inMemorySpans(InMemorySpanExporter exporter) {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}
