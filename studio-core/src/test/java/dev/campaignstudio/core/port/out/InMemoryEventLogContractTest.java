package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.contract.EventLogContract;
import dev.campaignstudio.core.fixtures.contract.Stores;

/** The in-memory fake of {@link EventLog}, held to the contract its JDBC adapters keep. */
class InMemoryEventLogContractTest extends EventLogContract {

    @Override
    protected Stores stores() {
        return Stores.inMemory(clock);
    }
}
