package dev.campaignstudio.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the service is up, narrows the files the embedded database created on this start (H2 makes them with the
 * process's umask) to their owner, as {@link DataDirectoryEnvironment} did for those that were already there.
 */
public class DataDirectoryPermissions implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String dataDir = event.getApplicationContext().getEnvironment().getProperty("studio.data-dir");
        if (dataDir == null) {
            return;
        }
        Path db = Path.of(dataDir).resolve("db");
        try {
            if (Files.isDirectory(db)) {
                OwnerOnly.restrictTree(db);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + db + " readable by its owner only", e);
        }
    }
}
