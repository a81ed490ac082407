package dev.campaignstudio.server.adapter.in.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Range} header (RFC 9110, section 14) against a representation's size: one byte range is served as a
 * part; a header in another unit, or naming several ranges, is ignored (the whole is served, as the RFC allows); a
 * byte range that is malformed or starts past the end cannot be satisfied.
 */
final class ByteRanges {

    private static final Pattern ONE = Pattern.compile("bytes=\\s*([0-9]{0,18})\\s*-\\s*([0-9]{0,18})\\s*");

    private ByteRanges() {}

    /** What a range header asks of a representation of {@code size} bytes. */
    static Request parse(String header, long size) {
        if (header == null || header.isBlank() || !header.trim().regionMatches(true, 0, "bytes=", 0, 6)) {
            return Request.WHOLE;
        }
        String spec = header.trim();
        if (spec.indexOf(',') >= 0) {
            return Request.WHOLE;
        }
        Matcher m = ONE.matcher("bytes=" + spec.substring(6));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Request.UNSATISFIABLE;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return Request.UNSATISFIABLE;
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(m.group(1));
        if (first >= size) {
            return Request.UNSATISFIABLE;
        }
        if (m.group(2).isEmpty()) {
            return new Part(first, size - 1);
        }
        long last = Long.parseLong(m.group(2));
        if (last < first) {
            return Request.UNSATISFIABLE;
        }
        return new Part(first, Math.min(last, size - 1));
    }

    /** What a request asks for. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
        Request WHOLE = new Whole();
        Request UNSATISFIABLE = new Unsatisfiable();
    }

    /** The whole representation. */
    record Whole() implements Request {}

    /**
     * Bytes {@code first} to {@code last}, both included.
     *
     * @param first 0-based first byte
     * @param last  0-based last byte, within the representation
     */
    record Part(long first, long last) implements Request {
        long length() {
            return last - first + 1;
        }

        String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** A range that cannot be served: answered 416. */
    record Unsatisfiable() implements Request {}
}
