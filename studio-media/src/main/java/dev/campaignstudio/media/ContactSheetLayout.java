package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything on a contact sheet goes: the title across the top, then a grid of equal cells in reading order,
 * each a card with its picture area and, under it, its label band.
 *
 * <p>Columns: at most 2 on a page narrower than 720 pixels, 3 below 1440, else 4; the rows are as few as that allows
 * and the columns then as few as fill them evenly ({@code rows = ceil(n / max)}, {@code columns = ceil(n / rows)}), so
 * 5 images on a wide page are 3 + 2, not 4 + 1. The picture areas share one shape: the geometric mean of the images'
 * height-to-width ratios, kept between 9:16 and 16:9, so a bundle of squares gets square cells, a bundle of stories
 * tall ones, and a mix something in between that every image fits whole. The page is as wide as asked and as tall as
 * its rows need.
 *
 * @param width    pixels across
 * @param height   pixels down
 * @param columns  cells per row
 * @param rows     rows of cells
 * @param title    the heading's band
 * @param cells    each image's card, in reading order
 * @param pictures the area each image is fitted into, inside its card
 * @param labels   each image's label band, inside its card under the picture
 */
record ContactSheetLayout(
        int width,
        int height,
        int columns,
        int rows,
        Box title,
        List<Box> cells,
        List<Box> pictures,
        List<Box> labels) {

    /** The narrowest shape a picture area takes, as height over width (16:9). */
    static final double WIDEST = 9 / 16.0;
    /** The tallest (9:16). */
    static final double TALLEST = 16 / 9.0;

    ContactSheetLayout {
        cells = List.copyOf(cells);
        pictures = List.copyOf(pictures);
        labels = List.copyOf(labels);
    }

    /**
     * The layout for images of the given sizes.
     *
     * @param width 320 to 4096
     * @param sizes each image's width and height, in order; at least one
     */
    static ContactSheetLayout of(int width, List<int[]> sizes) {
        int count = sizes.size();
        int columns = columns(count, width);
        int rows = (count + columns - 1) / columns;
        int margin = Math.max(8, Math.round(width * 0.03f));
        int gap = Math.max(6, Math.round(width * 0.015f));
        int titleHeight = Math.max(18, Math.round(width * 0.045f));
        int cellWidth = (width - 2 * margin - (columns - 1) * gap) / columns;
        int pad = Math.max(3, Math.round(cellWidth * 0.04f));
        int pictureWidth = cellWidth - 2 * pad;
        int pictureHeight = Math.max(1, (int) Math.round(pictureWidth * shape(sizes)));
        int labelHeight = Math.max(12, Math.round(cellWidth * 0.075f));
        int cellHeight = pad + pictureHeight + pad / 2 + labelHeight + pad;
        Box title = new Box(margin, margin, width - 2 * margin, titleHeight);
        int top = SheetLayout.bottom(title) + gap;
        List<Box> cells = new ArrayList<>();
        List<Box> pictures = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Box cell = new Box(
                    margin + (i % columns) * (cellWidth + gap),
                    top + (i / columns) * (cellHeight + gap),
                    cellWidth,
                    cellHeight);
            cells.add(cell);
            Box picture = new Box(cell.x() + pad, cell.y() + pad, pictureWidth, pictureHeight);
            pictures.add(picture);
            labels.add(new Box(cell.x() + pad, SheetLayout.bottom(picture) + pad / 2, pictureWidth, labelHeight));
        }
        int height = top + rows * cellHeight + (rows - 1) * gap + margin;
        return new ContactSheetLayout(width, height, columns, rows, title, cells, pictures, labels);
    }

    /** Cells per row for {@code count} images on a page {@code width} wide (see the type's comment). */
    static int columns(int count, int width) {
        int most = width < 720 ? 2 : width < 1440 ? 3 : 4;
        int rows = (count + most - 1) / most;
        return (count + rows - 1) / rows;
    }

    /** The picture areas' height over width: the geometric mean of the images', between 9:16 and 16:9. */
    static double shape(List<int[]> sizes) {
        double logSum = 0;
        for (int[] size : sizes) {
            logSum += Math.log((double) size[1] / size[0]);
        }
        return Math.max(WIDEST, Math.min(TALLEST, Math.exp(logSum / sizes.size())));
    }

    /** Where an image of {@code w} x {@code h} is drawn in cell {@code index}: as large as fits its picture area, centred. */
    Box picture(int index, int w, int h) {
        return SheetLayout.fit(pictures.get(index), w, h);
    }
}
