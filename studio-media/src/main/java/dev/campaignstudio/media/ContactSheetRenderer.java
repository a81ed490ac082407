package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.ContactSheetRequest;
import dev.campaignstudio.core.capability.ImageGeneration.Tile;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a bundle's contact sheet in Java2D, in the character sheet's colours: the title at the top, then the
 * images in a grid of white cards on a neutral light page, each scaled whole into its card's picture area with its
 * aspect kept and centred, its label under it. Geometry comes from {@link ContactSheetLayout}; the title and the
 * labels are fitted to their bands (shrunk, then ellipsized; the labels all at one size) and drawn clipped to them.
 * The same request makes the same bytes.
 */
final class ContactSheetRenderer {

    MediaFile render(ContactSheetRequest request) throws StepFault {
        List<BufferedImage> images = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        for (Tile tile : request.tiles()) {
            BufferedImage image = Images.decode(tile.image());
            images.add(image);
            sizes.add(new int[] {image.getWidth(), image.getHeight()});
        }
        ContactSheetLayout layout = ContactSheetLayout.of(request.width(), sizes);
        BufferedImage page = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.quality(page.createGraphics());
        g.setColor(CharacterSheetRenderer.BACKGROUND);
        g.fillRect(0, 0, layout.width(), layout.height());
        title(g, layout.title(), request.title());
        Box band = layout.labels().get(0);
        float labelSize = FittedText.commonSize(
                g,
                request.tiles().stream().map(Tile::label).toList(),
                Fonts.regular(1),
                band.height() * 0.8f,
                Math.max(6, band.height() * 0.5f),
                band.width());
        for (int i = 0; i < images.size(); i++) {
            cell(g, layout, i, images.get(i), request.tiles().get(i).label(), labelSize);
        }
        g.dispose();
        return MediaFile.image(Images.png(page), "image/png", layout.width(), layout.height());
    }

    private static void title(Graphics2D g, Box band, String title) {
        Graphics2D t = Images.clipped(g, band);
        t.setColor(CharacterSheetRenderer.INK);
        float size = band.height() * 0.8f;
        FittedText.fit(t, title, Fonts.bold(1), size, size * 0.5f, band.width() - 1)
                .draw(t, band.x(), band.y(), band.height());
        t.dispose();
    }

    private static void cell(
            Graphics2D g, ContactSheetLayout layout, int index, BufferedImage image, String label, float labelSize) {
        Box card = layout.cells().get(index);
        Graphics2D c = Images.clipped(g, card);
        c.setColor(CharacterSheetRenderer.CARD);
        c.fillRect(card.x(), card.y(), card.width(), card.height());
        c.setColor(CharacterSheetRenderer.EDGE);
        c.drawRect(card.x(), card.y(), card.width() - 1, card.height() - 1);
        Box fitted = layout.picture(index, image.getWidth(), image.getHeight());
        c.drawImage(shrunk(image, fitted.width(), fitted.height()), fitted.x(), fitted.y(), null);
        c.dispose();
        Box band = layout.labels().get(index);
        Graphics2D t = Images.clipped(g, band);
        t.setColor(CharacterSheetRenderer.MUTED);
        FittedText text = FittedText.fit(t, label, Fonts.regular(1), labelSize, labelSize, band.width());
        text.draw(t, band.x() + (band.width() - text.width()) / 2, band.y(), band.height());
        t.dispose();
    }

    /** {@code image} at {@code w} x {@code h}, halved step by step first so a large photo does not alias. */
    private static BufferedImage shrunk(BufferedImage image, int w, int h) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            current = Images.scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return Images.scaled(current, w, h);
    }
}
