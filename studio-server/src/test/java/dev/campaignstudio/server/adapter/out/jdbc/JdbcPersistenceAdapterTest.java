package dev.campaignstudio.server.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Duration;
import java.util.Map;
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
        return Job.accepted(
                JobId.next(clock),
                request,
                CanonicalJson.sha256(tree),
                request.type() == JobType.MARKETING_OUTPUT ? dev.campaignstudio.core.contract.OutputMode.UGC : null,
                "sku-123",
                null,
                clock.instant());
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
                }))
                .hasMessage("rolled back");
        JobEvent next = store.transactions()
                .inTransaction(() -> store.events().append(job.id(), JobEventType.STARTED, Map.of(), clock.instant()));
        assertThat(next.sequence()).isEqualTo(1);
        assertThat(store.events().after(job.id(), 0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.data()).isEmpty());
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
}
