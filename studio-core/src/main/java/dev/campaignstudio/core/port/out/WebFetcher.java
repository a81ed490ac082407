package dev.campaignstudio.core.port.out;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * GETs a resource under the outbound rules of docs/operations.md ("Outbound rules"): http(s) only, every address
 * checked and pinned,
 * redirects (at most three) re-checked, the body capped in size and the whole exchange in time.
 */
public interface WebFetcher {

    /**
     * Fetches {@code url}.
     *
     * @param url      where
     * @param accept   the {@code Accept} header to send
     * @param maxBytes the largest body accepted; a longer one is abandoned as {@link Fetch.TooLarge}
     * @param deadline the longest the whole exchange (redirects and body included) may take
     * @return the body, or why there is none; never throws for network trouble
     */
    Fetch get(URI url, String accept, long maxBytes, Duration deadline);

    /**
     * Fetches {@code url} into a local file, under the same rules as {@link #get}, the body streamed to disk as it
     * arrives (a provider's video), never held whole in memory. This default reads the body into memory first; the
     * service's fetcher overrides it to stream.
     *
     * @param target an existing local file the body is written over; whatever the answer, the caller deletes it when
     *               done (after anything but {@link Fetch.Saved} its content means nothing)
     * @return {@link Fetch.Saved} with the body in {@code target}, or why there is none; never throws for network
     *         trouble or a local file that cannot be written (that is {@link Fetch.Unreachable})
     */
    default Fetch download(URI url, String accept, long maxBytes, Duration deadline, Path target) {
        Fetch fetch = get(url, accept, maxBytes, deadline);
        if (!(fetch instanceof Fetch.Fetched fetched)) {
            return fetch;
        }
        try {
            Files.write(target, fetched.body());
        } catch (IOException e) {
            return new Fetch.Unreachable("the local file could not be written", false);
        }
        return new Fetch.Saved(fetched.finalUrl(), fetched.contentType(), target, fetched.body().length);
    }

    /** What a fetch came to. Reasons never carry a URL's path or query (they may hold tokens). */
    sealed interface Fetch {

        /**
         * A 2xx answer with its whole body.
         *
         * @param finalUrl    the URL that answered, after redirects
         * @param contentType the {@code Content-Type} header, or {@code null}
         * @param body        the body
         */
        record Fetched(URI finalUrl, String contentType, byte[] body) implements Fetch {
            public Fetched {
                Objects.requireNonNull(finalUrl, "finalUrl");
                Objects.requireNonNull(body, "body");
            }
        }

        /**
         * A 2xx answer whose body was written to a local file ({@link #download}).
         *
         * @param finalUrl    the URL that answered, after redirects
         * @param contentType the {@code Content-Type} header, or {@code null}
         * @param file        the file holding the body
         * @param bytes       the body's length
         */
        record Saved(URI finalUrl, String contentType, Path file, long bytes) implements Fetch {
            public Saved {
                Objects.requireNonNull(finalUrl, "finalUrl");
                Objects.requireNonNull(file, "file");
            }
        }

        /** An answer other than 2xx (after redirects). */
        record Status(int status) implements Fetch {}

        /** The body was longer than allowed (by its Content-Length or as read). */
        record TooLarge(long maxBytes) implements Fetch {}

        /** Not sent, or a redirect not followed, because the rules refuse it. */
        record Refused(String reason) implements Fetch {}

        /** No answer: connection refused, DNS failure, TLS failure or the deadline passed. */
        record Unreachable(String reason, boolean timedOut) implements Fetch {}
    }
}
