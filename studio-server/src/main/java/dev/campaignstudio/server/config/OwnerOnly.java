package dev.campaignstudio.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Narrows files and directories to their owner (0600 and 0700) where the file system has POSIX permissions. */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Makes {@code path} owner-only; does nothing on a file system without POSIX permissions. */
    public static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile's ACLs apply
        }
    }

    /** Makes {@code root} and everything under it owner-only. */
    public static void restrictTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path);
            }
        }
    }
}
