package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.contract.AssetRepositoryContract;
import dev.campaignstudio.core.fixtures.contract.Stores;

/** The in-memory fake of {@link AssetRepository}, held to the contract its JDBC adapters keep. */
class InMemoryAssetRepositoryContractTest extends AssetRepositoryContract {

    @Override
    protected Stores stores() {
        return Stores.inMemory(clock);
    }
}
