package dev.campaignstudio.media;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled DejaVu Sans faces, so text looks the same on any machine with a JDK. */
final class Fonts {

    private static final Font BOLD = load("DejaVuSans-Bold.ttf");
    private static final Font REGULAR = load("DejaVuSans.ttf");

    private Fonts() {}

    /** DejaVu Sans Bold at {@code size} pixels. */
    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** DejaVu Sans at {@code size} pixels. */
    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    private static Font load(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + file + " is missing");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + file + " is damaged", e);
        }
    }
}
