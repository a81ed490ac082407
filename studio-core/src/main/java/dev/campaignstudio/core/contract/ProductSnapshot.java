package dev.campaignstudio.core.contract;

import java.util.List;

/**
 * The product as the client's backend knows it at submission time; execution reads only this copy.
 *
 * @param productId  the client's product id
 * @param name       product name
 * @param images     1 to 8 photos
 * @param link       product page URL, or {@code null}
 * @param attributes optional facts, never {@code null}
 */
public record ProductSnapshot(
        String productId, String name, List<ProductImage> images, String link, ProductAttributes attributes) {

    public ProductSnapshot {
        Require.text(productId, "product_id", Limits.PRODUCT_ID_MAX);
        if (!productId.matches(Limits.PRODUCT_ID_PATTERN)) {
            throw new IllegalArgumentException("product_id has an invalid format");
        }
        Require.text(name, "name", Limits.NAME_MAX);
        images = List.copyOf(Require.present(images, "images"));
        Require.range(images.size(), "number of images", Limits.IMAGES_MIN, Limits.IMAGES_MAX);
        if (link != null && !WebUrl.isAllowed(link)) {
            throw new IllegalArgumentException("link must be an absolute http(s) URL");
        }
        attributes = attributes == null ? ProductAttributes.NONE : attributes;
    }
}
