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
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lock} and {@code lockJobOf} of the JDBC job repository really lock the job's row until the transaction ends,
 * on H2 and PostgreSQL: while the transaction is open another connection cannot lock the row (the store contract only
 * checks which job they return, which a plain {@code SELECT} would pass too). The other connection asks for the lock
 * without waiting ({@code FOR UPDATE NOWAIT}, and on H2 a lock timeout of 1 ms besides), so no timing decides the test:
 * latches order the two threads.
 */
class JdbcJobLockAdapterTest {

    /** PostgreSQL's lock_not_available, raised by {@code NOWAIT}. */
    private static final String POSTGRESQL_LOCK_NOT_AVAILABLE = "55P03";
    /** H2's LOCK_TIMEOUT_1 (its SQL state is a generic one). */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private final MutableClock clock = MutableClock.startingNow();

    static Stream<Supplier<TestDatabases.Target>> databases() {
        return JdbcPersistenceAdapterTest.databases();
    }

    /** How a test locks the job whose step is given, inside the holder's transaction. */
    private interface Locking {
        Optional<Job> lock(JdbcPersistenceConfiguration.Adapters store, Job job, StepRecord step);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lockJobOfHoldsTheJobsRowUntilTheTransactionEnds(Supplier<TestDatabases.Target> database) throws Exception {
        assertRowHeldUntilCommit(database, (store, job, step) -> store.jobs().lockJobOf(step.id(), store.steps()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lockHoldsTheJobsRowUntilTheTransactionEnds(Supplier<TestDatabases.Target> database) throws Exception {
        assertRowHeldUntilCommit(database, (store, job, step) -> store.jobs().lock(job.id()));
    }

    private void assertRowHeldUntilCommit(Supplier<TestDatabases.Target> database, Locking locking) throws Exception {
        DataSource dataSource = TestDatabases.migrated(database.get());
        var store = JdbcPersistenceConfiguration.on(dataSource, clock);
        Job job = job();
        store.jobs().insert(job);
        StepRecord step = StepRecord.pending(
                StepId.next(clock), job.id(), "interpret_prompt", 0, 1, WorkQueue.MARKETING, clock.instant(), null);
        store.transactions().inTransaction(() -> store.steps().insert(step, clock.instant()));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Job>> held =
                    holder.submit(() -> store.transactions().inTransaction(() -> {
                        Optional<Job> found = locking.lock(store, job, step);
                        locked.countDown();
                        awaitUninterruptibly(release);
                        return found;
                    }));
            // a guard against a hang, not a timing: the holder counts down as soon as its statement has returned
            assertThat(locked.await(30, TimeUnit.SECONDS))
                    .as("the holder locked the job")
                    .isTrue();

            assertThatThrownBy(() -> lockElsewhere(dataSource, job.id()))
                    .as("another connection locking the held row")
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            refused -> assertThat(POSTGRESQL_LOCK_NOT_AVAILABLE.equals(refused.getSQLState())
                                            || refused.getErrorCode() == H2_LOCK_TIMEOUT)
                                    .as("a lock error, not %s", refused)
                                    .isTrue());

            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS)).map(Job::id).contains(job.id());
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
        assertThat(lockElsewhere(dataSource, job.id()))
                .as("the row is free once the holder committed")
                .isEqualTo(job.id().value());
    }

    /** Locks the job's row on a connection of its own without waiting for it; the id read, or the lock error. */
    private static String lockElsewhere(DataSource dataSource, JobId id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET LOCK_TIMEOUT 1");
                    }
                }
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE NOWAIT")) {
                    select.setString(1, id.value());
                    try (ResultSet rows = select.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the lock", e);
        }
    }

    private Job job() {
        Map<String, Object> tree = RequestFixture.creation().tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        return Job.accepted(
                JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-123", null, clock.instant());
    }
}
