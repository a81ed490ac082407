package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Stitching.CaptionStyle;
import dev.campaignstudio.core.capability.TimedText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Burned-in captions. {@link CaptionStyle#SUBTITLE}: the whole caption in bold white with a thin dark outline, wrapped
 * on the lower third. {@link CaptionStyle#BOLD}: the caption cut into short phrases shown one after another over its
 * time, each large (a ninth of the frame's width) in white with a thick near-black outline, centred a little below the
 * middle.
 */
final class Captions {

    /** BOLD phrases hold at most this many words ... */
    static final int PHRASE_WORDS = 3;
    /** ... and at most this many characters, unless one word is longer. */
    static final int PHRASE_CHARS = 16;
    /** Where BOLD phrases are centred, as a share of the frame's height. */
    static final double BOLD_CENTRE = 0.6;

    private static final Color OUTLINE = new Color(12, 12, 16);

    private Captions() {
    }

    /** Draws the captions active at {@code timeMs} in {@code style}. */
    static void draw(Graphics2D g, List<TimedText> captions, CaptionStyle style, long timeMs, int width, int height) {
        for (TimedText caption : captions) {
            if (timeMs >= caption.startMs() && timeMs < caption.endMs()) {
                switch (style) {
                    case SUBTITLE -> text(g, caption.text(), width, height, 0.74);
                    case BOLD -> bold(g, phraseAt(caption, timeMs), width, height);
                }
            }
        }
    }

    /** Draws {@code text} centred at {@code heightShare} of the frame, outlined so it reads on any picture. */
    static void text(Graphics2D g, String text, int width, int height, double heightShare) {
        float size = Math.max(10, width / 14f);
        g.setFont(Fonts.bold(size));
        outlined(g, SceneRenderer.wrap(text, g.getFontMetrics(), (int) (width * 0.86)), width, (int) (height * heightShare),
                new Color(0, 0, 0, 200), Math.max(2, size / 7));
    }

    /** One phrase, large, heavy-outlined, shrunk until its longest word fits the frame. */
    private static void bold(Graphics2D g, String phrase, int width, int height) {
        float size = Math.max(12, width / 9f);
        int maxWidth = (int) (width * 0.88);
        FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
        for (String word : phrase.split(" ")) {
            while (metrics.stringWidth(word) > maxWidth && size > 8) {
                size *= 0.9f;
                metrics = g.getFontMetrics(Fonts.bold(size));
            }
        }
        g.setFont(metrics.getFont());
        outlined(g, SceneRenderer.wrap(phrase, metrics, maxWidth), width, (int) (height * BOLD_CENTRE), OUTLINE, Math.max(3, size * 0.22f));
    }

    private static void outlined(Graphics2D g, List<String> lines, int width, int centreY, Color outline, float stroke) {
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
        double elapsed = (timeMs - caption.startMs()) / (double) Math.max(1, caption.endMs() - caption.startMs()) * letters;
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
