package dev.campaignstudio.core.contract;

/**
 * Where lifecycle events of a job are POSTed.
 *
 * @param url       absolute http(s) URL
 * @param secretRef name of the signing secret in configuration; {@code null} means {@code default}
 */
public record Callback(String url, String secretRef) {

    public Callback {
        Require.text(url, "callback.url", Limits.URL_MAX);
        if (!WebUrl.isAllowed(url)) {
            throw new IllegalArgumentException("callback.url must be an absolute http(s) URL");
        }
        if (secretRef != null && !secretRef.matches(Limits.SECRET_REF_PATTERN)) {
            throw new IllegalArgumentException("callback.secret_ref has an invalid format");
        }
    }

    /** The secret reference to sign with. */
    public String effectiveSecretRef() {
        return secretRef == null ? "default" : secretRef;
    }
}
