package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.core.port.in.UploadAsset;
import dev.campaignstudio.core.port.in.UploadOutcome;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.server.storage.SignedAssetUrls;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
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

    /** Content never changes under an asset id; only the caller (or the link's holder) may keep it. */
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private static final Logger log = LoggerFactory.getLogger(AssetController.class);

    private final UploadAsset uploads;
    private final FindAssets assets;
    private final SignedAssetUrls signedLinks;

    AssetController(UploadAsset uploads, FindAssets assets, SignedAssetUrls signedLinks) {
        this.uploads = uploads;
        this.assets = assets;
        this.signedLinks = signedLinks;
    }

    @Operation(
            summary = "Upload a product photo",
            description = "Multipart field 'file'. The type is sniffed from the bytes "
                    + "(PNG, JPEG, WebP); size and pixel limits apply (the pixel limit on the header, before decoding). The whole file must "
                    + "decode: a truncated or corrupt one is 422 IMAGE_UNREADABLE saying what is wrong. 201 for a new asset, 200 when the same "
                    + "bytes were uploaded before. Reference it in a job as asset:<id>.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetResource> upload(@RequestParam("file") MultipartFile file) throws IOException {
        UploadOutcome outcome;
        try (InputStream data = file.getInputStream()) {
            outcome = uploads.upload(data, Callers.current().name());
        }
        if (outcome instanceof UploadOutcome.Stored stored) {
            AssetResource body = AssetResource.of(stored.asset(), url(stored.asset()));
            return stored.created()
                    ? ResponseEntity.created(URI.create(body.url())).body(body)
                    : ResponseEntity.ok(body);
        }
        UploadOutcome.Refused refused = (UploadOutcome.Refused) outcome;
        throw switch (refused.reason()) {
            case EMPTY -> new ApiException(422, "EMPTY_FILE", "Empty file", refused.message());
            case UNSUPPORTED_TYPE ->
                new ApiException(415, "UNSUPPORTED_IMAGE_TYPE", "Unsupported image type", refused.message());
            case TOO_MANY_PIXELS -> new ApiException(422, "IMAGE_TOO_LARGE", "Image too large", refused.message());
            case TOO_MANY_BYTES -> new ApiException(413, "PAYLOAD_TOO_LARGE", "Payload too large", refused.message());
            case UNREADABLE -> new ApiException(422, "IMAGE_UNREADABLE", "Image unreadable", refused.message());
        };
    }

    @Operation(
            summary = "Download an asset's bytes",
            description = "Streams the bytes with their length, an ETag (the SHA-256) "
                    + "and a single byte Range (206; 416 when it cannot be served). With 'expires' and 'sig' from an output's download_url "
                    + "no token is needed; a tampered or expired link is 403.")
    @GetMapping("/{id}")
    void download(
            @PathVariable("id") String id,
            @RequestParam(name = SignedAssetUrls.EXPIRES, required = false) String expires,
            @RequestParam(name = SignedAssetUrls.SIGNATURE, required = false) String signature,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        // a valid download link stands for the owner; otherwise the caller sees only its own assets
        String viewer = Callers.current().viewer();
        if (expires != null || signature != null) {
            checkLink(id, expires, signature);
            viewer = null;
        }
        if (!AssetId.isValid(id)) {
            throw ApiException.notFound("no asset has this id");
        }
        Asset asset = assets.asset(new AssetId(id), viewer)
                .orElseThrow(() -> ApiException.notFound("no asset has the id '" + id + "'"));
        String etag = "\"" + asset.sha256() + "\"";
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        ByteRanges.Request range = ifRange != null && !ifRange.trim().equals(etag)
                ? ByteRanges.Request.WHOLE
                : ByteRanges.parse(request.getHeader(HttpHeaders.RANGE), asset.bytes());
        if (range instanceof ByteRanges.Unsatisfiable) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + asset.bytes());
            throw new ApiException(
                    416,
                    "RANGE_NOT_SATISFIABLE",
                    "Range not satisfiable",
                    "the asset has " + asset.bytes() + " bytes; ask for one range 'bytes=first-last' within them");
        }
        ByteRanges.Part part = range instanceof ByteRanges.Part p ? p : null;
        try (InputStream bytes = open(asset, part)) {
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.setContentType(asset.mediaType());
            if (part == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentLengthLong(asset.bytes());
            } else {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange(asset.bytes()));
                response.setContentLengthLong(part.length());
            }
            if (!"HEAD".equals(request.getMethod())) {
                send(asset, bytes, response);
            }
        }
    }

    /** Copies the store's stream to the client; once the headers are out, a failure can only cut the body short. */
    private static void send(Asset asset, InputStream bytes, HttpServletResponse response) {
        try {
            bytes.transferTo(response.getOutputStream());
        } catch (BlobStoreUnavailableException storeGone) {
            log.warn(
                    "asset {}: the asset store stopped sending it midway: {}",
                    asset.id().value(),
                    storeGone.toString());
        } catch (IOException clientGone) {
            // a browser seeking in a video drops the connection it no longer needs
            log.debug("asset {}: the client stopped reading: {}", asset.id().value(), clientGone.toString());
        }
    }

    private void checkLink(String id, String expires, String signature) {
        SignedAssetUrls.Verdict verdict = signedLinks.verify(id, expires, signature);
        if (verdict == SignedAssetUrls.Verdict.EXPIRED) {
            throw new ApiException(
                    403,
                    "DOWNLOAD_LINK_EXPIRED",
                    "Download link expired",
                    "this download link has expired; read the job again for a fresh one");
        }
        if (verdict != SignedAssetUrls.Verdict.VALID) {
            throw new ApiException(
                    403, "DOWNLOAD_LINK_INVALID", "Download link invalid", "this download link is not valid");
        }
    }

    private InputStream open(Asset asset, ByteRanges.Part part) {
        try {
            return part == null ? assets.open(asset) : assets.open(asset, part.first(), part.length());
        } catch (NoSuchFileException missing) {
            throw new ApiException(
                    404,
                    "ASSET_FILE_MISSING",
                    "Asset file missing",
                    "the asset's file is missing from the asset store");
        } catch (IOException unavailable) {
            log.warn(
                    "asset {} could not be read from the asset store: {}",
                    asset.id().value(),
                    unavailable.toString());
            throw new ApiException(
                    503,
                    "STORAGE_UNAVAILABLE",
                    "Storage unavailable",
                    "the asset store could not be read; try again shortly");
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String url(Asset asset) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/v1/assets/{id}")
                .buildAndExpand(asset.id().value())
                .toUriString();
    }
}
