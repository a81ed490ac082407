package dev.campaignstudio.server.adapter.out.filesystem;

import dev.campaignstudio.core.asset.BlobKeys;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.StoredBlob;
import dev.campaignstudio.server.adapter.out.Slices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code <root>/<aa>/<bb>/<sha256>}, in owner-only directories. A blob is copied to a temporary
 * file beside its place and moved into place, so a reader never sees half a file and two writers of the same content
 * both end with one whole copy. Nothing is read whole into memory.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final String TEMP_PREFIX = ".blob-";

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(Path file, String sha256) throws IOException {
        Path target = path(sha256);
        if (touched(target)) {
            return;
        }
        Path temp = temp(target);
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void put(byte[] data, String sha256) throws IOException {
        Path target = path(sha256);
        if (touched(target)) {
            return;
        }
        Path temp = temp(target);
        try {
            Files.write(temp, data);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Marks an existing blob as written now; {@code false} when there is none (any more). */
    private static boolean touched(Path target) throws IOException {
        try {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("blob " + sha256);
        }
        return Files.newInputStream(file);
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("a range starts at 0 or later and has at least one byte");
        }
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("blob " + sha256);
        }
        return Slices.of(file, offset, length);
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public Optional<StoredBlob> stat(String sha256) throws IOException {
        try {
            return stored(path(sha256));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Stream<StoredBlob> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        Stream<Path> files = Files.walk(root, 3);
        return files.filter(p -> BlobKeys.isSha256(p.getFileName().toString()))
                .map(FileSystemBlobStore::stored)
                .flatMap(Optional::stream)
                .onClose(files::close);
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        return Files.deleteIfExists(path(sha256));
    }

    private static Optional<StoredBlob> stored(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new StoredBlob(
                    file.getFileName().toString(),
                    attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path temp(Path target) throws IOException {
        createOwnerOnlyDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException sameContentWrittenMeanwhile) {
            // the other writer's copy has the same bytes
        }
    }

    /** Creates {@code directory} and its missing parents readable by their owner only. */
    private void createOwnerOnlyDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (directory.equals(root)) {
            Files.createDirectories(parent);
        } else {
            createOwnerOnlyDirectories(parent);
        }
        try {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Files.createDirectory(directory, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another writer made it
        }
    }

    private Path path(String sha256) {
        BlobKeys.require(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
