package dev.campaignstudio.server.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code studio.*} configuration keys (docs/operations.md, "Configuration keys"). Each also works as an
 * environment variable, e.g.
 * {@code STUDIO_API_TOKENS}.
 *
 * @param mode    embedded (default) or distributed
 * @param dataDir embedded database, assets and generated API token
 * @param api     API settings
 * @param assets  upload limits
 */
@ConfigurationProperties("studio")
public record StudioProperties(StudioMode mode, Path dataDir, Api api, Assets assets) {

    public StudioProperties {
        mode = mode == null ? StudioMode.EMBEDDED : mode;
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        api = api == null ? new Api(List.of(), DataSize.ofKilobytes(256)) : api;
        assets = assets == null ? new Assets(DataSize.ofMegabytes(20), 40_000_000L) : assets;
    }

    /**
     * API settings.
     *
     * @param tokens          bearer tokens accepted on {@code /v1/**}; blank entries are ignored
     * @param maxRequestBytes largest JSON body accepted
     */
    public record Api(List<String> tokens, DataSize maxRequestBytes) {
        public Api {
            tokens = tokens == null
                    ? List.of()
                    : tokens.stream()
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .toList();
            maxRequestBytes = maxRequestBytes == null ? DataSize.ofKilobytes(256) : maxRequestBytes;
        }
    }

    /**
     * Upload limits.
     *
     * @param maxBytes  largest uploaded file
     * @param maxPixels largest width times height of an uploaded image
     */
    public record Assets(DataSize maxBytes, long maxPixels) {
        public Assets {
            maxBytes = maxBytes == null ? DataSize.ofMegabytes(20) : maxBytes;
            maxPixels = maxPixels <= 0 ? 40_000_000L : maxPixels;
        }
    }
}
