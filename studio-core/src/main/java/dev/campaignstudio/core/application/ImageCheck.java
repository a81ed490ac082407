package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.contract.ProductImage;
import dev.campaignstudio.core.contract.ProductSnapshot;
import dev.campaignstudio.core.contract.Violation;
import dev.campaignstudio.core.contract.Violations;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks a product's photos when a job is submitted: an uploaded asset exists and is an image; a URL passes the
 * outbound rules. A host that does not resolve yet is let through (the fetch judges it again, and says only that it is
 * unreachable); a refusal names the photo's pointer and nothing about what its host resolves to.
 */
public final class ImageCheck {

    private final AssetRepository assets;
    private final OutboundGuard guard;

    public ImageCheck(AssetRepository assets, OutboundGuard guard) {
        this.assets = assets;
        this.guard = guard;
    }

    /** Records a violation at {@code /product/images/<i>/uri} for each photo of {@code product} that cannot be used. */
    public void check(ProductSnapshot product, Violations violations) {
        check(product, dev.campaignstudio.core.job.Job.DEFAULT_OWNER, violations);
    }

    /** {@link #check(ProductSnapshot, Violations)} where only {@code owner}'s uploads exist. */
    public void check(ProductSnapshot product, String owner, Violations violations) {
        List<ProductImage> images = product.images();
        for (int i = 0; i < images.size(); i++) {
            String where = Violation.child(Violation.child("/product/images", i), "uri");
            Optional<AssetId> assetId = images.get(i).assetId();
            if (assetId.isPresent()) {
                checkAsset(assetId.get(), owner, where, violations);
            } else if (guard.judge(URI.create(images.get(i).uri())) == OutboundGuard.Verdict.NOT_ALLOWED) {
                violations.add(where, "NOT_ALLOWED", OutboundGuard.NOT_ALLOWED);
            }
        }
    }

    private void checkAsset(AssetId id, String owner, String where, Violations violations) {
        Optional<Asset> asset = assets.find(id, owner);
        if (asset.isEmpty()) {
            violations.add(where, "NOT_FOUND", "no uploaded asset has this id");
        } else if (!asset.get().mediaType().startsWith("image/")) {
            violations.add(where, "NOT_AN_IMAGE", "the asset is " + asset.get().mediaType() + ", not an image");
        }
    }
}
