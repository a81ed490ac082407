package dev.campaignstudio.core.port.out;

import java.net.URI;
import java.util.Optional;

/** Checks, before anything is sent, whether an outbound URL may be reached under the outbound rules. */
public interface OutboundGuard {

    /**
     * Resolves the URL's host and judges every address it resolves to.
     *
     * @return why the URL may not be reached (scheme, unresolvable host, a refused address), or empty when it may
     */
    Optional<String> refusal(URI url);
}
