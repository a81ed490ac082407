package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Stitching.CaptionStyle;
import dev.campaignstudio.core.capability.TimedText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Burned-in captions. {@link CaptionStyle#SUBTITLE}: the whole caption in bold white with a thin dark outline, wrapped
 * near the bottom. {@link CaptionStyle#BOLD}: the caption cut into short phrases shown one after another over its
 * time, each large (a ninth of the frame's width) in white with a thick near-black outline, centred a little below the
 * middle. Either moves up or down the frame, and is set smaller if it must, to stay clear of the product
 * ({@link ClearSpace}).
 */
final class Captions {

    /** BOLD phrases hold at most this many words ... */
    static final int PHRASE_WORDS = 3;
    /** ... and at most this many characters, unless one word is longer. */
    static final int PHRASE_CHARS = 16;
    /** Where BOLD phrases are centred, as a share of the frame's height. */
    static final double BOLD_CENTRE = 0.6;

    private static final Color OUTLINE = new Color(12, 12, 16);

    private Captions() {}

    /**
     * Draws the captions active at {@code timeMs} in {@code style}, each clear of the product's boxes while it shows
     * ({@code avoid} of the caption), set smaller (to 60 %) where that is what it takes to fit beside the product.
     */
    static void draw(
            Graphics2D g,
            List<TimedText> captions,
            CaptionStyle style,
            long timeMs,
            int width,
            int height,
            Function<TimedText, List<Rectangle>> avoid,
            TextLog log) {
        for (TimedText caption : captions) {
            if (timeMs >= caption.startMs() && timeMs < caption.endMs()) {
                Rectangle box = switch (style) {
                    case SUBTITLE -> text(g, caption.text(), width, height, SUBTITLE_CENTRE, avoid.apply(caption));
                    case BOLD -> bold(g, phraseAt(caption, timeMs), width, height, avoid.apply(caption));
                };
                log.drawn(timeMs, box);
            }
        }
    }

    /** Where SUBTITLE captions are centred when the product leaves room, as a share of the frame's height. */
    static final double SUBTITLE_CENTRE = 0.8;

    /**
     * Draws {@code text} centred at {@code heightShare} of the frame (or the nearest place clear of {@code avoid}),
     * outlined so it reads on any picture; returns the box it covers.
     */
    static Rectangle text(Graphics2D g, String text, int width, int height, double heightShare, List<Rectangle> avoid) {
        float full = Math.max(10, width / 14f);
        return placed(
                g,
                width,
                height,
                heightShare,
                avoid,
                full,
                size -> {
                    FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
                    return SceneRenderer.wrap(text, metrics, (int) (width * 0.86));
                },
                size -> new Color(0, 0, 0, 200),
                size -> Math.max(2, size / 7));
    }

    /** One phrase, large, heavy-outlined, shrunk until its longest word fits the frame (and it fits clear of the product). */
    private static Rectangle bold(Graphics2D g, String phrase, int width, int height, List<Rectangle> avoid) {
        float size = Math.max(12, width / 9f);
        int maxWidth = (int) (width * 0.88);
        FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
        for (String word : phrase.split(" ")) {
            while (metrics.stringWidth(word) > maxWidth && size > 8) {
                size *= 0.9f;
                metrics = g.getFontMetrics(Fonts.bold(size));
            }
        }
        return placed(
                g,
                width,
                height,
                BOLD_CENTRE,
                avoid,
                size,
                s -> SceneRenderer.wrap(phrase, g.getFontMetrics(Fonts.bold(s)), maxWidth),
                s -> OUTLINE,
                s -> Math.max(3, s * 0.22f));
    }

    /**
     * Sets lines at the largest size from {@code full} down to 60 % that has a place clear of {@code avoid} near
     * {@code centreShare}, and draws them there (at the smallest size where none has).
     */
    private static Rectangle placed(
            Graphics2D g,
            int width,
            int height,
            double centreShare,
            List<Rectangle> avoid,
            float full,
            Function<Float, List<String>> lines,
            Function<Float, Color> outline,
            Function<Float, Float> stroke) {
        float size = full;
        while (true) {
            List<String> wrapped = lines.apply(size);
            FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
            float pad = stroke.apply(size);
            int blockWidth = (int) Math.ceil(
                    wrapped.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 2 * pad);
            int blockHeight = (int) Math.ceil(wrapped.size() * metrics.getHeight() + 2 * pad);
            int preferred = (int) Math.round(height * centreShare - blockHeight / 2.0);
            int top = ClearSpace.top(preferred, blockWidth, blockHeight, width, height, avoid);
            if (top >= 0 || size <= full * 0.6f) {
                int at = top >= 0 ? top : Math.max(0, Math.min(height - blockHeight, preferred));
                g.setFont(metrics.getFont());
                outlined(g, wrapped, width, at + blockHeight / 2, outline.apply(size), pad);
                return ClearSpace.block(at, blockWidth, blockHeight, width);
            }
            size = Math.max(full * 0.6f, size * 0.9f);
        }
    }

    private static void outlined(
            Graphics2D g, List<String> lines, int width, int centreY, Color outline, float stroke) {
        FontMetrics metrics = g.getFontMetrics();
        int lineHeight = metrics.getHeight();
        int top = centreY - lines.size() * lineHeight / 2;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            TextLayout layout = new TextLayout(line, g.getFont(), g.getFontRenderContext());
            float x = (width - metrics.stringWidth(line)) / 2f;
            float y = top + metrics.getAscent() + i * lineHeight;
            Shape shape = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            g.setColor(outline);
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
            g.setColor(Color.WHITE);
            g.fill(shape);
        }
    }

    /** The phrase of {@code caption} on screen at {@code timeMs}: each phrase holds for a share of the caption's time as long as its share of the letters. */
    static String phraseAt(TimedText caption, long timeMs) {
        List<String> phrases = phrases(caption.text());
        int letters = phrases.stream().mapToInt(p -> p.length() + 1).sum();
        double elapsed =
                (timeMs - caption.startMs()) / (double) Math.max(1, caption.endMs() - caption.startMs()) * letters;
        for (String phrase : phrases) {
            elapsed -= phrase.length() + 1;
            if (elapsed < 0) {
                return phrase;
            }
        }
        return phrases.get(phrases.size() - 1);
    }

    /** {@code text} cut into phrases of at most {@link #PHRASE_WORDS} words and {@link #PHRASE_CHARS} characters, ending at punctuation. */
    static List<String> phrases(String text) {
        List<String> phrases = new ArrayList<>();
        StringBuilder phrase = new StringBuilder();
        int words = 0;
        for (String word : text.trim().split("\\s+")) {
            if (words > 0 && (words == PHRASE_WORDS || phrase.length() + 1 + word.length() > PHRASE_CHARS)) {
                phrases.add(phrase.toString());
                phrase.setLength(0);
                words = 0;
            }
            phrase.append(words == 0 ? "" : " ").append(word);
            words++;
            if (word.matches(".*[,.;:!?]$")) {
                phrases.add(phrase.toString());
                phrase.setLength(0);
                words = 0;
            }
        }
        if (words > 0) {
            phrases.add(phrase.toString());
        }
        return phrases.isEmpty() ? List.of("") : phrases;
    }
}
