package dev.campaignstudio.core.capability;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code product_analysis} capability: the clean product from a photo, and what it looks like. */
public interface ProductAnalysis {

    /**
     * Cuts the product out of a photo with a real background.
     *
     * @param photo image bytes (PNG, JPEG or WebP); a photo with transparency is taken as already cut out
     * @return the product on transparency, trimmed to its bounds, with facts about the source
     * @throws StepFault {@code SOURCE_UNREADABLE} when the photo does not decode; {@code INPUT_INVALID} when it shows no
     *                   product that stands apart from its background (a photo of one flat colour)
     */
    CutOut cutOut(byte[] photo) throws StepFault;

    /**
     * Describes a cut-out product.
     *
     * @param request the cut-out and what the client said about the product
     * @return palette, brightness, aspect and a category guess
     * @throws StepFault {@code SOURCE_UNREADABLE} when the cut-out does not decode
     */
    ProductFacts analyze(AnalysisRequest request) throws StepFault;

    /**
     * A cut-out.
     *
     * @param png          the product on transparency (PNG with alpha), trimmed; an adapter may cut a large photo out
     *                     of a reduced copy, so this may be smaller than {@code bounds}
     * @param bounds       where the trimmed cut-out lies in the photo, in the photo's pixels
     * @param coverage     share of the source frame the product fills (0-1)
     * @param sharpness    variance of the Laplacian over the product, higher is sharper
     * @param sourceWidth  width of the photo
     * @param sourceHeight height of the photo
     */
    record CutOut(MediaFile png, Box bounds, double coverage, double sharpness, int sourceWidth, int sourceHeight) {
        public CutOut {
            Objects.requireNonNull(png, "png");
            Objects.requireNonNull(bounds, "bounds");
        }
    }

    /**
     * What to describe.
     *
     * @param cutOutPng  the product on transparency
     * @param name       product name
     * @param attributes brand, category, colours and description as the client gave them (possibly empty)
     * @param prompt     campaign prompt, or {@code null}
     */
    record AnalysisRequest(byte[] cutOutPng, String name, Map<String, Object> attributes, String prompt) {
        public AnalysisRequest {
            Objects.requireNonNull(cutOutPng, "cutOutPng");
            Objects.requireNonNull(name, "name");
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    /**
     * What a product looks like.
     *
     * @param palette    dominant colours, most common first
     * @param brightness mean L* of the product (0-100)
     * @param aspect     width / height of the cut-out
     * @param category   a category guess, e.g. {@code drinkware}
     * @param keywords   words that describe it, for writers
     */
    record ProductFacts(
            List<PaletteColor> palette, double brightness, double aspect, String category, List<String> keywords) {
        public ProductFacts {
            palette = List.copyOf(palette);
            keywords = List.copyOf(keywords);
            Objects.requireNonNull(category, "category");
        }
    }
}
