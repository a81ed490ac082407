package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepStopped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls to one provider, with the resilience a remote dependency needs: connect and read timeouts, bounded concurrency,
 * retries with exponential backoff and full jitter for timeouts, 429 (honouring {@code Retry-After}) and 5xx, and a
 * circuit breaker that fails fast while the provider keeps failing. What is left is mapped to the step error codes
 * (docs/providers.md, "Resilience and errors"), so the engine's retry policy decides the rest:
 * {@code PROVIDER_TIMEOUT}, {@code PROVIDER_UNAUTHORIZED} (401 or 403: the key was refused),
 * {@code PROVIDER_RATE_LIMITED} (with the wait asked for) and {@code PROVIDER_ERROR} (retryable for 5xx and network
 * failures, not for other 4xx). Messages name the provider, the operation and the status, never a key or header.
 * Each call is noted in {@link ProviderCalls} with its latency and attempts.
 */
public final class ProviderClient {

    private final ProviderSettings settings;
    private final Auth auth;
    private final HttpClient http;
    private final Semaphore slots;
    private final Clock clock;
    private final Sleeper sleeper;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialRunning;

    /** Waits between tries; tests make it instant. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How a provider takes its key: the header and what goes before the key in it.
     *
     * @param header e.g. {@code Authorization}
     * @param prefix e.g. {@code Bearer }, or empty
     */
    public record Auth(String header, String prefix) {
        /** {@code Authorization: Bearer <key>} (OpenAI, Replicate). */
        public static final Auth BEARER = new Auth("Authorization", "Bearer ");
    }

    /** Waits between tries on the running step's cancellation signal, so a stopped step does not sit out a backoff. */
    public ProviderClient(ProviderSettings settings) {
        this(settings, Auth.BEARER);
    }

    /** As {@link #ProviderClient(ProviderSettings)}, sending the key as {@code auth} says. */
    public ProviderClient(ProviderSettings settings, Auth auth) {
        this(settings, Clock.systemUTC(), d -> CancellationSignal.current().sleep(d), auth);
    }

    public ProviderClient(ProviderSettings settings, Clock clock, Sleeper sleeper) {
        this(settings, clock, sleeper, Auth.BEARER);
    }

    /**
     * @param auth how the key is sent, for providers that do not take a bearer token
     */
    public ProviderClient(ProviderSettings settings, Clock clock, Sleeper sleeper, Auth auth) {
        this.auth = auth;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.slots = new Semaphore(settings.maxConcurrency(), true);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ProviderSettings settings() {
        return settings;
    }

    /**
     * Adds what the provider's answer said to the call just made on this thread (ProviderCalls.report): the version that
     * ran, the seed sent, the usage, and its cost at this provider's prices for {@code capability}.
     */
    void report(String capability, String version, Long seed, Map<String, Number> usage) {
        ProviderCalls.report(version, seed, usage, settings.cost(capability, usage));
    }

    /** A request to {@code path} under the base URL, with the key and the read timeout set. */
    public HttpRequest.Builder request(String path) {
        URI uri = resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
        if (settings.apiKey() != null && !settings.apiKey().isBlank() && sameOrigin(uri)) {
            builder.header(auth.header(), auth.prefix() + settings.apiKey());
        }
        return builder;
    }

    /**
     * {@code path} (starting with {@code /}) under the base URL.
     *
     * @throws IllegalArgumentException for anything else, e.g. a provider-given URL on another host
     */
    public URI resolve(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException(settings.name() + ": not a path under the configured base URL");
        }
        String base = settings.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        if (!sameOrigin(uri)) {
            throw new IllegalArgumentException(settings.name() + ": not a path under the configured base URL");
        }
        return uri;
    }

    private boolean sameOrigin(URI uri) {
        URI base = settings.baseUrl();
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost() != null
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort()
                && uri.getRawUserInfo() == null;
    }

