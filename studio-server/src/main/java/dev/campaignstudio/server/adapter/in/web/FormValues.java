package dev.campaignstudio.server.adapter.in.web;

import java.math.BigDecimal;

/** Turns form text into the JSON values a job request holds; text that is not a number stays text, for the reader to refuse. */
final class FormValues {

    private FormValues() {}

    /** An integer or decimal when {@code text} spells one, else the trimmed text. */
    static Object number(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.matches("-?\\d{1,9}")) {
                return Integer.parseInt(trimmed);
            }
            if (trimmed.matches("-?\\d*\\.\\d+|-?\\d+\\.\\d*")) {
                return new BigDecimal(trimmed);
            }
        } catch (NumberFormatException ignored) {
            // left as text
        }
        return trimmed;
    }
}
