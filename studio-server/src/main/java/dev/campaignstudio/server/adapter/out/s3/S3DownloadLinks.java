package dev.campaignstudio.server.adapter.out.s3;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.DownloadLink;
import dev.campaignstudio.core.port.out.DownloadLinks;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Download links as S3 presigned GETs of the blob's object, answered with the asset's media type: the bytes go from
 * the store to the client directly. Signing is local (no call to the store); a link signed with temporary credentials
 * stops working when they expire, whatever its own expiry.
 */
public final class S3DownloadLinks implements DownloadLinks {

    /** The longest a SigV4 presigned URL may work. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    private final S3Presigner presigner;
    private final S3BlobStore store;
    private final S3Settings settings;
    private final Duration ttl;

    public S3DownloadLinks(S3Presigner presigner, S3BlobStore store, S3Settings settings, Duration ttl) {
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalStateException(
                    "studio.storage.url-ttl is at most 7d with S3 storage (S3's limit for presigned URLs)");
        }
        this.presigner = presigner;
        this.store = store;
        this.settings = settings;
        this.ttl = ttl;
    }

    @Override
    public Optional<DownloadLink> link(Asset asset) {
        String key = store.key(asset.sha256());
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(settings.bucket()).key(key).responseContentType(asset.mediaType())));
        try {
            return Optional.of(new DownloadLink(presigned.url().toURI(), presigned.expiration()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made a URL that is not a URI", e);
        }
    }
}
