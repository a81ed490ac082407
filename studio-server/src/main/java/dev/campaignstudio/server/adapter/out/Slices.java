package dev.campaignstudio.server.adapter.out;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams over part of a file or of another stream, for ranged reads and the parts of a multipart upload. */
public final class Slices {

    private Slices() {}

    /** At most {@code length} bytes of {@code in}; closing the slice closes {@code in}. */
    public static InputStream bounded(InputStream in, long length) {
        return new Bounded(in, length);
    }

    /** {@code length} bytes of {@code file} from {@code offset}, read as a stream. */
    public static InputStream of(Path file, long offset, long length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return bounded(Channels.newInputStream(channel), length);
    }

    private static final class Bounded extends FilterInputStream {

        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
