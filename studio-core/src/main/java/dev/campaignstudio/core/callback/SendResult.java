package dev.campaignstudio.core.callback;

/** What came of one HTTP request to a callback URL. */
public sealed interface SendResult {

    /** The receiver answered. */
    record Answered(int status, long latencyMs) implements SendResult {}

    /** No answer: connection refused, timeout, TLS failure. The message names the cause without secrets. */
    record Unreachable(String error, long latencyMs) implements SendResult {}

    /** Not sent: the URL (or a redirect) leads to an address the outbound rules refuse. */
    record Refused(String reason) implements SendResult {}
}
