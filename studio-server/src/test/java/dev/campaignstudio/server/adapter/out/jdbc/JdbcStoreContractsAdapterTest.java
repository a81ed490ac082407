package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.fixtures.contract.AssetRepositoryContract;
import dev.campaignstudio.core.fixtures.contract.CheckpointStoreContract;
import dev.campaignstudio.core.fixtures.contract.EventLogContract;
import dev.campaignstudio.core.fixtures.contract.JobRepositoryContract;
import dev.campaignstudio.core.fixtures.contract.StepStoreContract;
import dev.campaignstudio.core.fixtures.contract.Stores;
import dev.campaignstudio.server.support.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * The JDBC adapters held to the store contracts of studio-core, on both databases the service runs on: H2 (embedded)
 * and PostgreSQL (distributed). Each test gets a freshly migrated database or schema.
 */
class JdbcStoreContractsAdapterTest {

    private static Stores onDatabase(TestDatabases.Target database, Clock clock) {
        var adapters = JdbcPersistenceConfiguration.on(TestDatabases.migrated(database), clock);
        return new Stores(
                adapters.jobs(),
                adapters.events(),
                adapters.assets(),
                adapters.transactions(),
                adapters.steps(),
                adapters.checkpoints());
    }

    @Nested
    class JobRepositoryOnH2 extends JobRepositoryContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.h2(), clock);
        }
    }

    @Nested
    class JobRepositoryOnPostgreSql extends JobRepositoryContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.postgres(), clock);
        }
    }

    @Nested
    class StepStoreOnH2 extends StepStoreContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.h2(), clock);
        }
    }

    @Nested
    class StepStoreOnPostgreSql extends StepStoreContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.postgres(), clock);
        }
    }

    @Nested
    class EventLogOnH2 extends EventLogContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.h2(), clock);
        }
    }

    @Nested
    class EventLogOnPostgreSql extends EventLogContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.postgres(), clock);
        }
    }

    @Nested
    class CheckpointStoreOnH2 extends CheckpointStoreContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.h2(), clock);
        }
    }

    @Nested
    class CheckpointStoreOnPostgreSql extends CheckpointStoreContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.postgres(), clock);
        }
    }

    @Nested
    class AssetRepositoryOnH2 extends AssetRepositoryContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.h2(), clock);
        }
    }

    @Nested
    class AssetRepositoryOnPostgreSql extends AssetRepositoryContract {
        @Override
        protected Stores stores() {
            return onDatabase(TestDatabases.postgres(), clock);
        }
    }
}
