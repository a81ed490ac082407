package dev.campaignstudio.server.config;

import java.util.Arrays;
import java.util.Optional;

/** What a caller may do on the API (docs/operations.md, "Callers and scopes"). */
public enum ApiScope {
    /** Submit, cancel, retry and delete jobs; upload photos; redeliver callbacks. */
    JOBS_WRITE("jobs:write"),
    /** Read jobs, their events, streams and deliveries. */
    JOBS_READ("jobs:read"),
    /** Download assets. */
    ASSETS_READ("assets:read"),
    /** Everything, on every caller's jobs and assets, plus metrics and the API description. */
    ADMIN("admin");

    private final String wire;

    ApiScope(String wire) {
        this.wire = wire;
    }

    /** The scope as configured, e.g. {@code jobs:write}. */
    public String wire() {
        return wire;
    }

    /** The Spring Security authority that stands for this scope. */
    public String authority() {
        return "SCOPE_" + wire;
    }

    /** The scope spelled {@code text}, if any. */
    public static Optional<ApiScope> of(String text) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(text.trim())).findFirst();
    }
}
