package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.SheetRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterSheetRendererTest {

    private static final Color TEAL = new Color(20, 130, 140);
    private static final List<PaletteColor> PALETTE = List.of(colour("#14828c"), colour("#f5f5f0"));
    private static final Map<String, String> ATTRIBUTES =
            attributes("brand", "Aurora", "category", "drinkware", "colors", "teal, white");

    private final CharacterSheetRenderer renderer = new CharacterSheetRenderer();

    @ParameterizedTest
    @ValueSource(ints = {320, 641, 1280})
    void theSheetIsSixteenByNineAtTheRequestedWidth(int width) throws Exception {
        MediaFile sheet = renderer.render(
                new SheetRequest("Aurora Bottle", List.of(MediaFixtures.product()), PALETTE, ATTRIBUTES, width));
        BufferedImage image = Images.decode(sheet.data());
        assertThat(sheet.mediaType()).isEqualTo("image/png");
        assertThat(image.getWidth()).isEqualTo(width).isEqualTo(sheet.width());
        assertThat(image.getHeight()).isEqualTo(sheet.height());
        assertThat((double) image.getWidth() / image.getHeight()).isCloseTo(16 / 9.0, offset(0.01));
    }

    @Test
    void everySwatchShowsItsPaletteColourAndNoMoreThanSixAreShown() throws Exception {
        List<PaletteColor> palette = List.of(
                colour("#c0392b"),
                colour("#2980b9"),
                colour("#27ae60"),
                colour("#f1c40f"),
                colour("#8e44ad"),
                colour("#2c3e50"),
                colour("#ffffff"));
        SheetRequest request =
                new SheetRequest("Seven colours", List.of(MediaFixtures.product()), palette, ATTRIBUTES, 960);
        BufferedImage image = Images.decode(renderer.render(request).data());
        SheetLayout layout = SheetLayout.of(request);
        assertThat(layout.swatches()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Box swatch = layout.swatches().get(i);
            Color expected = Images.color(palette.get(i).hex());
            Color centre = new Color(image.getRGB(swatch.x() + swatch.width() / 2, swatch.y() + swatch.height() / 2));
            assertThat(distance(centre, expected)).as("swatch %d", i).isLessThanOrEqualTo(3);
        }
        Box lastLabel = layout.swatchLabels().get(5);
        assertThat(inked(
                        image,
                        new Box(
                                SheetLayout.right(lastLabel),
                                lastLabel.y(),
                                layout.width() - SheetLayout.right(lastLabel) - 1,
                                lastLabel.height())))
                .as("no seventh swatch label")
                .isZero();
    }

    @Test
    void theHeroShowsTheProductInItsOwnColourOnALightBackground() throws Exception {
        SheetRequest request =
                new SheetRequest("Aurora Bottle", List.of(MediaFixtures.product()), PALETTE, ATTRIBUTES, 960);
        BufferedImage image = Images.decode(renderer.render(request).data());
        BufferedImage cut = SceneRenderer.trimmed(Images.decode(MediaFixtures.product()));
        SheetLayout layout = SheetLayout.of(request);
        Box product = layout.heroProduct(cut.getWidth(), cut.getHeight());
        assertThat(share(image, product, TEAL, 10))
                .as("teal product pixels where the hero stands")
                .isGreaterThan(0.4);
        Box hero = layout.hero();
        Color corner = new Color(image.getRGB(hero.x() + hero.width() - 3, hero.y() + 3));
        assertThat(corner.getRed() + corner.getGreen() + corner.getBlue())
                .as("a light panel")
                .isGreaterThan(3 * 225);
        assertThat(share(image, new Box(hero.x(), hero.y(), hero.width(), product.y() - hero.y()), TEAL, 10))
                .as("nothing teal above it")
                .isZero();
    }

    @Test
    void theMirroredTileIsTheFirstViewFlippedLeftToRight() throws Exception {
        byte[] asymmetric = Images.png(asymmetricProduct());
        SheetRequest request =
                new SheetRequest("Flip", List.of(asymmetric, MediaFixtures.product()), PALETTE, ATTRIBUTES, 1280);
        BufferedImage image = Images.decode(renderer.render(request).data());
        SheetLayout layout = SheetLayout.of(request);
        int mirrored = CharacterSheetRenderer.tileLabels(2).indexOf("mirrored");
        assertThat(mirrored).isEqualTo(1);
        Box tile = SheetLayout.fit(layout.tileImages().get(mirrored), 90, 150);
        Box hero = layout.heroProduct(90, 150);
        int matches = 0;
        for (double column : new double[] {0.15, 0.85}) {
            for (double row : new double[] {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9}) {
                Color flipped = sample(image, tile, column, row);
                assertThat(distance(flipped, sample(image, hero, 1 - column, row)))
                        .as("column %s row %s", column, row)
                        .isLessThan(40);
                matches += distance(flipped, sample(image, hero, column, row)) > 100 ? 1 : 0;
            }
        }
        assertThat(matches)
                .as("rows where the flip differs from the unflipped view")
                .isGreaterThanOrEqualTo(12);
        BufferedImage cut = SceneRenderer.trimmed(Images.decode(MediaFixtures.product()));
        Box second = SheetLayout.fit(layout.tileImages().get(0), cut.getWidth(), cut.getHeight());
        assertThat(share(image, second, TEAL, 10))
                .as("the second source is the first tile")
                .isGreaterThan(0.4);
    }

    @ParameterizedTest
    @ValueSource(ints = {320, 640, 4096})
    void aLongNameAndManyAttributesStayInsideTheirRegions(int width) throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put(
                    "a rather long attribute label number " + i,
                    "and an even longer value that goes on and on ".repeat(3) + i);
        }
        String name = "The Extraordinarily Long Product Name of the Anniversary Edition "
                .repeat(4)
                .trim();
        List<byte[]> cuts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cuts.add(MediaFixtures.product());
        }
        SheetRequest request = new SheetRequest(name, cuts, PALETTE, many, width);
        BufferedImage image = Images.decode(renderer.render(request).data());
        SheetLayout layout = SheetLayout.of(request);
        assertThat(image.getHeight()).isEqualTo(layout.height());
        assertThat(outsideRegions(image, layout))
                .as("pixels drawn outside every region")
                .isZero();
        Box title = layout.title();
        assertThat(inked(
                        image,
                        new Box(title.x() + title.width() * 3 / 4, title.y(), title.width() / 4 - 1, title.height())))
                .as("the title uses the width")
                .isPositive();
        assertThat(inked(image, new Box(SheetLayout.right(title) - 1, title.y(), 1, title.height())))
                .as("but stops before its edge")
                .isZero();
        Box attributes = layout.attributes();
        assertThat(inked(image, new Box(SheetLayout.right(attributes) - 1, attributes.y(), 1, attributes.height())))
                .isZero();
        assertThat(inked(image, attributes)).as("attribute lines are written").isPositive();
    }

    @Test
    void theRegionsAreDisjointAndInsideTheSheetAtEveryWidth() {
        for (int width = 320; width <= 4096; width += 97) {
            for (int tiles = 3; tiles <= 10; tiles++) {
                SheetLayout layout = SheetLayout.of(width, tiles, Math.min(6, tiles - 3));
                List<Box> regions = new ArrayList<>(layout.regions());
                for (int i = 0; i < regions.size(); i++) {
                    Box a = regions.get(i);
                    assertThat(a.width() > 0
                                    && a.height() > 0
                                    && a.x() >= 0
                                    && a.y() >= 0
                                    && SheetLayout.right(a) <= width
                                    && SheetLayout.bottom(a) <= layout.height())
                            .as("%d wide, %d tiles: %s inside", width, tiles, a)
                            .isTrue();
                    for (int j = i + 1; j < regions.size(); j++) {
                        assertThat(a.iou(regions.get(j)))
                                .as("%d wide, %d tiles: %s and %s", width, tiles, a, regions.get(j))
                                .isZero();
                    }
                }
                for (int t = 0; t < tiles; t++) {
                    Box picture = layout.tileImages().get(t);
                    Box label = layout.tileLabels().get(t);
                    assertThat(within(picture, layout.tiles().get(t))
                                    && within(label, layout.tiles().get(t)))
                            .isTrue();
                    assertThat(picture.iou(label)).isZero();
                }
                assertThat(within(layout.heroLabel(), layout.hero())).isTrue();
            }
        }
    }

    @Test
    void theSameRequestMakesTheSameBytes() throws Exception {
        SheetRequest request = new SheetRequest(
                "Aurora Bottle", List.of(MediaFixtures.product(), MediaFixtures.product()), PALETTE, ATTRIBUTES, 640);
        assertThat(renderer.render(request).data())
                .isEqualTo(renderer.render(request).data());
    }

    @Test
    void aCutOutThatDoesNotDecodeIsUnreadable() {
        byte[] junk = "not a picture".getBytes(StandardCharsets.UTF_8);
        for (List<byte[]> cuts : List.of(List.of(junk), List.of(MediaFixtures.product(), junk))) {
            assertThatThrownBy(() -> renderer.render(new SheetRequest("Broken", cuts, PALETTE, ATTRIBUTES, 640)))
                    .isInstanceOfSatisfying(StepFault.class, f -> {
                        assertThat(f.code()).isEqualTo("SOURCE_UNREADABLE");
                        assertThat(f.retryable()).isFalse();
                    });
        }
    }

    /** A 90 x 150 product: blue, with a red (top) and yellow (bottom) stripe down its left 30 %. */
    private static BufferedImage asymmetricProduct() {
        BufferedImage image = new BufferedImage(90, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 60, 200));
        g.fillRect(0, 0, 90, 150);
        g.setColor(new Color(210, 30, 30));
        g.fillRect(0, 0, 27, 75);
        g.setColor(new Color(240, 210, 20));
        g.fillRect(0, 75, 27, 75);
        g.dispose();
        return image;
    }

    private static Color sample(BufferedImage image, Box box, double column, double row) {
        return new Color(image.getRGB(box.x() + (int) (box.width() * column), box.y() + (int) (box.height() * row)));
    }

    private static long outsideRegions(BufferedImage image, SheetLayout layout) {
        int width = image.getWidth();
        boolean[] inside = new boolean[width * image.getHeight()];
        for (Box b : layout.regions()) {
            for (int y = b.y(); y < SheetLayout.bottom(b); y++) {
                Arrays.fill(inside, y * width + b.x(), y * width + SheetLayout.right(b), true);
            }
        }
        int[] pixels = image.getRGB(0, 0, width, image.getHeight(), null, 0, width);
        int background = CharacterSheetRenderer.BACKGROUND.getRGB();
        long count = 0;
        for (int i = 0; i < pixels.length; i++) {
            count += !inside[i] && pixels[i] != background ? 1 : 0;
        }
        return count;
    }

    /** Pixels in {@code box} that differ from the sheet's background. */
    private static long inked(BufferedImage image, Box box) {
        long count = 0;
        int background = CharacterSheetRenderer.BACKGROUND.getRGB();
        for (int y = box.y(); y < SheetLayout.bottom(box); y++) {
            for (int x = box.x(); x < SheetLayout.right(box); x++) {
                count += image.getRGB(x, y) != background ? 1 : 0;
            }
        }
        return count;
    }

    private static double share(BufferedImage image, Box box, Color colour, double maxDeltaE) {
        double[] target = Lab.fromRgb(colour.getRed(), colour.getGreen(), colour.getBlue());
        long near = 0;
        long all = 0;
        for (int y = box.y(); y < SheetLayout.bottom(box); y++) {
            for (int x = box.x(); x < SheetLayout.right(box); x++) {
                int p = image.getRGB(x, y);
                near += Lab.distance(Lab.fromRgb(p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF), target) < maxDeltaE ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) near / all;
    }

    private static boolean within(Box inner, Box outer) {
        return inner.x() >= outer.x()
                && inner.y() >= outer.y()
                && SheetLayout.right(inner) <= SheetLayout.right(outer)
                && SheetLayout.bottom(inner) <= SheetLayout.bottom(outer);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed())
                + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    private static PaletteColor colour(String hex) {
        Color c = Images.color(hex);
        double[] lab = Lab.fromRgb(c.getRed(), c.getGreen(), c.getBlue());
        return new PaletteColor(hex, lab[0], lab[1], lab[2], 0.1);
    }

    private static Map<String, String> attributes(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
