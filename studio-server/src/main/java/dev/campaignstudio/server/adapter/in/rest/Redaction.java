package dev.campaignstudio.server.adapter.in.rest;

import java.net.URI;

/** Shortens what clients sent before it is echoed: URLs lose their query (it may hold a token), long text is cut. */
final class Redaction {

    private Redaction() {}

    /** Scheme, host, port and path of a URL; the query and fragment are dropped. */
    static String url(String url) {
        try {
            URI uri = URI.create(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(unreadable URL)";
        }
    }

    /** At most 64 characters of {@code text}. */
    static String text(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
