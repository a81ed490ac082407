package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.out.DuplicateIdempotencyKeyException;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.server.retention.RetentionStore;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Owners, per-owner keys and the retention store against H2 and PostgreSQL. */
class OwnersAndRetentionAdapterTest {

    private final MutableClock clock = MutableClock.startingNow();

    public static Stream<Supplier<TestDatabases.Target>> databases() {
        return JdbcPersistenceAdapterTest.databases();
    }

    private Job job(String owner, String key, JobId parent) {
        Map<String, Object> tree =
                RequestFixture.creation().with("idempotency_key", key).tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        clock.advance(Duration.ofMillis(1));
        return Job.accepted(
                        JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-1", parent, clock.instant())
                .ownedBy(owner);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keysAndListsAreScopedPerOwner(Supplier<TestDatabases.Target> database) {
        DataSource source = TestDatabases.migrated(database.get());
        var store = JdbcPersistenceConfiguration.on(source, clock);
        Job shop = job("shop", "k", null);
        Job studio = job("studio", "k", null);
        store.jobs().insert(shop);
        store.jobs().insert(studio);
        assertThatThrownBy(() -> store.jobs().insert(job("shop", "k", null)))
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
        assertThat(store.jobs().findByIdempotencyKey("shop", "k")).contains(shop);
        assertThat(store.jobs().findByIdempotencyKey("studio", "k")).contains(studio);
        assertThat(store.jobs()
                        .list(new JobQuery(null, null, null, null, null, 100, "studio"))
                        .jobs())
                .containsExactly(studio);
        assertThat(store.jobs()
                        .list(new JobQuery(null, null, null, null, null, 100, null))
                        .jobs())
                .contains(shop, studio);

        Asset upload = new Asset(
                AssetId.next(clock), AssetKind.UPLOAD, "image/png", "a".repeat(64), 10, 1, 1, null, clock.instant());
        store.assets().insert(upload, "shop");
        Asset twin = new Asset(
                AssetId.next(clock), AssetKind.UPLOAD, "image/png", "a".repeat(64), 10, 1, 1, null, clock.instant());
        store.assets().insert(twin, "studio");
        assertThat(store.assets().find(upload.id(), "shop")).contains(upload);
        assertThat(store.assets().find(upload.id(), "studio")).isEmpty();
        assertThat(store.assets().find(upload.id(), null)).contains(upload);
        assertThat(store.assets().findByContent("a".repeat(64), AssetKind.UPLOAD, "studio"))
                .contains(twin);

        Asset made = new Asset(
                AssetId.next(clock), AssetKind.IMAGE, "image/png", "b".repeat(64), 10, 1, 1, null, clock.instant());
        store.assets().insertProduced(made, shop.id(), null);
        assertThat(store.assets().find(made.id(), "shop"))
                .as("a job's file belongs to its owner")
                .contains(made);
        assertThat(store.assets().find(made.id(), "studio")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deletionTakesAFinishedJobWithItsRetriesAndRefusesAnUnfinishedOne(Supplier<TestDatabases.Target> database) {
        DataSource source = TestDatabases.migrated(database.get());
        var store = JdbcPersistenceConfiguration.on(source, clock);
        JdbcClient jdbc = JdbcClient.create(source);
        RetentionStore retention =
                new JdbcRetentionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(source)));
        Job parent = job("shop", "p", null);
        store.jobs().insert(parent);
        store.transactions()
                .inTransaction(
                        () -> store.events().append(parent.id(), JobEventType.ACCEPTED, Map.of(), clock.instant()));
        store.jobs().update(parent.started(clock.instant()).succeeded(Map.of(), clock.instant()));
        Job retry = job("shop", "r", parent.id());
        store.jobs().insert(retry);
        Asset made = new Asset(
                AssetId.next(clock), AssetKind.IMAGE, "image/png", "c".repeat(64), 10, 1, 1, null, clock.instant());
        store.assets().insertProduced(made, retry.id(), null);

        assertThat(retention.deleteJob(parent.id()))
                .as("its retry is queued")
                .isEqualTo(RetentionStore.Deletion.RUNNING);
        assertThat(store.jobs().find(parent.id())).isPresent();
        assertThat(retention.finishedBefore(clock.instant().plusSeconds(1), 10))
                .as("a job with retries waits for them")
                .doesNotContain(parent.id());

        store.jobs()
                .update(retry.started(clock.instant())
                        .failed(
                                new dev.campaignstudio.core.job.JobError("X", "x", false, null, null, 1),
                                clock.instant()));
        assertThat(retention.finishedBefore(clock.instant().plusSeconds(1), 10)).contains(retry.id());
        assertThat(retention.deleteJob(parent.id())).isEqualTo(RetentionStore.Deletion.DELETED);
        assertThat(store.jobs().find(parent.id())).isEmpty();
        assertThat(store.jobs().find(retry.id())).isEmpty();
        assertThat(store.assets().find(made.id())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_events WHERE job_id = :id")
                        .param("id", parent.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(retention.deleteJob(parent.id())).isEqualTo(RetentionStore.Deletion.NOT_FOUND);
        assertThat(retention.deleteEventsBefore(clock.instant().plusSeconds(1))).isNotNegative();
        assertThat(retention.deleteDeliveriesBefore(clock.instant().plusSeconds(1)))
                .isNotNegative();
        assertThat(retention.deleteRejectedImagesBefore(clock.instant().plusSeconds(1)))
                .isZero();
    }
}
