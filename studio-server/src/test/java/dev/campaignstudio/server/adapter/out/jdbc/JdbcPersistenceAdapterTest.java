package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobId;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.port.out.DuplicateContentException;
import dev.campaignstudio.core.port.out.DuplicateIdempotencyKeyException;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC adapters against both databases the service runs on: H2 (embedded) and PostgreSQL (distributed). */
class JdbcPersistenceAdapterTest {

    private final MutableClock clock = MutableClock.startingNow();

    public static Stream<Supplier<TestDatabases.Target>> databases() {
        return Stream.of(named("h2", TestDatabases::h2), named("postgresql", TestDatabases::postgres));
    }

    private static Supplier<TestDatabases.Target> named(String name, Supplier<TestDatabases.Target> target) {
        return new Supplier<>() {
            @Override
            public TestDatabases.Target get() {
                return target.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private JdbcPersistenceConfiguration.Adapters adapters(Supplier<TestDatabases.Target> database) {
        return JdbcPersistenceConfiguration.on(TestDatabases.migrated(database.get()), clock);
    }

    private Job job(Map<String, Object> tree) {
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        clock.advance(Duration.ofMillis(1));
        return Job.accepted(JobId.next(clock), request, CanonicalJson.sha256(tree),
                request.type() == JobType.MARKETING_OUTPUT ? dev.campaignstudio.core.contract.OutputMode.UGC : null,
                "sku-123", null, clock.instant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storedJobReadsBackWithItsWholeSnapshot(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        Job job = job(RequestFixture.output("ugc").with("metadata.campaign", "summer")
                .with("callback.url", "https://hooks.example.com/x").with("settings.creative_variation", 0.55).tree());
        store.transactions().inTransaction(() -> {
            store.jobs().insert(job);
            return null;
        });
        assertThat(store.jobs().find(job.id())).contains(job);
        assertThat(store.jobs().findByIdempotencyKey(job.owner(), job.idempotencyKey())).contains(job);
        assertThat(store.jobs().find(JobId.next(clock))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void secondJobWithTheSameKeyIsRefused(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        store.jobs().insert(job(RequestFixture.creation().tree()));
        Job twin = job(RequestFixture.creation().tree());
        assertThatThrownBy(() -> store.jobs().insert(twin)).isInstanceOf(DuplicateIdempotencyKeyException.class);
        assertThat(store.jobs().find(twin.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listsNewestFirstWithFiltersAndCursor(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        List<Job> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Job job = job(RequestFixture.creation().with("idempotency_key", "c" + i).tree());
            store.jobs().insert(job);
            stored.add(job);
        }
        Job output = job(RequestFixture.output("ugc").with("idempotency_key", "o").tree());
        store.jobs().insert(output);

        JobPage first = store.jobs().list(new JobQuery(null, JobType.MARKETING_CREATION, null, null, 2));
        assertThat(first.jobs()).extracting(Job::id).containsExactly(stored.get(4).id(), stored.get(3).id());
        JobPage second = store.jobs().list(new JobQuery(null, JobType.MARKETING_CREATION, null, first.next(), 2));
        assertThat(second.jobs()).extracting(Job::id).containsExactly(stored.get(2).id(), stored.get(1).id());
        JobPage last = store.jobs().list(new JobQuery(null, JobType.MARKETING_CREATION, null, second.next(), 2));
        assertThat(last.jobs()).extracting(Job::id).containsExactly(stored.get(0).id());
        assertThat(last.next()).isNull();

        assertThat(store.jobs().list(new JobQuery(JobStatus.QUEUED, null, "sku-123", null, 100)).jobs()).hasSize(6);
        assertThat(store.jobs().list(new JobQuery(JobStatus.RUNNING, null, null, null, 100)).jobs()).isEmpty();
        assertThat(store.jobs().list(new JobQuery(null, null, "other", null, 100)).jobs()).isEmpty();
        assertThat(store.jobs().list(new JobQuery(null, null, OutputMode.UGC, null, null, 100)).jobs()).extracting(Job::id)
                .containsExactly(output.id());
        assertThat(store.jobs().list(new JobQuery(null, null, OutputMode.FAST_VIDEO, null, null, 100)).jobs()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventSequencesAreGaplessPerJobUnderConcurrency(Supplier<TestDatabases.Target> database) throws Exception {
        var store = adapters(database);
        Job a = job(RequestFixture.creation().with("idempotency_key", "a").tree());
        Job b = job(RequestFixture.creation().with("idempotency_key", "b").tree());
        store.jobs().insert(a);
        store.jobs().insert(b);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JobEvent>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Job target = i % 2 == 0 ? a : b;
                appends.add(pool.submit(() -> store.transactions().inTransaction(
                        () -> store.events().append(target.id(), JobEventType.PROGRESS, Map.of("n", 1), clock.instant()))));
            }
            for (Future<JobEvent> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.events().after(a.id(), 0, 100)).extracting(JobEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(store.events().after(b.id(), 15, 100)).extracting(JobEvent::sequence).containsExactly(16L, 17L, 18L, 19L, 20L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rolledBackEventsLeaveNoGap(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        Job job = job(RequestFixture.creation().tree());
        store.jobs().insert(job);
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.events().append(job.id(), JobEventType.STARTED, Map.of(), clock.instant());
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        JobEvent next = store.transactions().inTransaction(() -> store.events().append(job.id(), JobEventType.STARTED, Map.of(), clock.instant()));
        assertThat(next.sequence()).isEqualTo(1);
        assertThat(store.events().after(job.id(), 0, 10)).singleElement().satisfies(e -> assertThat(e.data()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventsAreOnlyAppendedInsideATransaction(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        Job job = job(RequestFixture.creation().tree());
        store.jobs().insert(job);
        assertThatThrownBy(() -> store.events().append(job.id(), JobEventType.STARTED, Map.of(), clock.instant()))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void uploadsAreUniqueByContent(Supplier<TestDatabases.Target> database) {
        var store = adapters(database);
        Asset asset = new Asset(AssetId.next(clock), AssetKind.UPLOAD, "image/png", "ab".repeat(32), 1234, 640, 480, null, clock.instant());
        store.assets().insert(asset);
        assertThat(store.assets().find(asset.id())).contains(asset);
        assertThat(store.assets().findByContent("ab".repeat(32), AssetKind.UPLOAD)).contains(asset);
        Asset twin = new Asset(AssetId.next(clock), AssetKind.UPLOAD, "image/png", "ab".repeat(32), 1234, 640, 480, null, clock.instant());
        assertThatThrownBy(() -> store.assets().insert(twin)).isInstanceOf(DuplicateContentException.class);
    }
}
