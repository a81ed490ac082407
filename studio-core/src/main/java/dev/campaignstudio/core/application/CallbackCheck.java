package dev.campaignstudio.core.application;

import dev.campaignstudio.core.contract.Callback;
import dev.campaignstudio.core.contract.Violations;
import dev.campaignstudio.core.port.out.CallbackSecrets;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.net.URI;

/**
 * Checks a job's callback when it is submitted: its secret is configured and its URL passes the outbound rules. A host
 * that does not resolve yet is accepted; each delivery judges the URL again.
 */
public final class CallbackCheck {

    private final CallbackSecrets secrets;
    private final OutboundGuard guard;

    public CallbackCheck(CallbackSecrets secrets, OutboundGuard guard) {
        this.secrets = secrets;
        this.guard = guard;
    }

    /** Records a violation for each problem of {@code callback} (nothing when it is {@code null}). */
    public void check(Callback callback, Violations violations) {
        if (callback == null) {
            return;
        }
        if (secrets.key(callback.effectiveSecretRef()).isEmpty()) {
            if (callback.secretRef() == null) {
                violations.add(
                        "/callback",
                        "NOT_CONFIGURED",
                        "no default callback secret is configured (studio.callbacks.secrets.default); name one with secret_ref");
            } else {
                violations.add(
                        "/callback/secret_ref",
                        "NOT_FOUND",
                        "no callback secret is configured under '" + callback.secretRef() + "'");
            }
        }
        // a host that does not resolve yet is let through, as a photo's is: every delivery judges it again, and a
        // refusal here says nothing of how a host resolves (docs/callbacks.md)
        if (guard.judge(URI.create(callback.url())) == OutboundGuard.Verdict.NOT_ALLOWED) {
            violations.add("/callback/url", "NOT_ALLOWED", OutboundGuard.NOT_ALLOWED);
        }
    }
}
