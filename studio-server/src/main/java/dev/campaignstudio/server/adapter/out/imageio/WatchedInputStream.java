package dev.campaignstudio.server.adapter.out.imageio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes reads through and remembers whether the source itself failed, so that a storage fault is reported as one and
 * not taken for a damaged image (decoders wrap both in the same exceptions).
 */
final class WatchedInputStream extends FilterInputStream {

    private IOException failure;

    WatchedInputStream(InputStream in) {
        super(in);
    }

    /** Throws what the source threw, if it threw. */
    void rethrowOwnFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
