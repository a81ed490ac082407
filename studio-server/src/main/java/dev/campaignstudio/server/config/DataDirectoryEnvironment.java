package dev.campaignstudio.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code studio.data-dir} absolute and creates it before anything (the H2 URL, the blob store) reads it, so a
 * relative setting means "relative to where the service was started" everywhere. The directory, the database's
 * directory and its files are made readable by their owner only: they hold jobs, uploads and generated secrets.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("studio.data-dir", "./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            OwnerOnly.restrict(dir);
            Path db = Files.createDirectories(dir.resolve("db"));
            OwnerOnly.restrictTree(db);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("studioDataDir", Map.of("studio.data-dir", dir.toString())));
    }
}
