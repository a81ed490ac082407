package dev.campaignstudio.server.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named caller of the API: what it may do, where its callbacks may go and how fast it may call.
 *
 * @param name              owner of what it submits; letters, digits, {@code -} and {@code _}, at most 64
 * @param scopes            what it may do; {@link ApiScope#ADMIN} implies the others and sees every caller's work
 * @param callbackPrefixes  URL prefixes its callbacks may use; {@code null} means any (the single-token default)
 * @param requestsPerMinute its rate limit; 0 for none
 */
public record ApiCaller(String name, Set<ApiScope> scopes, List<String> callbackPrefixes, long requestsPerMinute) {

    public ApiCaller {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a caller's name has 1 to 64 letters, digits, '-' or '_': " + name);
        }
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        callbackPrefixes = callbackPrefixes == null ? null : List.copyOf(callbackPrefixes);
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requests-per-minute must not be negative");
        }
    }

    /** Whether it may do what {@code scope} allows. */
    public boolean may(ApiScope scope) {
        return scopes.contains(ApiScope.ADMIN) || scopes.contains(scope);
    }

    /** Whether it sees every caller's jobs and assets. */
    public boolean isAdmin() {
        return scopes.contains(ApiScope.ADMIN);
    }

    /** The owner whose work it sees, or {@code null} when it sees everyone's (an admin). */
    public String viewer() {
        return isAdmin() ? null : name;
    }

    /** Whether its callbacks may go to {@code url}: a configured prefix starts it (any URL without a list). */
    public boolean allowsCallback(String url) {
        return callbackPrefixes == null || callbackPrefixes.stream().anyMatch(url::startsWith);
    }
}
