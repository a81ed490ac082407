package dev.campaignstudio.server.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which process owns an embedded data directory, and which owned it before. The owner holds an exclusive lock on
 * {@code <data-dir>/engine-worker} for its whole life, with its worker id written in it; the next process to take the
 * lock reads the id of the one before it. That worker is gone for sure (the operating system released its lock), so the
 * steps it was running can be redone at once instead of after their leases lapse. When another live process holds the
 * lock, nothing is known to be gone and nothing is claimed.
 */
public final class EmbeddedIncarnation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIncarnation.class);
    /** The file, under the data directory. */
    static final String FILE = "engine-worker";

    private final FileChannel channel;
    private final FileLock lock;
    private final String previous;

    private EmbeddedIncarnation(FileChannel channel, FileLock lock, String previous) {
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the data directory for {@code workerId}, if no live process holds it.
     *
     * @throws UncheckedIOException when the file cannot be opened or written
     */
    public static EmbeddedIncarnation take(Path dataDir, String workerId) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                log.warn("another live process holds {}; steps it runs are left to their leases", file);
                return new EmbeddedIncarnation(channel, null, null);
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(bytes, 0);
            String before = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).trim();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((workerId + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new EmbeddedIncarnation(channel, lock, before.isEmpty() || before.equals(workerId) ? null : before);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot take " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** The worker id of the process that owned the data directory before this one, if known. */
    public Optional<String> previous() {
        return Optional.ofNullable(previous);
    }

    /** Whether this process owns the data directory. */
    public boolean owned() {
        return lock != null;
    }

    /** Lets the data directory go; the file keeps this process's id for the next one. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            log.debug("releasing the data directory lock: {}", e.toString());
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }
}
