package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code image} capability: a scene image with the product in it. */
public interface ImageGeneration {

    /**
     * Makes one scene image.
     *
     * @param request the product, the scene's words and look, and the seed
     * @return the image, the same scene without the product (for parallax), and where the product is
     * @throws StepFault for provider faults
     */
    SceneImage generate(ImageRequest request) throws StepFault;

    /**
     * Lays out a character sheet: the one reference image of a product's identity that later generations are held to.
     *
     * @param request the cut-outs, palette and facts to show
     * @return a PNG: the best cut-out large, the other views (other sources, mirrored, close-up crops), palette swatches
     *         with their hex values, and the name and attributes
     * @throws StepFault {@code SOURCE_UNREADABLE} when a cut-out does not decode; provider faults for remote adapters
     */
    MediaFile sheet(SheetRequest request) throws StepFault;

    /**
     * Lays out a contact sheet: the images of a bundle in a labelled grid on one page.
     *
     * @param request the images, their labels and the page width
     * @return a PNG
     * @throws StepFault {@code SOURCE_UNREADABLE} when an image does not decode
     */
    MediaFile contactSheet(ContactSheetRequest request) throws StepFault;

    /**
     * What a contact sheet shows.
     *
     * @param title a heading, e.g. the product name and the campaign
     * @param tiles the images in order, each scaled to fit its cell with its aspect kept
     * @param width page width in pixels; the height follows from the rows
     */
    record ContactSheetRequest(String title, List<Tile> tiles, int width) {
        public ContactSheetRequest {
            Objects.requireNonNull(title, "title");
            tiles = List.copyOf(tiles);
            if (tiles.isEmpty()) {
                throw new IllegalArgumentException("a contact sheet needs at least one image");
            }
            if (width < 320 || width > 4096) {
                throw new IllegalArgumentException("width must be 320 to 4096 pixels");
            }
        }
    }

    /**
     * One image of a contact sheet.
     *
     * @param image PNG or JPEG bytes
     * @param label caption under it, e.g. {@code scene 2 · 9:16}
     */
    record Tile(byte[] image, String label) {
        public Tile {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * What a character sheet shows.
     *
     * @param name       product name, the sheet's title
     * @param cutOuts    the product on transparency (PNG), best view first; at least one
     * @param palette    product colours, most common first
     * @param attributes labelled facts in display order, e.g. {@code brand -> Aurora}, {@code category -> drinkware}
     * @param width      pixels across (the sheet is landscape, 16:9)
     */
    record SheetRequest(
            String name, List<byte[]> cutOuts, List<PaletteColor> palette, Map<String, String> attributes, int width) {
        public SheetRequest {
            Objects.requireNonNull(name, "name");
            cutOuts = List.copyOf(cutOuts);
            palette = List.copyOf(palette);
            attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            if (cutOuts.isEmpty()) {
                throw new IllegalArgumentException("a character sheet needs at least one cut-out");
            }
            if (width < 320 || width > 4096) {
                throw new IllegalArgumentException("width must be 320 to 4096 pixels");
            }
        }
    }

    /**
     * What to make.
     *
     * @param productPng   the product on transparency
     * @param palette      product colours as {@code #rrggbb}, most common first
     * @param headline     text set on the image, or {@code null} for none
     * @param prompt       the campaign instruction, for adapters that read it
     * @param aspect       frame aspect
     * @param longSide     pixels of the longer side
     * @param style        background style
     * @param presentation product alone or with a presenter
     * @param seed         the same seed makes the same image
     * @param variation    0 (calm, faithful) to 1 (bold composition)
     * @param constraints  what the fidelity loop asks of a regeneration
     * @param sheetPng     the product's character sheet (its views, palette and facts on one page), a second reference
     *                     for adapters that take more than one image; or {@code null} (a product made before sheets)
     * @param shot         what this scene shows, as its plan says (the storyboard's shot, the concept's scene idea, the
     *                     script segment's shot), for adapters that read text; or {@code null}
     */
    record ImageRequest(
            byte[] productPng,
            List<String> palette,
            String headline,
            String prompt,
            Aspect aspect,
            int longSide,
            Style style,
            Presentation presentation,
            long seed,
            double variation,
            Constraints constraints,
            byte[] sheetPng,
            String shot) {
        public ImageRequest {
            Objects.requireNonNull(productPng, "productPng");
            palette = List.copyOf(palette);
            Objects.requireNonNull(aspect, "aspect");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(presentation, "presentation");
            constraints = constraints == null ? Constraints.NONE : constraints;
            if (longSide < 64 || longSide > 4096) {
                throw new IllegalArgumentException("longSide must be 64 to 4096 pixels");
            }
            shot = shot == null || shot.isBlank() ? null : shot.strip();
        }

        /** Without a shot. */
        public ImageRequest(
                byte[] productPng,
                List<String> palette,
                String headline,
                String prompt,
                Aspect aspect,
                int longSide,
                Style style,
                Presentation presentation,
                long seed,
                double variation,
                Constraints constraints,
                byte[] sheetPng) {
            this(
                    productPng,
                    palette,
                    headline,
                    prompt,
                    aspect,
                    longSide,
                    style,
                    presentation,
                    seed,
                    variation,
                    constraints,
                    sheetPng,
                    null);
        }

        /** Without a character sheet or a shot. */
        public ImageRequest(
                byte[] productPng,
                List<String> palette,
                String headline,
                String prompt,
                Aspect aspect,
                int longSide,
                Style style,
                Presentation presentation,
                long seed,
                double variation,
                Constraints constraints) {
            this(
                    productPng,
                    palette,
                    headline,
                    prompt,
                    aspect,
                    longSide,
                    style,
                    presentation,
                    seed,
                    variation,
                    constraints,
                    null);
        }
    }

    /**
     * Adjustments a regeneration may ask for.
     *
     * @param lockPalette     keep the product's own colours exactly (no tinting or grading over it)
     * @param minProductShare smallest share of the frame's height the product may take (0-1)
     * @param stylisation     how much the product itself may be stylised (0 none, 1 free)
     */
    record Constraints(boolean lockPalette, double minProductShare, double stylisation) {
        /** No adjustment. */
        public static final Constraints NONE = new Constraints(false, 0, 1);
    }

    /**
     * A made scene.
     *
     * @param image      the scene with the product
     * @param background the same scene without the product
     * @param productBox where the product was placed in {@code image}
     */
    record SceneImage(MediaFile image, MediaFile background, Box productBox) {
        public SceneImage {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(background, "background");
            Objects.requireNonNull(productBox, "productBox");
        }
    }
}
