package dev.campaignstudio.server.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named callers, {@code studio.clients.<name>.*}, and the default rate limit (docs/operations.md, "Callers and scopes").
 *
 * @param clients the named callers by name
 * @param limits  rate limit and backpressure
 */
@ConfigurationProperties("studio")
public record ClientProperties(Map<String, Client> clients, Limits limits) {

    public ClientProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        limits = limits == null ? new Limits(0, 0, 0) : limits;
    }

    /**
     * One named caller.
     *
     * @param tokenSha256       hex SHA-256 of its bearer token (the token itself is never configured in a file)
     * @param token             its token, for a value given through the environment ({@code STUDIO_CLIENTS_<NAME>_TOKEN})
     * @param scopes            {@code jobs:write}, {@code jobs:read}, {@code assets:read}, {@code admin}
     * @param callbackPrefixes  URL prefixes its callbacks may go to; none: it may not ask for callbacks
     * @param requestsPerMinute its rate limit; 0: {@code studio.limits.requests-per-minute}
     */
    public record Client(
            String tokenSha256,
            String token,
            List<String> scopes,
            List<String> callbackPrefixes,
            long requestsPerMinute) {
        public Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            callbackPrefixes = callbackPrefixes == null ? List.of() : List.copyOf(callbackPrefixes);
        }
    }

    /**
     * Limits on what callers may ask for.
     *
     * @param requestsPerMinute default rate limit per caller on {@code /v1/**}; 0 for none
     * @param burst             requests a caller may make at once above its rate; 0: one minute's worth
     * @param maxReadySteps     refuse new jobs while a queue has more steps ready than this; 0 for no limit
     */
    public record Limits(long requestsPerMinute, long burst, long maxReadySteps) {}
}
