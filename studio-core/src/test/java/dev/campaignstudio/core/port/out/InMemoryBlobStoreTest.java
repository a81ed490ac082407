package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.fixtures.InMemoryAssets;

/** The in-memory fake keeps the blob store's contract, so tests on it say something about the real stores. */
class InMemoryBlobStoreTest extends BlobStoreContract {

    @Override
    protected BlobStore newStore() {
        return new InMemoryAssets();
    }
}
