package dev.campaignstudio.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.application.CallbackDeliverer;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.StandardWebhooksOracle;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.out.DeliveryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackDelivererTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final JobId job = JobId.next(clock);
    private final Deque<SendResult> answers = new ArrayDeque<>();
    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private final List<byte[]> sentBodies = new ArrayList<>();
    private final FakeStore store = new FakeStore();
    private final DeliveryPolicy policy = new DeliveryPolicy(
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10), 0, Duration.ofMinutes(1));
    private final CallbackDeliverer deliverer = new CallbackDeliverer(
            store,
            (url, headers, body) -> {
                sentHeaders.add(headers);
                sentBodies.add(body);
                return answers.removeFirst();
            },
            ref -> ref.equals("default")
                    ? Optional.of(WebhookSignature.key(CallbackFixtures.SECRET))
                    : Optional.empty(),
            policy,
            clock,
            () -> 0,
            "worker");

    private Delivery delivery(long sequence, String secretRef) {
        return new Delivery(
                "dlv_" + sequence,
                job,
                "evt_" + sequence,
                sequence,
                "https://hooks.example.com/x",
                secretRef,
                DeliveryStatus.PENDING,
                0,
                clock.instant(),
                clock.instant().plus(policy.horizon()),
                null,
                null,
                clock.instant(),
                null);
    }

    private DeliveryStore.Due due(long sequence, String secretRef) {
        JobEvent event = new JobEvent(
                "evt_" + sequence, job, sequence, JobEventType.PROGRESS, clock.instant(), Map.of("percent", 10));
        return new DeliveryStore.Due(delivery(sequence, secretRef), event, Map.of("campaign", "summer"));
    }

    @Test
    void aSignedEnvelopeIsSentAndA2xxDelivers() {
        store.due.add(due(1, "default"));
        answers.add(new SendResult.Answered(204, 12));
        assertThat(deliverer.deliverDue(10)).isEqualTo(1);
        Map<String, String> headers = sentHeaders.get(0);
        assertThat(headers).containsEntry("webhook-id", "evt_1").containsEntry("Content-Type", "application/json");
        long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
        assertThat(StandardWebhooksOracle.verify(
                        CallbackFixtures.SECRET,
                        "evt_1",
                        timestamp,
                        sentBodies.get(0),
                        headers.get("webhook-signature")))
                .isTrue();
        assertThat(new String(sentBodies.get(0), StandardCharsets.UTF_8))
                .contains("\"sequence\":1", "\"metadata\":{\"campaign\":\"summer\"}");
        assertThat(store.recorded).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(r.attempt().statusCode()).isEqualTo(204);
            assertThat(r.attempt().latencyMs()).isEqualTo(12);
        });
    }

    @Test
    void failuresAreRetriedWithBackoffUntilTheHorizon() {
        store.due.add(due(1, "default"));
        answers.add(new SendResult.Answered(503, 5));
        deliverer.deliverDue(10);
        assertThat(store.recorded.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.recorded.get(0).next()).isEqualTo(clock.instant().plusSeconds(5));
        assertThat(store.recorded.get(0).attempt().error()).isEqualTo("the receiver answered 503");

        Delivery late = new Delivery(
                "dlv_2",
                job,
                "evt_2",
                2,
                "https://hooks.example.com/x",
                "default",
                DeliveryStatus.PENDING,
                7,
                clock.instant(),
                clock.instant().plusSeconds(30),
                null,
                null,
                clock.instant(),
                null);
        store.due.add(new DeliveryStore.Due(late, due(2, "default").event(), Map.of()));
        answers.add(new SendResult.Unreachable("timed out", 10_000));
        deliverer.deliverDue(10);
        assertThat(store.recorded.get(1).status())
                .as("the next wait would pass the horizon")
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.recorded.get(1).attempt().outcome()).isEqualTo("failed");
    }

    @Test
    void goneStopsTheJobsCallbacks() {
        store.due.add(due(1, "default"));
        answers.add(new SendResult.Answered(410, 3));
        deliverer.deliverDue(10);
        assertThat(store.recorded.get(0).status()).isEqualTo(DeliveryStatus.STOPPED);
        assertThat(store.stoppedJobs).containsExactly(job);
    }

    @Test
    void aRefusedUrlStopsTheJobsCallbacksAndSaysWhy() {
        store.due.add(due(1, "default"));
        answers.add(new SendResult.Refused("a redirect to http://10.0.0.5 was refused: a private address"));
        deliverer.deliverDue(10);
        assertThat(store.recorded.get(0).status()).isEqualTo(DeliveryStatus.STOPPED);
        assertThat(store.recorded.get(0).attempt().error()).contains("private");
        assertThat(store.stoppedJobs).containsExactly(job);
    }

    @Test
    void aMissingSecretSendsNothingAndRetries() {
        store.due.add(due(1, "unknown"));
        deliverer.deliverDue(10);
        assertThat(sentBodies).isEmpty();
        assertThat(store.recorded.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.recorded.get(0).attempt().error())
                .contains("no callback secret")
                .doesNotContain("whsec_");
    }

    private record Recorded(Delivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant next) {}

    private static final class FakeStore implements DeliveryStore {
        final List<Due> due = new ArrayList<>();
        final List<Recorded> recorded = new ArrayList<>();
        final List<JobId> stoppedJobs = new ArrayList<>();

        @Override
        public List<Due> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
            List<Due> taken = new ArrayList<>(due);
            due.clear();
            return taken;
        }

        @Override
        public void record(
                Delivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt, Instant now) {
            recorded.add(new Recorded(delivery, attempt, status, nextAttemptAt));
        }

        @Override
        public int stopPending(JobId jobId, String reason, Instant now) {
            stoppedJobs.add(jobId);
            return 0;
        }

        @Override
        public List<Delivery> forJob(JobId jobId) {
            return List.of();
        }

        @Override
        public List<DeliveryAttempt> attempts(JobId jobId) {
            return List.of();
        }

        @Override
        public Optional<Delivery> redeliver(JobId jobId, String eventId, Instant now, Instant giveUpAt) {
            return Optional.empty();
        }
    }
}
