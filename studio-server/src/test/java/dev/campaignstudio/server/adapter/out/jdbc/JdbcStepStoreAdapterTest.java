package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.server.engine.Dispatch;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims, leases and the dispatch outbox against H2 and PostgreSQL. */
class JdbcStepStoreAdapterTest {

    private final MutableClock clock = MutableClock.startingNow();

    static Stream<Supplier<TestDatabases.Target>> databases() {
        return JdbcPersistenceAdapterTest.databases();
    }

    private record Fixture(JdbcPersistenceConfiguration.Adapters store, Job job) {}

    private Fixture fixture(Supplier<TestDatabases.Target> database) {
        var store = JdbcPersistenceConfiguration.on(TestDatabases.migrated(database.get()), clock);
        Map<String, Object> tree = RequestFixture.creation()
                .with("idempotency_key", "k-" + UUID.randomUUID())
                .tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        Job job = Job.accepted(
                JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-123", null, clock.instant());
        store.jobs().insert(job);
        return new Fixture(store, job);
    }

    private StepRecord pending(Job job, String stage, int scene, int attempt, Instant notBefore) {
        return StepRecord.pending(
                StepId.next(clock), job.id(), stage, scene, attempt, WorkQueue.MARKETING, clock.instant(), notBefore);
    }

    private StepRecord inserted(Fixture f, String stage) {
        StepRecord step = pending(f.job(), stage, 0, 1, null);
        assertThat(f.store()
                        .transactions()
                        .inTransaction(() -> f.store().steps().insert(step, clock.instant())))
                .isTrue();
        return step;
    }

    private Optional<StepRecord> claim(Fixture f, StepRecord step, String owner) {
        return f.store()
                .transactions()
                .inTransaction(() -> f.store()
                        .steps()
                        .claim(
                                step.id(),
                                owner,
                                clock.instant(),
                                clock.instant().plusSeconds(30)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAttemptIsStoredOnceWithItsDispatch(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "plan");
        StepRecord twin = pending(f.job(), "plan", 0, 1, null);
        assertThat(f.store()
                        .transactions()
                        .inTransaction(() -> f.store().steps().insert(twin, clock.instant())))
                .isFalse();
        assertThat(f.store().steps().forJob(f.job().id()))
                .extracting(StepRecord::id)
                .containsExactly(step.id());
        assertThat(f.store().steps().find(step.id())).contains(step);
        assertThat(f.store().dispatches().backlog()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAttemptTakenByTheWorkerThatMadeItReadyHasNoDispatch(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord taken = pending(f.job(), "plan", 0, 1, null)
                .claimedBy("taker", clock.instant(), clock.instant().plusSeconds(30));
        var steps = f.store().steps();
        assertThat(f.store().transactions().inTransaction(() -> steps.insert(taken, clock.instant())))
                .isTrue();
        assertThat(steps.find(taken.id())).contains(taken);
        assertThat(f.store().dispatches().backlog()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theOutboxRelaysDueDispatchesOfTheGivenQueuesAndKeepsThemWhenPublishingFails(
            Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord marketing = inserted(f, "plan");
        StepRecord avatar = StepRecord.pending(
                StepId.next(clock), f.job().id(), "voice", 1, 1, WorkQueue.AVATAR, clock.instant(), null);
        f.store().transactions().inTransaction(() -> f.store().steps().insert(avatar, clock.instant()));
        StepRecord later = pending(f.job(), "later", 0, 1, clock.instant().plusSeconds(5));
        f.store().transactions().inTransaction(() -> f.store().steps().insert(later, later.notBefore()));

        assertThatThrownBy(() -> f.store()
                        .dispatches()
                        .relay(clock.instant(), 10, EnumSet.of(WorkQueue.MARKETING), batch -> {
                            throw new IllegalStateException("broker down");
                        }))
                .hasMessage("broker down");
        assertThat(f.store().dispatches().backlog()).isEqualTo(3);

        List<Dispatch> sent = new ArrayList<>();
        assertThat(f.store().dispatches().relay(clock.instant(), 10, EnumSet.of(WorkQueue.MARKETING), sent::addAll))
                .isEqualTo(1);
        assertThat(sent).containsExactly(new Dispatch(marketing.id(), WorkQueue.MARKETING));
        assertThat(f.store().dispatches().nextDue(EnumSet.of(WorkQueue.MARKETING)))
                .contains(later.notBefore());
        assertThat(f.store().dispatches().relay(clock.instant(), 10, EnumSet.allOf(WorkQueue.class), sent::addAll))
                .isEqualTo(1);
        assertThat(sent).extracting(Dispatch::queue).containsExactly(WorkQueue.MARKETING, WorkQueue.AVATAR);
        // relaying sends a dispatch; it claims nothing, so the step waits for a worker as before
        assertThat(f.store().steps().find(marketing.id()).orElseThrow().status())
                .isEqualTo(StepStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentRelaysNeverTakeTheSameDispatch(Supplier<TestDatabases.Target> database) throws Exception {
        Fixture f = fixture(database);
        for (int i = 0; i < 40; i++) {
            StepRecord step = pending(f.job(), "s", i + 1, 1, null);
            f.store().transactions().inTransaction(() -> f.store().steps().insert(step, clock.instant()));
        }
        List<Dispatch> all = java.util.Collections.synchronizedList(new ArrayList<>());
        // the first two batches wait for each other inside their transactions: two relays hold rows at once
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> relays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                relays.add(pool.submit(() -> {
                    int n = 0;
                    int got;
                    do {
                        got = f.store()
                                .dispatches()
                                .relay(clock.instant(), 3, EnumSet.allOf(WorkQueue.class), batch -> {
                                    all.addAll(batch);
                                    inside.countDown();
                                    if (awaitQuietly(inside)) {
                                        overlapped.set(true);
                                    }
                                });
                        n += got;
                    } while (got > 0);
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> relay : relays) {
                total += relay.get();
            }
            assertThat(total).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        assertThat(overlapped)
                .as("two relays held their batches at the same time")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lostDispatchesAreRequestedAgainOnlyWhenOverdueAndNotWaiting(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        inserted(f, "plan");
        StepStore steps = f.store().steps();
        assertThat(steps.redispatchLost(clock.instant(), clock.instant()))
                .as("its first dispatch still waits")
                .isZero();
        f.store().dispatches().relay(clock.instant(), 10, EnumSet.allOf(WorkQueue.class), batch -> {});
        clock.advance(Duration.ofSeconds(30));
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60)))
                .as("not overdue")
                .isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60)))
                .isEqualTo(1);
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60)))
                .as("already waiting again")
                .isZero();
    }

    private static boolean awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