    /**
     * Sends a request, retrying as the settings allow, and returns the successful (2xx) response body.
     *
     * @param operation what the call does, for errors and the call log, e.g. {@code images/edits}
     * @param model     the model asked for, for the call log
     * @param request   builds the request anew for each try (bodies are not reusable)
     * @throws StepFault mapped as described on the class
     */
    public byte[] send(String operation, String model, Function<Integer, HttpRequest> request) throws StepFault {
        return send(operation, model, true, request);
    }

    /**
     * As {@link #send(String, String, Function)}; a call that is not {@code idempotent} (it creates something the provider
     * bills for) is tried again only when the provider surely did not take it: a 429, or no connection at all, not after a
     * timeout or a 5xx.
     */
    public byte[] send(String operation, String model, boolean idempotent, Function<Integer, HttpRequest> request)
            throws StepFault {
        Instant started = clock.instant();
        int attempts = 0;
        String outcome = "ok";
        boolean trial = false;
        try {
            trial = admit(operation);
            acquire(operation);
            try {
                while (true) {
                    attempts++;
                    HttpRequest built;
                    try {
                        built = request.apply(attempts);
                    } catch (IllegalArgumentException invalid) {
                        throw StepFault.permanent(
                                "PROVIDER_ERROR",
                                settings.name() + " " + operation + ": the request could not be built");
                    }
                    Attempt attempt = once(built);
                    if (attempt.body != null) {
                        closeCircuit();
                        return attempt.body;
                    }
                    boolean last = attempts >= settings.maxAttempts();
                    boolean safe = idempotent || attempt.notTaken;
                    Duration wait = attempt.retryAfter != null ? attempt.retryAfter : backoff(attempts);
                    if (!attempt.fault.retryable()
                            || !safe
                            || last
                            || circuitOpen()
                            || (attempt.retryAfter != null
                                    && attempt.retryAfter.compareTo(settings.maxRetryAfter()) > 0)) {
                        if (attempt.countsAgainstCircuit) {
                            failed();
                        }
                        throw attempt.fault;
                    }
                    sleep(wait);
                }
            } finally {
                slots.release();
            }
        } catch (StepFault fault) {
            outcome = fault.code();
            throw fault;
        } catch (StepStopped stopped) {
            outcome = "STOPPED";
            throw stopped;
        } catch (RuntimeException unexpected) {
            outcome = "INTERNAL";
            throw unexpected;
        } finally {
            if (trial) {
                endTrial();
            }
            ProviderCalls.record(new ProviderCalls.Call(
                    settings.name(),
                    model,
                    operation,
                    Duration.between(started, clock.instant()).toMillis(),
                    attempts,
                    outcome,
                    null));
        }
    }

    private record Attempt(
            byte[] body, StepFault fault, Duration retryAfter, boolean countsAgainstCircuit, boolean notTaken) {
        Attempt(byte[] body, StepFault fault, Duration retryAfter, boolean countsAgainstCircuit) {
            this(body, fault, retryAfter, countsAgainstCircuit, false);
        }
    }

