package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Callback deliveries written with their events, and taken in per-job order, on H2 and PostgreSQL. */
class JdbcDeliveryStoreAdapterTest {

    private final MutableClock clock = MutableClock.startingNow();

    static Stream<Supplier<TestDatabases.Target>> databases() {
        return JdbcPersistenceAdapterTest.databases();
    }

    private Job job(JdbcPersistenceConfiguration.Adapters store, String callbackUrl) {
        RequestFixture fixture = RequestFixture.creation()
                .with("idempotency_key", "k-" + UUID.randomUUID())
                .with("metadata.campaign", "summer");
        if (callbackUrl != null) {
            fixture.with("callback.url", callbackUrl);
        }
        Map<String, Object> tree = fixture.tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        Job job = Job.accepted(
                JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-123", null, clock.instant());
        store.jobs().insert(job);
        return job;
    }

    private void events(JdbcPersistenceConfiguration.Adapters store, Job job, int count) {
        for (int i = 0; i < count; i++) {
            store.transactions()
                    .inTransaction(() ->
                            store.events().append(job.id(), JobEventType.PROGRESS, Map.of("i", 1), clock.instant()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventsOfJobsWithACallbackGetADeliveryEachAndGoOutInOrder(Supplier<TestDatabases.Target> database) {
        var store = JdbcPersistenceConfiguration.on(TestDatabases.migrated(database.get()), clock);
        Job a = job(store, "https://hooks.example.com/a");
        Job b = job(store, "https://hooks.example.com/b");
        Job silent = job(store, null);
        events(store, a, 3);
        events(store, b, 2);
        events(store, silent, 2);
        DeliveryStore deliveries = store.deliveries();
        assertThat(deliveries.forJob(a.id())).extracting(d -> d.sequence()).containsExactly(1L, 2L, 3L);
        assertThat(deliveries.forJob(silent.id())).isEmpty();

        List<DeliveryStore.Due> first =
                deliveries.claimDue(clock.instant(), 10, "w1", clock.instant().plusSeconds(60));
        assertThat(first)
                .as("only the head of each job")
                .extracting(d -> d.delivery().jobId() + "#" + d.delivery().sequence())
                .containsExactlyInAnyOrder(a.id() + "#1", b.id() + "#1");
        assertThat(first.get(0).metadata()).containsEntry("campaign", "summer");
        assertThat(deliveries.claimDue(
                        clock.instant(), 10, "w2", clock.instant().plusSeconds(60)))
                .as("leased")
                .isEmpty();

        DeliveryStore.Due headOfA = first.stream()
                .filter(d -> d.delivery().jobId().equals(a.id()))
                .findFirst()
                .orElseThrow();
        deliveries.record(
                headOfA.delivery(),
                new DeliveryAttempt(
                        headOfA.delivery().id(),
                        headOfA.delivery().eventId(),
                        clock.instant(),
                        204,
                        9,
                        null,
                        "delivered"),
                DeliveryStatus.DELIVERED,
                null,
                clock.instant());
        List<DeliveryStore.Due> next =
                deliveries.claimDue(clock.instant(), 10, "w2", clock.instant().plusSeconds(60));
        assertThat(next)
                .extracting(d -> d.delivery().jobId() + "#" + d.delivery().sequence())
                .containsExactly(a.id() + "#2");
        assertThat(deliveries.forJob(a.id()).get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(deliveries.forJob(a.id()).get(0).deliveredAt()).isNotNull();
        assertThat(deliveries.attempts(a.id()))
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.statusCode()).isEqualTo(204));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retriesWaitStopsEndAJobAndRedeliveriesComeBack(Supplier<TestDatabases.Target> database) {
        var store = JdbcPersistenceConfiguration.on(TestDatabases.migrated(database.get()), clock);
        Job job = job(store, "https://hooks.example.com/a");
        events(store, job, 2);
        DeliveryStore deliveries = store.deliveries();
        DeliveryStore.Due head = deliveries
                .claimDue(clock.instant(), 10, "w", clock.instant().plusSeconds(60))
                .get(0);
        deliveries.record(
                head.delivery(),
                new DeliveryAttempt(
                        head.delivery().id(),
                        head.delivery().eventId(),
                        clock.instant(),
                        500,
                        3,
                        "the receiver answered 500",
                        "retry"),
                DeliveryStatus.PENDING,
                clock.instant().plusSeconds(5),
                clock.instant());
        assertThat(deliveries.claimDue(clock.instant(), 10, "w", clock.instant().plusSeconds(60)))
                .as("backing off")
                .isEmpty();
        clock.advance(Duration.ofSeconds(6));
        assertThat(deliveries.claimDue(clock.instant(), 10, "w", clock.instant().plusSeconds(60)))
                .hasSize(1);

        assertThat(deliveries.stopPending(job.id(), "the receiver answered 410 Gone", clock.instant()))
                .isEqualTo(2);
        assertThat(deliveries.forJob(job.id()))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.STOPPED));
        assertThat(deliveries.redeliver(
                        job.id(),
                        head.delivery().eventId(),
                        clock.instant(),
                        clock.instant().plusSeconds(60)))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));
        assertThat(deliveries.claimDue(clock.instant(), 10, "w", clock.instant().plusSeconds(60)))
                .hasSize(1);
        assertThat(deliveries.redeliver(job.id(), "evt_unknown", clock.instant(), clock.instant()))
                .isEmpty();
    }
}
