package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.port.in.FindAssets;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A stored file for the console's images and players, with the session instead of a bearer token. Spring MVC answers
 * {@code Range} requests for a {@link Resource} body (206 with the asked bytes), so a {@code <video>} can seek; each
 * range opens the blob again and skips to its start, so nothing holds a whole video in memory.
 */
@Controller
class ConsoleAssetController {

    private final FindAssets assets;

    ConsoleAssetController(FindAssets assets) {
        this.assets = assets;
    }

    @GetMapping("/console/assets/{id}")
    ResponseEntity<Resource> asset(@PathVariable("id") String id) {
        if (!AssetId.isValid(id)) {
            throw new NotFound("there is no file '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'");
        }
        Asset asset = assets.asset(new AssetId(id)).orElseThrow(() -> new NotFound("there is no file '" + id + "'"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(asset.mediaType()))
                .eTag("\"" + asset.sha256() + "\"")
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(30)).cachePrivate().immutable())
                .body(new StoredFile(asset, assets));
    }

    /** The bytes of one asset, opened afresh for each read. */
    private static final class StoredFile extends AbstractResource {

        private final Asset asset;
        private final FindAssets assets;

        StoredFile(Asset asset, FindAssets assets) {
            this.asset = asset;
            this.assets = assets;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return assets.open(asset);
        }

        @Override
        public long contentLength() {
            return asset.bytes();
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getFilename() {
            return asset.id().value();
        }

        @Override
        public String getDescription() {
            return "asset " + asset.id().value();
        }
    }
}
