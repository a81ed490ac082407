package dev.campaignstudio.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A secret kept in a file of the data directory, created once, readable by its owner only; its path is logged, never its value. */
public final class LocalSecretFile {

    private static final Logger log = LoggerFactory.getLogger(LocalSecretFile.class);

    private LocalSecretFile() {}

    /**
     * The secret in {@code file}, created from {@code generate} when the file does not exist.
     *
     * @param what names the secret in the log line
     */
    public static String readOrCreate(Path file, Supplier<String> generate, String what) {
        try {
            if (!Files.exists(file)) {
                create(file, generate.get());
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new IllegalStateException("the file " + file + " is empty; delete it to generate a new " + what);
            }
            log.info("the {} is in {}", what, file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                temp.toFile().setReadable(false, false);
                temp.toFile().setReadable(true, true);
            }
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }
}
