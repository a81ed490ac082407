package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.ContactSheetRequest;
import dev.campaignstudio.core.capability.ImageGeneration.Tile;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactSheetRendererTest {

    private static final Color[] OUTER = {
        new Color(200, 40, 40),
        new Color(40, 120, 200),
        new Color(40, 160, 70),
        new Color(230, 170, 20),
        new Color(130, 60, 170),
        new Color(20, 140, 140),
        new Color(90, 90, 90)
    };
    private static final Color[] INNER = {
        new Color(20, 20, 120),
        new Color(240, 230, 40),
        new Color(230, 60, 160),
        new Color(30, 30, 30),
        new Color(150, 230, 150),
        new Color(250, 120, 30),
        new Color(240, 240, 250)
    };

    private final ContactSheetRenderer renderer = new ContactSheetRenderer();

    @Test
    void thePageIsAsWideAsAskedAndGrowsWithTheRows() throws Exception {
        MediaFile two = renderer.render(request(640, 2));
        MediaFile six = renderer.render(request(640, 6));
        BufferedImage twoPage = Images.decode(two.data());
        BufferedImage sixPage = Images.decode(six.data());
        assertThat(two.mediaType()).isEqualTo("image/png");
        assertThat(twoPage.getWidth()).isEqualTo(640).isEqualTo(two.width());
        assertThat(sixPage.getWidth()).isEqualTo(640);
        assertThat(twoPage.getHeight()).isEqualTo(two.height());
        assertThat(ContactSheetLayout.of(640, sizes(2)).rows()).isEqualTo(1);
        assertThat(ContactSheetLayout.of(640, sizes(6)).rows()).isEqualTo(3);
        assertThat(sixPage.getHeight()).as("three rows stand taller than one").isGreaterThan(twoPage.getHeight() * 2);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 640, 1",
        "2, 320, 2",
        "3, 640, 2",
        "4, 1280, 2",
        "5, 1280, 3",
        "6, 1280, 3",
        "7, 1920, 4",
        "8, 1920, 4",
        "9, 1920, 3",
        "12, 4096, 4"
    })
    void theColumnsFollowTheCountAndThePageWidth(int count, int width, int columns) {
        ContactSheetLayout layout = ContactSheetLayout.of(width, sizes(count));
        assertThat(layout.columns()).isEqualTo(columns);
        assertThat(layout.rows()).isEqualTo((count + columns - 1) / columns);
        for (Box cell : layout.cells()) {
            assertThat(cell.x() >= 0 && SheetLayout.right(cell) <= width && SheetLayout.bottom(cell) <= layout.height())
                    .isTrue();
        }
    }

    @Test
    void everyTileShowsItsImagesCentreAtItsCellsCentre() throws Exception {
        ContactSheetRequest request = request(960, 7);
        BufferedImage page = Images.decode(renderer.render(request).data());
        ContactSheetLayout layout = ContactSheetLayout.of(960, sizes(7));
        for (int i = 0; i < 7; i++) {
            Box picture = layout.pictures().get(i);
            Color centre =
                    new Color(page.getRGB(picture.x() + picture.width() / 2, picture.y() + picture.height() / 2));
            assertThat(distance(centre, INNER[i])).as("tile %d centre", i).isLessThan(30);
            Box drawn = layout.picture(i, sizes(7).get(i)[0], sizes(7).get(i)[1]);
            Color edge = new Color(page.getRGB(drawn.x() + 2, drawn.y() + drawn.height() / 2));
            assertThat(distance(edge, OUTER[i])).as("tile %d edge", i).isLessThan(30);
        }
    }

    @Test
    void portraitAndLandscapeImagesFitTheirCellsWithoutDistortion() throws Exception {
        List<Tile> tiles = List.of(
                new Tile(Images.png(picture(90, 160, OUTER[0], INNER[0])), "scene 1 · 9:16"),
                new Tile(Images.png(picture(160, 90, OUTER[1], INNER[1])), "scene 2 · 16:9"),
                new Tile(Images.png(picture(120, 120, OUTER[2], INNER[2])), "scene 3 · 1:1"));
        BufferedImage page = Images.decode(renderer.render(new ContactSheetRequest("Aurora: summer", tiles, 960))
                .data());
        ContactSheetLayout layout =
                ContactSheetLayout.of(960, List.of(new int[] {90, 160}, new int[] {160, 90}, new int[] {120, 120}));
        double[] aspects = {90 / 160.0, 160 / 90.0, 1};
        for (int i = 0; i < 3; i++) {
            Box area = layout.pictures().get(i);
            Box drawn = drawnBounds(page, area);
            assertThat((double) drawn.width() / drawn.height())
                    .as("tile %d aspect", i)
                    .isCloseTo(aspects[i], offset(aspects[i] * 0.03));
            assertThat(drawn.width() == area.width() || drawn.height() == area.height())
                    .as("tile %d fills its area one way", i)
                    .isTrue();
            assertThat(drawn.width()).isLessThanOrEqualTo(area.width());
            assertThat(drawn.height()).isLessThanOrEqualTo(area.height());
            int centreX = drawn.x() + drawn.width() / 2;
            int centreY = drawn.y() + drawn.height() / 2;
            assertThat(Math.abs(centreX - (area.x() + area.width() / 2)))
                    .as("tile %d centred across", i)
                    .isLessThanOrEqualTo(1);
            assertThat(Math.abs(centreY - (area.y() + area.height() / 2)))
                    .as("tile %d centred down", i)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(layout.pictures().get(0).width())
                .as("a mixed bundle gets square cells")
                .isEqualTo(layout.pictures().get(0).height());
    }

    @Test
    void theTitleAndEveryLabelAreWrittenAndStayInTheirBands() throws Exception {
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tiles.add(new Tile(
                    Images.png(picture(100, 100, OUTER[i], INNER[i])),
                    i == 3
                            ? "scene 4 · a label much too long to fit under its picture at this size, by far"
                            : "scene " + (i + 1)));
        }
        String title =
                "Aurora Bottle — Summer launch, beach vibes, the campaign with the very long name that does not fit";
        BufferedImage page = Images.decode(
                renderer.render(new ContactSheetRequest(title, tiles, 480)).data());
        ContactSheetLayout layout = ContactSheetLayout.of(480, sizes(4));
        int background = CharacterSheetRenderer.BACKGROUND.getRGB();
        Box band = layout.title();
        assertThat(count(page, band, p -> p != background))
                .as("the title is written")
                .isPositive();
        assertThat(count(page, new Box(SheetLayout.right(band) - 1, band.y(), 1, band.height()), p -> p != background))
                .as("and ellipsized before its edge")
                .isZero();
        int card = CharacterSheetRenderer.CARD.getRGB();
        for (int i = 0; i < 4; i++) {
            Box label = layout.labels().get(i);
            assertThat(count(page, label, p -> p != card)).as("label %d", i).isPositive();
            assertThat(count(page, new Box(label.x(), label.y(), 1, label.height()), p -> p != card))
                    .as("label %d left edge", i)
                    .isZero();
            assertThat(count(page, new Box(SheetLayout.right(label) - 1, label.y(), 1, label.height()), p -> p != card))
                    .as("label %d right edge", i)
                    .isZero();
        }
    }

    @Test
    void theSameRequestMakesTheSameBytes() throws Exception {
        assertThat(renderer.render(request(640, 3)).data())
                .isEqualTo(renderer.render(request(640, 3)).data());
    }

    @Test
    void anImageThatDoesNotDecodeIsUnreadable() {
        List<Tile> tiles = List.of(
                new Tile(Images.png(picture(100, 100, OUTER[0], INNER[0])), "fine"),
                new Tile("not a picture".getBytes(StandardCharsets.UTF_8), "broken"));
        assertThatThrownBy(() -> renderer.render(new ContactSheetRequest("Broken", tiles, 640)))
                .isInstanceOfSatisfying(StepFault.class, f -> {
                    assertThat(f.code()).isEqualTo("SOURCE_UNREADABLE");
                    assertThat(f.retryable()).isFalse();
                });
    }

    /** {@code count} images: square, portrait 9:16 and landscape 16:9 in turn. */
    private static ContactSheetRequest request(int width, int count) {
        List<Tile> tiles = new ArrayList<>();
        List<int[]> sizes = sizes(count);
        for (int i = 0; i < count; i++) {
            tiles.add(new Tile(
                    Images.png(picture(
                            sizes.get(i)[0], sizes.get(i)[1], OUTER[i % OUTER.length], INNER[i % INNER.length])),
                    "scene " + (i + 1)));
        }
        return new ContactSheetRequest("Aurora Bottle · summer", tiles, width);
    }

    private static List<int[]> sizes(int count) {
        List<int[]> sizes = new ArrayList<>();
        int[][] cycle = {{120, 120}, {90, 160}, {160, 90}};
        for (int i = 0; i < count; i++) {
            sizes.add(cycle[i % 3]);
        }
        return sizes;
    }

    /** A picture in {@code outer} with a centred square of {@code inner}, a third of its short side. */
    private static BufferedImage picture(int w, int h, Color outer, Color inner) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(outer);
        g.fillRect(0, 0, w, h);
        int side = Math.min(w, h) / 3;
        g.setColor(inner);
        g.fillRect((w - side) / 2, (h - side) / 2, side, side);
        g.dispose();
        return image;
    }

    /** The bounds of the pixels in {@code area} that are not the card's white. */
    private static Box drawnBounds(BufferedImage page, Box area) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = area.y(); y < SheetLayout.bottom(area); y++) {
            for (int x = area.x(); x < SheetLayout.right(area); x++) {
                if (distance(new Color(page.getRGB(x, y)), Color.WHITE) > 60) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static long count(BufferedImage page, Box box, java.util.function.IntPredicate test) {
        long n = 0;
        for (int y = box.y(); y < SheetLayout.bottom(box); y++) {
            for (int x = box.x(); x < SheetLayout.right(box); x++) {
                n += test.test(page.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed())
                + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
