package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.core.port.in.UploadAsset;
import dev.campaignstudio.core.port.in.UploadOutcome;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /v1/assets}: upload product photos, download any stored asset. */
@RestController
@RequestMapping("/v1/assets")
class AssetController {

    private final UploadAsset uploads;
    private final FindAssets assets;

    AssetController(UploadAsset uploads, FindAssets assets) {
        this.uploads = uploads;
        this.assets = assets;
    }

    @Operation(summary = "Upload a product photo", description = "Multipart field 'file'. The type is sniffed from the bytes "
            + "(PNG, JPEG, WebP); size and pixel limits apply (the pixel limit on the header, before decoding). The whole file must "
            + "decode: a truncated or corrupt one is 422 IMAGE_UNREADABLE saying what is wrong. 201 for a new asset, 200 when the same "
            + "bytes were uploaded before. Reference it in a job as asset:<id>.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetResource> upload(@RequestParam("file") MultipartFile file) throws IOException {
        UploadOutcome outcome = uploads.upload(file.getBytes());
        if (outcome instanceof UploadOutcome.Stored stored) {
            AssetResource body = AssetResource.of(stored.asset(), url(stored.asset()));
            return stored.created()
                    ? ResponseEntity.created(URI.create(body.url())).body(body)
                    : ResponseEntity.ok(body);
        }
        UploadOutcome.Refused refused = (UploadOutcome.Refused) outcome;
        throw switch (refused.reason()) {
            case EMPTY -> new ApiException(422, "EMPTY_FILE", "Empty file", refused.message());
            case UNSUPPORTED_TYPE -> new ApiException(415, "UNSUPPORTED_IMAGE_TYPE", "Unsupported image type", refused.message());
            case TOO_MANY_PIXELS -> new ApiException(422, "IMAGE_TOO_LARGE", "Image too large", refused.message());
            case TOO_MANY_BYTES -> new ApiException(413, "PAYLOAD_TOO_LARGE", "Payload too large", refused.message());
            case UNREADABLE -> new ApiException(422, "IMAGE_UNREADABLE", "Image unreadable", refused.message());
        };
    }

    @Operation(summary = "Download an asset's bytes")
    @GetMapping("/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable("id") String id) throws IOException {
        if (!AssetId.isValid(id)) {
            throw ApiException.notFound("no asset has this id");
        }
        Asset asset = assets.asset(new AssetId(id)).orElseThrow(() -> ApiException.notFound("no asset has the id '" + id + "'"));
        InputStream bytes = assets.open(asset);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(asset.mediaType()))
                .contentLength(asset.bytes())
                .eTag("\"" + asset.sha256() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .body(new InputStreamResource(bytes));
    }

    private static String url(Asset asset) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1/assets/{id}").buildAndExpand(asset.id().value()).toUriString();
    }
}
