package dev.campaignstudio.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CallbackReceiver;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Lifecycle events delivered as signed callbacks to a real receiver on loopback, and read as a feed and a stream. */
@SpringBootTest(
        classes = {StudioApplication.class, TestPipelineConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackSystemTest {

    private static final int JOBS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-callback-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "callback-token");
        registry.add("studio.callbacks.secrets.default", () -> CallbackFixtures.SECRET);
        registry.add("studio.callbacks.initial-backoff", () -> "20ms");
        registry.add("studio.callbacks.max-backoff", () -> "300ms");
        registry.add("studio.callbacks.timeout", () -> "2s");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        registry.add("studio.engine.concurrency.callbacks", () -> "4");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "callback-token");
    }

    private String submit(String callbackUrl) {
        ApiClient.Response created = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "cb-" + UUID.randomUUID())
                        .with("callback.url", callbackUrl)
                        .with("metadata.campaign", "summer")
                        .tree());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private long events(String jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_events WHERE job_id = :job")
                .param("job", jobId)
                .query(Long.class)
                .single();
    }

    private void awaitFinished(List<String> jobs) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.stream()
                        .allMatch(id -> api.get("/v1/jobs/" + id)
                                .json()
                                .get("status")
                                .asString()
                                .equals("succeeded")));
    }

    private void awaitAllAcknowledged(CallbackReceiver receiver, List<String> jobs) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        jobs.stream().allMatch(id -> receiver.acknowledged(id).size() == events(id)));
    }

    private void assertEveryEventOnceInOrder(CallbackReceiver receiver, List<String> jobs) {
        assertThat(receiver.badSignatures()).isZero();
        for (String id : jobs) {
            List<CallbackReceiver.Received> received = receiver.acknowledged(id);
            assertThat(received)
                    .extracting(CallbackReceiver.Received::sequence)
                    .as("job %s: every event once, in sequence order", id)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, events(id)).boxed().toList());
            assertThat(received).extracting(CallbackReceiver.Received::eventId).doesNotHaveDuplicates();
            assertThat(received.get(0).type()).isEqualTo("accepted");
            assertThat(received.get(received.size() - 1).type()).isEqualTo("completed");
            assertThat(received.get(0).body()).contains("\"metadata\":{\"campaign\":\"summer\"}");
        }
    }

    @Test
    void aReceiverThatFailsTheFirstThreeAttemptsStillGetsEveryEventOnceInOrder() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 3).start()) {
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(submit(receiver.url("/hooks/studio?token=abc")));
            }
            awaitFinished(jobs);
            awaitAllAcknowledged(receiver, jobs);
            assertEveryEventOnceInOrder(receiver, jobs);
            for (CallbackReceiver.Received event : receiver.acknowledged()) {
                assertThat(receiver.attempts(event.eventId())).isEqualTo(4);
            }
            JsonNode deliveries =
                    api.get("/v1/jobs/" + jobs.get(0) + "/deliveries").json();
            assertThat(deliveries.get("callback_url").asString()).doesNotContain("token");
            JsonNode first = deliveries.get("items").get(0);
            assertThat(first.get("status").asString()).isEqualTo("delivered");
            assertThat(first.get("attempt_log")
                            .valueStream()
                            .map(a -> a.get("status_code").asInt()))
                    .containsExactly(500, 500, 500, 204);
            assertThat(first.get("attempt_log").get(0).get("latency_ms").isNumber())
                    .isTrue();
            JsonNode job = api.get("/v1/jobs/" + jobs.get(0)).json();
            assertThat(job.get("callback").get("deliveries").get("delivered").asLong())
                    .isEqualTo(events(jobs.get(0)));
        }
    }

    @Test
    void aReceiverThatIsDownWhileJobsRunGetsEveryEventOnceItIsUp() throws Exception {
        int port = CallbackReceiver.freePort();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(submit("http://127.0.0.1:" + port + "/hooks"));
        }
        awaitFinished(jobs);
        JsonNode waiting = api.get("/v1/jobs/" + jobs.get(0) + "/deliveries")
                .json()
                .get("items")
                .get(0);
        assertThat(waiting.get("status").asString()).isEqualTo("pending");
        assertThat(waiting.get("attempt_log").get(0).get("error").asString()).isEqualTo("connection refused");
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, port, 0).start()) {
            awaitAllAcknowledged(receiver, jobs);
            assertEveryEventOnceInOrder(receiver, jobs);
        }
    }

    @Test
    void callbackUrlsToMetadataOrPrivateAddressesAreRefusedAtSubmission() {
        for (String url : new String[] {
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "http://192.168.1.20/hook"
        }) {
            ApiClient.Response refused = api.postJson(
                    "/v1/jobs",
                    RequestFixture.creation()
                            .with("idempotency_key", "bad-" + UUID.randomUUID())
                            .with("callback.url", url)
                            .tree());
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("pointer").asString())
                    .isEqualTo("/callback/url");
            assertThat(refused.json().get("errors").get(0).get("code").asString())
                    .isEqualTo("NOT_ALLOWED");
        }
        ApiClient.Response unknownSecret = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "bad-" + UUID.randomUUID())
                        .with("callback.url", "http://127.0.0.1:9/hook")
                        .with("callback.secret_ref", "nope")
                        .tree());
        assertThat(unknownSecret.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/callback/secret_ref");
    }

    @Test
    void aCallbackThatRedirectsToAPrivateAddressIsStoppedAndTheRefusalShowsOnTheJob() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 0).start()) {
            receiver.redirecting("/sneaky", "http://10.0.0.5/internal");
            String id = submit(receiver.url("/sneaky"));
            awaitFinished(List.of(id));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/v1/jobs/" + id)
                                    .json()
                                    .get("callback")
                                    .get("deliveries")
                                    .get("pending")
                                    .asLong()
                            == 0);
            JsonNode callback = api.get("/v1/jobs/" + id).json().get("callback");
            assertThat(callback.get("deliveries").get("stopped").asLong()).isEqualTo(events(id));
            assertThat(callback.get("last_error").asString())
                    .isEqualTo("a redirect to http://10.0.0.5 was refused: not allowed by the outbound rules");
            assertThat(receiver.acknowledged()).isEmpty();
        }
    }

    @Test
    void eventsCanBeReadAsAFeedAndResumedAsAStream() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 0).start()) {
            String id = submit(receiver.url("/hooks"));
            awaitFinished(List.of(id));
            long total = events(id);
            JsonNode feed = api.get("/v1/jobs/" + id + "/events?after=2").json();
            assertThat(feed.get("items").get(0).get("sequence").asLong()).isEqualTo(3);
            assertThat(feed.get("items").size()).isEqualTo((int) total - 2);
            assertThat(feed.get("next_after").asLong()).isEqualTo(total);
            assertThat(feed.get("items").get(0).get("metadata").get("campaign").asString())
                    .isEqualTo("summer");

            List<String> ids = streamIds(id, null);
            assertThat(ids)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total)
                            .mapToObj(Long::toString)
                            .toList());
            assertThat(streamIds(id, Long.toString(total - 3)))
                    .containsExactly(Long.toString(total - 2), Long.toString(total - 1), Long.toString(total));

            awaitAllAcknowledged(receiver, List.of(id));
            String accepted = receiver.acknowledged(id).get(0).eventId();
            assertThat(api.postJson("/v1/jobs/" + id + "/deliveries/" + accepted + "/redeliver", "")
                            .status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.acknowledged(id).size() == total + 1);
            assertThat(receiver.acknowledged(id).get((int) total).eventId()).isEqualTo(accepted);
            assertThat(api.postJson("/v1/jobs/" + id + "/deliveries/evt_nope/redeliver", "")
                            .status())
                    .isEqualTo(404);
        }
    }

    /** The envelope as a typed receiver (a Go struct, a Rust serde struct, a Java record) declares it. */
    record Envelope(
            String eventId,
            String jobId,
            long sequence,
            String type,
            String occurredAt,
            JsonNode data,
            Map<String, String> metadata) {}

    /** A {@code progress} event's data, its counts typed as integers. */
    record Progress(String stage, Integer sceneOrder, String status, int attempt, int percent, List<AssetRef> assets) {}

    /** A file in a {@code progress} event. */
    record AssetRef(
            String assetId,
            String kind,
            String role,
            Integer sceneOrder,
            String mediaType,
            String url,
            String sha256,
            long bytes,
            Integer width,
            Integer height,
            Long durationMs) {}

    /** Reads integers only from integer tokens: {@code 1E+1} is a float, and a typed receiver refuses it. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void callbackBodiesSpellIntegersAsIntegersForTypedReceiversAndAgreeWithTheFeed() throws Exception {
        assertThatThrownBy(() -> STRICT.readValue("{\"sequence\":1E+1}", Envelope.class))
                .as("the reader is strict")
                .isInstanceOf(JacksonException.class);
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 0).start()) {
            String id = submit(receiver.url("/hooks"));
            awaitFinished(List.of(id));
            awaitAllAcknowledged(receiver, List.of(id));
            assertThat(events(id))
                    .as("sequences reach 10, which was written 1E+1")
                    .isGreaterThanOrEqualTo(10);

            JsonNode feed = api.get("/v1/jobs/" + id + "/events?after=0").json().get("items");
            List<CallbackReceiver.Received> received = receiver.acknowledged(id);
            assertThat(received).hasSize(feed.size());
            int progress = 0;
            for (int i = 0; i < received.size(); i++) {
                String body = received.get(i).body();
                Envelope envelope = STRICT.readValue(body, Envelope.class);
                assertThat(envelope.sequence()).isEqualTo(i + 1);
                if (envelope.type().equals("progress")) {
                    Progress data = STRICT.treeToValue(envelope.data(), Progress.class);
                    assertThat(data.percent()).isBetween(0, 100);
                    progress++;
                }
                Object feedItem = ApiClient.parse(ApiClient.json(feed.get(i)));
                assertThat(body)
                        .as("callback %d is the feed's event %d", i + 1, i + 1)
                        .isEqualTo(CanonicalJson.write(feedItem));
            }
            assertThat(progress).isPositive();
        }
    }

    private List<String> streamIds(String jobId, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/jobs/" + jobId + "/events/stream"))
                .header("Authorization", "Bearer callback-token")
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    ids.add(line.substring(3).trim());
                }
            }
        }
        return ids;
    }
}
