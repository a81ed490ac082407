package dev.campaignstudio.core.application;

import dev.campaignstudio.core.contract.Callback;
import dev.campaignstudio.core.contract.Violations;
import dev.campaignstudio.core.port.out.CallbackSecrets;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.net.URI;

/** Checks a job's callback when it is submitted: its secret is configured and its URL passes the outbound rules. */
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
        OutboundGuard.Verdict verdict = guard.judge(URI.create(callback.url()));
        if (verdict == OutboundGuard.Verdict.NOT_ALLOWED) {
            violations.add("/callback/url", "NOT_ALLOWED", OutboundGuard.NOT_ALLOWED);
        } else if (verdict == OutboundGuard.Verdict.UNRESOLVED) {
            violations.add("/callback/url", "NOT_ALLOWED", "the host does not resolve");
        }
    }
}
