package dev.campaignstudio.core.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Shape checks for URLs a client hands us. Address checks (private ranges, redirects) happen at fetch time. */
public final class WebUrl {

    private WebUrl() {}

    /** True for an absolute http or https URL with a host and without user info. */
    public static boolean isAllowed(String text) {
        return problem(text).isEmpty();
    }

    /** Why {@code text} is not an acceptable URL, if it is not. */
    public static Optional<String> problem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("must be a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must use the http or https scheme");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user credentials");
        }
        return Optional.empty();
    }
}
