package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.SheetRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything on a character sheet goes, from its width alone (and how many tiles and swatches it shows): the
 * hero view on the left; on the right, top to bottom, the title, the attribute lines, a row of six swatch slots and a
 * grid of view tiles. The regions are disjoint and inside the sheet at every width from 320 to 4096, so text fitted to
 * its region cannot overlap anything.
 *
 * @param width        pixels across
 * @param height       pixels down (16:9)
 * @param hero         the panel of the large view
 * @param heroLabel    its label, inside the panel's top-left corner
 * @param title        the product name
 * @param attributes   the label: value lines
 * @param swatches     one square per palette colour shown, left to right
 * @param swatchLabels the hex value under each swatch
 * @param tiles        the card of each view tile, in reading order
 * @param tileImages   where each tile's picture is fitted, inside its card
 * @param tileLabels   each tile's label, inside its card under the picture
 */
record SheetLayout(
        int width,
        int height,
        Box hero,
        Box heroLabel,
        Box title,
        Box attributes,
        List<Box> swatches,
        List<Box> swatchLabels,
        List<Box> tiles,
        List<Box> tileImages,
        List<Box> tileLabels) {

    /** The most swatches a sheet shows. */
    static final int MAX_SWATCHES = 6;

    private static final int MAX_COLUMNS = 5;

    SheetLayout {
        swatches = List.copyOf(swatches);
        swatchLabels = List.copyOf(swatchLabels);
        tiles = List.copyOf(tiles);
        tileImages = List.copyOf(tileImages);
        tileLabels = List.copyOf(tileLabels);
    }

    /** The layout of the sheet {@code request} asks for. */
    static SheetLayout of(SheetRequest request) {
        return of(
                request.width(),
                tileCount(request.cutOuts().size()),
                Math.min(MAX_SWATCHES, request.palette().size()));
    }

    /** Tiles for a sheet of {@code cutOuts} sources: every other source, the first mirrored, two close-ups of it. */
    static int tileCount(int cutOuts) {
        return cutOuts - 1 + 3;
    }

    /**
     * The layout at {@code width}.
     *
     * @param width     320 to 4096
     * @param tileCount view tiles, at least one
     * @param swatches  palette colours shown, 0 to {@link #MAX_SWATCHES}
     */
    static SheetLayout of(int width, int tileCount, int swatches) {
        int height = (int) Math.round(width * 9 / 16.0);
        int margin = Math.max(6, Math.round(width * 0.025f));
        int gap = Math.max(4, Math.round(width * 0.0125f));
        int labelHeight = Math.max(8, Math.round(height * 0.038f));
        Box hero = new Box(margin, margin, Math.round(width * 0.4f), height - 2 * margin);
        Box heroLabel = new Box(hero.x() + gap, hero.y() + gap, hero.width() / 2, labelHeight);

        int right = hero.x() + hero.width() + margin;
        int column = width - margin - right;
        int free = height - 2 * margin - 3 * gap;
        int titleHeight = Math.round(free * 0.12f);
        int attributeHeight = Math.round(free * 0.30f);
        int swatchHeight = Math.round(free * 0.20f);
        Box title = new Box(right, margin, column, titleHeight);
        Box attributes = new Box(right, bottom(title) + gap, column, attributeHeight);
        Box swatchRow = new Box(right, bottom(attributes) + gap, column, swatchHeight);
        Box strip = new Box(right, bottom(swatchRow) + gap, column, height - margin - bottom(swatchRow) - gap);

        List<Box> squares = new ArrayList<>();
        List<Box> hexes = new ArrayList<>();
        int slot = (column - (MAX_SWATCHES - 1) * gap) / MAX_SWATCHES;
        int side = Math.max(1, Math.min(slot, swatchRow.height() - labelHeight - gap / 2));
        for (int i = 0; i < swatches; i++) {
            int x = right + i * (slot + gap);
            squares.add(new Box(x + (slot - side) / 2, swatchRow.y(), side, side));
            hexes.add(new Box(x, swatchRow.y() + swatchRow.height() - labelHeight, slot, labelHeight));
        }

        List<Box> tiles = new ArrayList<>();
        List<Box> images = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        int columns = Math.min(tileCount, MAX_COLUMNS);
        int rows = (tileCount + columns - 1) / columns;
        int cellWidth = (strip.width() - (columns - 1) * gap) / columns;
        int cellHeight = (strip.height() - (rows - 1) * gap) / rows;
        int pad = Math.max(2, gap / 2);
        int tileLabel = Math.min(labelHeight, Math.max(1, (cellHeight - 2 * pad) / 3));
        for (int i = 0; i < tileCount; i++) {
            Box cell = new Box(
                    right + (i % columns) * (cellWidth + gap),
                    strip.y() + (i / columns) * (cellHeight + gap),
                    cellWidth,
                    cellHeight);
            tiles.add(cell);
            int inner = Math.max(1, cellWidth - 2 * pad);
            images.add(new Box(cell.x() + pad, cell.y() + pad, inner, Math.max(1, cellHeight - 2 * pad - tileLabel)));
            labels.add(new Box(cell.x() + pad, bottom(cell) - pad - tileLabel, inner, tileLabel));
        }
        return new SheetLayout(
                width, height, hero, heroLabel, title, attributes, squares, hexes, tiles, images, labels);
    }

    /**
     * Where the hero view of a {@code w} x {@code h} cut-out stands: as large as fits most of the panel, centred, its
     * foot on the panel's floor line.
     */
    Box heroProduct(int w, int h) {
        int floor = hero.y() + Math.round(hero.height() * 0.88f);
        Box room = new Box(
                hero.x() + Math.round(hero.width() * 0.1f),
                floor - Math.round(hero.height() * 0.74f),
                Math.round(hero.width() * 0.8f),
                Math.round(hero.height() * 0.74f));
        Box fitted = fit(room, w, h);
        return new Box(fitted.x(), floor - fitted.height(), fitted.width(), fitted.height());
    }

    /** A {@code w} x {@code h} picture scaled to fit {@code area} whole, centred in it. */
    static Box fit(Box area, int w, int h) {
        double scale = Math.min((double) area.width() / w, (double) area.height() / h);
        int fw = Math.max(1, (int) Math.round(w * scale));
        int fh = Math.max(1, (int) Math.round(h * scale));
        return new Box(area.x() + (area.width() - fw) / 2, area.y() + (area.height() - fh) / 2, fw, fh);
    }

    /** Every region that holds ink: nothing is drawn outside them but the sheet's plain background. */
    List<Box> regions() {
        List<Box> all = new ArrayList<>(List.of(hero, title, attributes));
        all.addAll(swatches);
        all.addAll(swatchLabels);
        all.addAll(tiles);
        return all;
    }

    static int bottom(Box box) {
        return box.y() + box.height();
    }

    static int right(Box box) {
        return box.x() + box.width();
    }
}
