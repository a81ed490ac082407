package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.contract.StepStoreContract;
import dev.campaignstudio.core.fixtures.contract.Stores;

/** The in-memory fake of {@link StepStore}, held to the contract its JDBC adapters keep. */
class InMemoryStepStoreContractTest extends StepStoreContract {

    @Override
    protected Stores stores() {
        return Stores.inMemory(clock);
    }
}