    private Attempt once(HttpRequest request) throws StepFault {
        String what =
                settings.name() + " " + request.method() + " " + request.uri().getPath();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(response.body(), null, null, false);
            }
            if (status == 429) {
                Duration after =
                        retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                return new Attempt(
                        null,
                        new StepFault("PROVIDER_RATE_LIMITED", what + " answered 429 (rate limited)", true, after),
                        after,
                        false,
                        true);
            }
            String detail = ProviderErrors.detail(response.body(), settings.apiKey());
            if (status >= 500) {
                return new Attempt(
                        null,
                        StepFault.transientFault("PROVIDER_ERROR", what + " answered " + status + detail),
                        null,
                        true);
            }
            if (status == 401 || status == 403) {
                // the operator's to mend, not the request's: its own code, so an alert can tell it from a bad input
                return new Attempt(
                        null,
                        StepFault.permanent(
                                "PROVIDER_UNAUTHORIZED",
                                what + " answered " + status + ": the API key was refused (check " + settings.name()
                                        + "'s key, docs/providers.md)" + detail),
                        null,
                        false);
            }
            return new Attempt(
                    null, StepFault.permanent("PROVIDER_ERROR", what + " answered " + status + detail), null, false);
        } catch (HttpTimeoutException e) {
            return new Attempt(
                    null,
                    StepFault.transientFault(
                            "PROVIDER_TIMEOUT",
                            what + " did not answer within "
                                    + settings.readTimeout().toMillis() + " ms"),
                    null,
                    true);
        } catch (java.net.ConnectException e) {
            return new Attempt(
                    null,
                    StepFault.transientFault("PROVIDER_ERROR", what + " failed: no connection"),
                    null,
                    true,
                    true);
        } catch (IOException e) {
            return new Attempt(
                    null,
                    StepFault.transientFault(
                            "PROVIDER_ERROR", what + " failed: " + e.getClass().getSimpleName()),
                    null,
                    true);
        } catch (IllegalArgumentException e) {
            // the JDK names an invalid header value in its message: never pass it on
            return new Attempt(
                    null,
                    StepFault.permanent("PROVIDER_ERROR", what + ": the request was refused by the HTTP client"),
                    null,
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepFault.permanent("STOPPED", what + " was interrupted");
        }
    }

    /**
     * Lets a call through unless the circuit is open; once its cooldown has passed, one call at a time goes through as
     * the trial (half-open) while the others keep failing fast, until a call succeeds.
     *
     * @return whether this call is the trial
     */
    private synchronized boolean admit(String operation) throws StepFault {
        Instant now = clock.instant();
        boolean tripped = consecutiveFailures >= settings.breakerFailures();
        if (!tripped) {
            return false;
        }
        if (now.isBefore(openUntil) || trialRunning) {
            Duration wait = now.isBefore(openUntil) ? Duration.between(now, openUntil) : Duration.ofSeconds(1);
            throw new StepFault(
                    "PROVIDER_ERROR",
                    settings.name() + " has failed " + consecutiveFailures + " calls in a row; not calling " + operation
                            + " until it has rested",
                    true,
                    wait);
        }
        trialRunning = true;
        return true;
    }

    private synchronized void endTrial() {
        trialRunning = false;
    }

    private synchronized void failed() {
        consecutiveFailures++;
        if (consecutiveFailures >= settings.breakerFailures()) {
            openUntil = clock.instant().plus(settings.breakerCooldown());
        }
    }

    private synchronized void closeCircuit() {
        consecutiveFailures = 0;
        openUntil = Instant.MIN;
    }

    /**
     * Whether the provider answers at all: a GET of {@code path} with a short timeout. Any HTTP answer counts (the
     * status is reported); no answer is unreachable. Not noted as a call.
     *
     * @return the HTTP status, or a short reason why there was none
     */
    public String probe(String path) {
        try {
            HttpResponse<Void> response = http.send(
                    request(path).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return "HTTP " + response.statusCode();
        } catch (HttpTimeoutException e) {
            return "no answer within 5 s";
        } catch (IllegalArgumentException e) {
            return "request refused by the HTTP client (check the base URL and key)";
        } catch (IOException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Whether the circuit is open now (calls fail fast). */
    public synchronized boolean circuitOpen() {
        return clock.instant().isBefore(openUntil);
    }

    private void acquire(String operation) throws StepFault {
        try {
            if (!slots.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StepFault(
                        "PROVIDER_RATE_LIMITED",
                        settings.name() + " has " + settings.maxConcurrency() + " calls in flight; " + operation
                                + " waited too long for a slot",
                        true,
                        Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepFault.permanent("STOPPED", operation + " was interrupted");
        }
    }

    /** Waits before the next try; a step told to stop meanwhile stops here ({@link StepStopped}) instead of trying again. */
    private void sleep(Duration wait) throws StepFault {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepFault.permanent("STOPPED", settings.name() + " call was interrupted");
        }
        CancellationSignal.current().checkpoint();
    }

    /** Exponential backoff with jitter: a random wait between half and all of base x 2^(attempt-1). */
    private Duration backoff(int attempt) {
        long cap = settings.backoff().toMillis() << Math.min(10, attempt - 1);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    /** A Retry-After header as seconds or an HTTP date; 1 s when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = java.time.ZonedDateTime.parse(
                                header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return Duration.ofSeconds(1);
            }
        }
    }
}
