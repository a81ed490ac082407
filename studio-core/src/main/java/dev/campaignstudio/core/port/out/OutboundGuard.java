package dev.campaignstudio.core.port.out;

import java.net.URI;

/** Checks, before anything is sent, whether an outbound URL may be reached under the outbound rules. */
public interface OutboundGuard {

    /** What callers are told of a destination the rules refuse: nothing about what its host resolves to. */
    String NOT_ALLOWED = "not allowed by the outbound rules";

    /**
     * Resolves the URL's host and judges every address it resolves to.
     *
     * @param url an absolute URL
     * @return whether the URL may be reached now; a host that does not resolve is {@link Verdict#UNRESOLVED}
     */
    Verdict judge(URI url);

    /** What the rules say of one URL. */
    enum Verdict {
        /** Every address the host resolves to may be reached. */
        ALLOWED,
        /** The scheme, or an address the host resolves to, is refused. */
        NOT_ALLOWED,
        /** The host does not resolve (now): nothing to judge. */
        UNRESOLVED
    }
}
