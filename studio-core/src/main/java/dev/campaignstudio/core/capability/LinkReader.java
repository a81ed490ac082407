package dev.campaignstudio.core.capability;

import java.net.URI;
import java.util.List;

/** The {@code link_reader} capability: facts about a product from its web page. */
public interface LinkReader {

    /**
     * Reads a product page under the outbound rules.
     *
     * @param page the product page
     * @return what the page says; a page that cannot be read gives facts with a warning, never an exception
     */
    PageFacts read(URI page);

    /**
     * What a page says about a product.
     *
     * @param title       title, or {@code null}
     * @param description description, or {@code null}
     * @param brand       brand, or {@code null}
     * @param price       price as written, or {@code null}
     * @param currency    ISO currency, or {@code null}
     * @param images      image URLs
     * @param warning     why the page could not be read (fully), or {@code null}
     */
    record PageFacts(
            String title,
            String description,
            String brand,
            String price,
            String currency,
            List<String> images,
            String warning) {
        public PageFacts {
            images = images == null ? List.of() : List.copyOf(images);
        }
    }
}
