package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.contract.JobRepositoryContract;
import dev.campaignstudio.core.fixtures.contract.Stores;

/** The in-memory fake of {@link JobRepository}, held to the contract its JDBC adapters keep. */
class InMemoryJobRepositoryContractTest extends JobRepositoryContract {

    @Override
    protected Stores stores() {
        return Stores.inMemory(clock);
    }
}
