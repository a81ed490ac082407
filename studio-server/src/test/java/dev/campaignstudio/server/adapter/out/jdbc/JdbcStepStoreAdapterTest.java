package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.engine.CheckpointKey;
import dev.campaignstudio.core.engine.ProductCheckpoint;
import dev.campaignstudio.core.engine.StepId;
import dev.campaignstudio.core.engine.StepRecord;
import dev.campaignstudio.core.engine.StepStatus;
import dev.campaignstudio.core.engine.WorkQueue;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.JobId;
import dev.campaignstudio.core.port.out.CheckpointStore;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    private record Fixture(JdbcPersistenceConfiguration.Adapters store, Job job) {
    }

    private Fixture fixture(Supplier<TestDatabases.Target> database) {
        var store = JdbcPersistenceConfiguration.on(TestDatabases.migrated(database.get()), clock);
        Map<String, Object> tree = RequestFixture.creation().with("idempotency_key", "k-" + UUID.randomUUID()).tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        Job job = Job.accepted(JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-123", null, clock.instant());
        store.jobs().insert(job);
        return new Fixture(store, job);
    }

    private StepRecord pending(Job job, String stage, int scene, int attempt, Instant notBefore) {
        return StepRecord.pending(StepId.next(clock), job.id(), stage, scene, attempt, WorkQueue.MARKETING, clock.instant(), notBefore);
    }

    private StepRecord inserted(Fixture f, String stage) {
        StepRecord step = pending(f.job(), stage, 0, 1, null);
        assertThat(f.store().transactions().inTransaction(() -> f.store().steps().insert(step, clock.instant()))).isTrue();
        return step;
    }

    private Optional<StepRecord> claim(Fixture f, StepRecord step, String owner) {
        return f.store().transactions().inTransaction(() -> f.store().steps().claim(step.id(), owner, clock.instant(), clock.instant().plusSeconds(30)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAttemptIsStoredOnceWithItsDispatch(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "plan");
        StepRecord twin = pending(f.job(), "plan", 0, 1, null);
        assertThat(f.store().transactions().inTransaction(() -> f.store().steps().insert(twin, clock.instant()))).isFalse();
        assertThat(f.store().steps().forJob(f.job().id())).extracting(StepRecord::id).containsExactly(step.id());
        assertThat(f.store().steps().find(step.id())).contains(step);
        assertThat(f.store().dispatches().backlog()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void ofManyConcurrentClaimsExactlyOneWins(Supplier<TestDatabases.Target> database) throws Exception {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "plan");
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Optional<StepRecord>>> claims = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String owner = "worker-" + i;
                claims.add(pool.submit((Callable<Optional<StepRecord>>) () -> {
                    start.await();
                    return claim(f, step, owner);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<StepRecord>> claim : claims) {
                won += claim.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        StepRecord running = f.store().steps().find(step.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(running.claims()).isEqualTo(1);
        assertThat(running.leaseOwner()).startsWith("worker-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void stepsOfCancelledJobsAndStepsInBackoffAreNotClaimed(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord later = pending(f.job(), "plan", 0, 2, clock.instant().plusSeconds(10));
        f.store().transactions().inTransaction(() -> f.store().steps().insert(later, later.notBefore()));
        assertThat(claim(f, later, "w")).as("still in backoff").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        StepRecord now = inserted(f, "other");
        f.store().transactions().inTransaction(() -> {
            f.store().jobs().update(f.store().jobs().lock(f.job().id()).orElseThrow().cancelRequested(clock.instant()));
            return null;
        });
        assertThat(claim(f, now, "w")).as("the job was cancelled").isEmpty();
        assertThat(claim(f, later, "w")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyTheHolderRenewsOrFinishesAndCancellationSaysStop(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "plan");
        claim(f, step, "holder");
        StepStore steps = f.store().steps();
        Instant until = clock.instant().plusSeconds(60);
        assertThat(steps.renew(step.id(), "holder", clock.instant(), until)).isEqualTo(StepStore.Lease.HELD);
        assertThat(steps.find(step.id()).orElseThrow().leaseExpiresAt()).isEqualTo(until);
        assertThat(steps.renew(step.id(), "intruder", clock.instant(), until)).isEqualTo(StepStore.Lease.LOST);
        assertThat(steps.finish(step.id(), "intruder", StepStatus.SUCCEEDED, Map.of(), Map.of(), List.of(), null, null, clock.instant())).isFalse();

        f.store().transactions().inTransaction(() -> {
            f.store().jobs().update(f.store().jobs().lock(f.job().id()).orElseThrow().cancelRequested(clock.instant()));
            return null;
        });
        assertThat(steps.renew(step.id(), "holder", clock.instant(), until)).isEqualTo(StepStore.Lease.STOP);
        assertThat(steps.finish(step.id(), "holder", StepStatus.SUCCEEDED, Map.of("fingerprint", "abc"), Map.of("n", 1),
                List.of(new StepRecord.StepAsset("ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "scene")), null, "local", clock.instant())).isTrue();
        StepRecord done = steps.find(step.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(done.outputs()).containsEntry("n", 1);
        assertThat(done.inputs()).containsEntry("fingerprint", "abc");
        assertThat(done.assets()).extracting(StepRecord.StepAsset::role).containsExactly("scene");
        assertThat(done.leaseOwner()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void notesAreWrittenOnlyByTheHolderOfARunningAttemptAndReadBackForTheSlotInOrder(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord first = inserted(f, "scene_image");
        claim(f, first, "holder");
        StepStore steps = f.store().steps();
        var asset = List.of(new StepRecord.StepAsset("ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "rejected_image"));
        assertThat(steps.note(first.id(), "holder", Map.of("attempt", 1, "score", 0.41), asset, clock.instant())).isTrue();
        assertThat(steps.note(first.id(), "intruder", Map.of("attempt", 9), List.of(), clock.instant())).isFalse();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(steps.note(first.id(), "holder", Map.of("attempt", 2, "score", 0.52), List.of(), clock.instant())).isTrue();
        assertThat(steps.giveUp(first.id(), new dev.campaignstudio.core.job.JobError("WORKER_LOST", "gone", true, "scene_image", null, 1),
                clock.instant().plusSeconds(60))).isTrue();
        assertThat(steps.note(first.id(), "holder", Map.of("attempt", 3), List.of(), clock.instant())).as("given up: no more notes").isFalse();

        StepRecord second = pending(f.job(), "scene_image", 0, 2, null);
        f.store().transactions().inTransaction(() -> steps.insert(second, clock.instant()));
        claim(f, second, "another");
        assertThat(steps.note(second.id(), "another", Map.of("attempt", 3, "score", 0.9), List.of(), clock.instant())).isTrue();
        StepRecord other = inserted(f, "storyboard");
        claim(f, other, "another");
        steps.note(other.id(), "another", Map.of("attempt", 1), List.of(), clock.instant());

        var notes = steps.notes(f.job().id(), "scene_image", 0);
        assertThat(notes).extracting(n -> n.note().get("attempt")).containsExactly(1, 2, 3);
        assertThat(notes).extracting(n -> n.attempt()).containsExactly(1, 1, 2);
        assertThat(notes.get(0).assets()).isEqualTo(asset);
        assertThat(((Number) notes.get(0).note().get("score")).doubleValue()).isEqualTo(0.41);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void checkpointsRoundTripAndTheLatestSavedWins(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "neutral_image");
        CheckpointStore checkpoints = f.store().checkpoints();
        String product = "sku-" + UUID.randomUUID();
        CheckpointKey key = CheckpointKey.of(product, "neutral_image", Map.of("sources", List.of("aa", "bb")));
        assertThat(checkpoints.find(key)).isEmpty();

        List<StepRecord.StepAsset> files = List.of(new StepRecord.StepAsset("ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "neutral_image"));
        ProductCheckpoint first = new ProductCheckpoint(key, Map.of("chosen_image", 1), List.of(), "other", f.job().id(), clock.instant());
        checkpoints.save(first, step.id());
        assertThat(checkpoints.find(key).orElseThrow().adapter()).isEqualTo("other");
        ProductCheckpoint second = new ProductCheckpoint(key, Map.of("chosen_image", 2, "fingerprint", key.fingerprint()), files, "local",
                f.job().id(), clock.instant().plusSeconds(5));
        checkpoints.save(second, step.id());

        ProductCheckpoint found = checkpoints.find(key).orElseThrow();
        assertThat(found.outputs()).containsEntry("chosen_image", 2);
        assertThat(found.assets()).isEqualTo(files);
        assertThat(found.adapter()).isEqualTo("local");
        assertThat(found.createdAt()).isEqualTo(clock.instant().plusSeconds(5));
        assertThat(found.jobId()).isEqualTo(f.job().id());
        assertThat(checkpoints.find(new CheckpointKey(product, "metadata", key.fingerprint()))).isEmpty();
        assertThat(checkpoints.find(CheckpointKey.of(product, "neutral_image", Map.of("sources", List.of("bb", "aa"))))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lapsedLeasesAreGivenUpOnce(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord step = inserted(f, "plan");
        claim(f, step, "gone");
        StepStore steps = f.store().steps();
        assertThat(steps.lapsed(clock.instant(), 10)).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(steps.lapsed(clock.instant(), 10)).extracting(StepRecord::id).containsExactly(step.id());
        JobError lost = new JobError("WORKER_LOST", "gone", true, "plan", null, 1);
        assertThat(steps.giveUp(step.id(), lost, clock.instant())).isTrue();
        assertThat(steps.giveUp(step.id(), lost, clock.instant())).isFalse();
        assertThat(steps.find(step.id()).orElseThrow().error()).isEqualTo(lost);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theStepsOfAWorkerKnownToBeGoneAreGivenUpWhateverTheirLeaseAndOnlyTheirs(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord gone = inserted(f, "plan");
        StepRecord alive = inserted(f, "render");
        claim(f, gone, "previous-incarnation");
        claim(f, alive, "another-worker");
        StepStore steps = f.store().steps();

        assertThat(steps.heldBy("previous-incarnation", 10)).extracting(StepRecord::id).containsExactly(gone.id());
        JobError lost = new JobError("WORKER_LOST", "gone", true, "plan", null, 1);
        assertThat(steps.giveUpHeldBy(alive.id(), "previous-incarnation", lost, clock.instant())).as("not its step").isFalse();
        assertThat(steps.giveUpHeldBy(gone.id(), "previous-incarnation", lost, clock.instant())).as("the lease has not lapsed").isTrue();
        assertThat(steps.giveUpHeldBy(gone.id(), "previous-incarnation", lost, clock.instant())).isFalse();
        StepRecord given = steps.find(gone.id()).orElseThrow();
        assertThat(given.status()).isEqualTo(StepStatus.FAILED);
        assertThat(given.error()).isEqualTo(lost);
        assertThat(given.leaseOwner()).isNull();
        assertThat(steps.heldBy("previous-incarnation", 10)).isEmpty();
        assertThat(steps.find(alive.id()).orElseThrow().status()).isEqualTo(StepStatus.RUNNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theOutboxRelaysDueDispatchesOfTheGivenQueuesAndKeepsThemWhenPublishingFails(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        StepRecord marketing = inserted(f, "plan");
        StepRecord avatar = StepRecord.pending(StepId.next(clock), f.job().id(), "voice", 1, 1, WorkQueue.AVATAR, clock.instant(), null);
        f.store().transactions().inTransaction(() -> f.store().steps().insert(avatar, clock.instant()));
        StepRecord later = pending(f.job(), "later", 0, 1, clock.instant().plusSeconds(5));
        f.store().transactions().inTransaction(() -> f.store().steps().insert(later, later.notBefore()));

        assertThatThrownBy(() -> f.store().dispatches().relay(clock.instant(), 10, EnumSet.of(WorkQueue.MARKETING), batch -> {
            throw new IllegalStateException("broker down");
        })).hasMessage("broker down");
        assertThat(f.store().dispatches().backlog()).isEqualTo(3);

        List<Dispatch> sent = new ArrayList<>();
        assertThat(f.store().dispatches().relay(clock.instant(), 10, EnumSet.of(WorkQueue.MARKETING), sent::addAll)).isEqualTo(1);
        assertThat(sent).containsExactly(new Dispatch(marketing.id(), WorkQueue.MARKETING));
        assertThat(f.store().dispatches().nextDue(EnumSet.of(WorkQueue.MARKETING))).contains(later.notBefore());
        assertThat(f.store().dispatches().relay(clock.instant(), 10, EnumSet.allOf(WorkQueue.class), sent::addAll)).isEqualTo(1);
        assertThat(sent).extracting(Dispatch::queue).containsExactly(WorkQueue.MARKETING, WorkQueue.AVATAR);
        // relaying sends a dispatch; it claims nothing, so the step waits for a worker as before
        assertThat(f.store().steps().find(marketing.id()).orElseThrow().status()).isEqualTo(StepStatus.PENDING);
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
                        got = f.store().dispatches().relay(clock.instant(), 3, EnumSet.allOf(WorkQueue.class), batch -> {
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
        assertThat(overlapped).as("two relays held their batches at the same time").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lostDispatchesAreRequestedAgainOnlyWhenOverdueAndNotWaiting(Supplier<TestDatabases.Target> database) {
        Fixture f = fixture(database);
        inserted(f, "plan");
        StepStore steps = f.store().steps();
        assertThat(steps.redispatchLost(clock.instant(), clock.instant())).as("its first dispatch still waits").isZero();
        f.store().dispatches().relay(clock.instant(), 10, EnumSet.allOf(WorkQueue.class), batch -> { });
        clock.advance(Duration.ofSeconds(30));
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60))).as("not overdue").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60))).isEqualTo(1);
        assertThat(steps.redispatchLost(clock.instant(), clock.instant().minusSeconds(60))).as("already waiting again").isZero();
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
