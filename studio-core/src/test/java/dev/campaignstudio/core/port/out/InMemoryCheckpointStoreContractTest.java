package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.contract.CheckpointStoreContract;
import dev.campaignstudio.core.fixtures.contract.Stores;

/** The in-memory fake of {@link CheckpointStore}, held to the contract its JDBC adapters keep. */
class InMemoryCheckpointStoreContractTest extends CheckpointStoreContract {

    @Override
    protected Stores stores() {
        return Stores.inMemory(clock);
    }
}
