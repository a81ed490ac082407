package dev.campaignstudio.providers.http;

import dev.campaignstudio.core.callback.SendResult;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.port.out.OutboundGuard;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.core.port.out.WebhookSender;
import dev.campaignstudio.providers.http.GuardedResolver.RefusedAddressException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Outbound HTTP under the rules of docs/operations.md ("Outbound rules"): http(s) only; every address a host
 * resolves to is judged by
 * {@link AddressRules} inside the connection's own DNS lookup, so the address checked is the address connected to
 * (no second lookup to rebind); redirects are followed by hand, at most three, each target checked again; connect and
 * read times and the response size are capped, and a {@link #get GET} is cut off at its deadline.
 */
public final class GuardedHttpClient implements WebhookSender, OutboundGuard, WebFetcher, AutoCloseable {

    /** Redirects followed at most. */
    public static final int MAX_REDIRECTS = 3;

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    /** The largest body a {@link #get} can hold: one array. */
    private static final long MAX_FETCH_BYTES = Integer.MAX_VALUE - 16;

    private static final String TIMED_OUT = "timed out";

    private final AddressRules rules;
    private final Duration readTimeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService alarms = alarmClock();

    public GuardedHttpClient(AddressRules rules, Duration connectTimeout, Duration readTimeout) {
        this.rules = rules;
        this.readTimeout = readTimeout;
        DnsResolver guarded = new GuardedResolver(rules);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    @Override
    public Verdict judge(URI url) {
        if (schemeProblem(url).isPresent()) {
            return Verdict.NOT_ALLOWED;
        }
        try {
            new GuardedResolver(rules).resolve(url.getHost());
            return Verdict.ALLOWED;
        } catch (RefusedAddressException refused) {
            return Verdict.NOT_ALLOWED;
        } catch (UnknownHostException unknown) {
            return Verdict.UNRESOLVED;
        }
    }

    @Override
    public SendResult post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        return follow(
                url,
                target -> client.execute(postRequest(target, headers, body), response -> {
                    drain(
                            response.getEntity() == null
                                    ? null
                                    : response.getEntity().getContent());
                    String location = redirectLocation(response);
                    return location != null
                            ? Hop.redirect(location)
                            : Hop.answer(new SendResult.Answered(response.getCode(), elapsed(started)));
                }),
                SendResult.Refused::new,
                failed -> new SendResult.Unreachable(describe(failed), elapsed(started)));
    }

    @Override
    public Fetch get(URI url, String accept, long maxBytes, Duration deadline) {
        return fetch(url, accept, maxBytes, deadline, GuardedHttpClient::inMemory);
    }

    /** As {@link #get}, the body streamed into {@code file} as it arrives. */
    @Override
    public Fetch download(URI url, String accept, long maxBytes, Duration deadline, Path file) {
        Objects.requireNonNull(file, "file");
        return fetch(url, accept, maxBytes, deadline, (target, contentType, in, max, clock) -> {
            long written;
            try (OutputStream out = Files.newOutputStream(file)) {
                written = copyAtMost(in, out, max, clock);
            } catch (java.nio.file.FileSystemException local) {
                return new Fetch.Unreachable("the local file could not be written", false);
            }
            return written < 0 ? new Fetch.TooLarge(max) : new Fetch.Saved(target, contentType, file, written);
        });
    }

    private Fetch fetch(URI url, String accept, long maxBytes, Duration deadline, BodyReader reader) {
        Objects.requireNonNull(url, "url");
        if (maxBytes < 0 || maxBytes > MAX_FETCH_BYTES) {
            throw new IllegalArgumentException(
                    "maxBytes must be between 0 and " + MAX_FETCH_BYTES + ", was " + maxBytes);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, was " + deadline);
        }
        Deadline clock = Deadline.after(deadline);
        return follow(
                url,
                target -> getOnce(target, accept, maxBytes, clock, reader),
                Fetch.Refused::new,
                failed -> clock.passed() || describe(failed).equals(TIMED_OUT)
                        ? new Fetch.Unreachable(TIMED_OUT, true)
                        : new Fetch.Unreachable(describe(failed), false));
    }

    @Override
    public void close() throws IOException {
        alarms.shutdownNow();
        client.close();
    }

    /**
     * Sends {@code leg} to {@code url} and then to each redirect target it answers, at most {@link #MAX_REDIRECTS},
     * each judged by scheme here and by address in the resolver before anything is sent.
     */
    private static <R> R follow(URI url, Leg<R> leg, Function<String, R> refused, Function<IOException, R> failed) {
        URI target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> scheme = schemeProblem(target);
            if (scheme.isPresent()) {
                return refused.apply(refusalAt(hop, target, scheme.get()));
            }
            try {
                Hop<R> hopped = leg.send(target);
                if (hopped.location() == null) {
                    return hopped.answer();
                }
                if (hop == MAX_REDIRECTS) {
                    break;
                }
                target = target.resolve(hopped.location());
            } catch (RefusedAddressException refusedAddress) {
                return refused.apply(refusalAt(hop, target, refusedAddress.getMessage()));
            } catch (IllegalArgumentException badLocation) {
                return refused.apply("a redirect had an invalid location");
            } catch (IOException failure) {
                return failed.apply(failure);
            }
        }
        return refused.apply("more than " + MAX_REDIRECTS + " redirects");
    }

    private static String refusalAt(int hop, URI target, String reason) {
        return hop == 0 ? reason : "a redirect to " + redact(target) + " was refused: " + reason;
    }

    private static ClassicHttpRequest postRequest(URI target, Map<String, String> headers, byte[] body) {
        ClassicRequestBuilder builder =
                ClassicRequestBuilder.post(target).setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                builder.addHeader(name, value);
            }
        });
        return builder.build();
    }

    /** One GET, cut off when the deadline passes whatever it is waiting for (connection, headers or body). */
    private Hop<Fetch> getOnce(URI target, String accept, long maxBytes, Deadline deadline, BodyReader reader)
            throws IOException {
        if (deadline.passed()) {
            throw new SocketTimeoutException("the deadline passed between redirects");
        }
        HttpGet request = new HttpGet(target);
        if (accept != null) {
            request.setHeader(HttpHeaders.ACCEPT, accept);
        }
        long socketMillis =
                Math.max(1, Math.min(readTimeout.toMillis(), TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(socketMillis))
                .build());
        ScheduledFuture<?> alarm = alarms.schedule(request::cancel, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            try {
                return readAnswer(target, response, maxBytes, deadline, reader);
            } finally {
                cutOff(request, response);
            }
        } finally {
            alarm.cancel(false);
        }
    }

    private static Hop<Fetch> readAnswer(
            URI target, ClassicHttpResponse response, long maxBytes, Deadline deadline, BodyReader reader)
            throws IOException {
        String location = redirectLocation(response);
        if (location != null) {
            return Hop.redirect(location);
        }
        if (response.getCode() < 200 || response.getCode() > 299) {
            return Hop.answer(new Fetch.Status(response.getCode()));
        }
        Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        String contentType = type == null ? null : type.getValue();
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.getContentLength() > maxBytes) {
            return Hop.answer(new Fetch.TooLarge(maxBytes));
        }
        InputStream body = entity == null ? null : entity.getContent();
        return Hop.answer(reader.read(target, contentType, body, maxBytes, deadline));
    }

    /** What a 2xx body becomes: bytes in memory, or a file. */
    @FunctionalInterface
    private interface BodyReader {
        Fetch read(URI target, String contentType, InputStream in, long maxBytes, Deadline deadline) throws IOException;
    }

    private static Fetch inMemory(URI target, String contentType, InputStream in, long maxBytes, Deadline deadline)
            throws IOException {
        byte[] body = readAtMost(in, maxBytes, deadline);
        return body == null ? new Fetch.TooLarge(maxBytes) : new Fetch.Fetched(target, contentType, body);
    }

    /** Copies the body to {@code out}; returns its length, or -1 once it runs past {@code maxBytes}. */
    private static long copyAtMost(InputStream in, OutputStream out, long maxBytes, Deadline deadline)
            throws IOException {
        if (in == null) {
            return 0;
        }
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) != -1) {
            total += n;
            if (total > maxBytes) {
                return -1;
            }
            out.write(buffer, 0, n);
            if (deadline.passed()) {
                throw new SocketTimeoutException("the deadline passed while reading the body");
            }
        }
        return total;
    }

    /**
     * Ends an exchange without draining it: a body read to its end has already handed the connection back to the pool;
     * anything left unread (a redirect's or an error's body, a body past the cap) goes with the connection.
     */
    private static void cutOff(HttpGet request, ClassicHttpResponse response) {
        request.cancel();
        CloseableHttpResponse.adapt(response).close(CloseMode.IMMEDIATE);
    }

    /** The body, or {@code null} once it runs past {@code maxBytes} (reading stops at {@code maxBytes + 1}). */
    private static byte[] readAtMost(InputStream in, long maxBytes, Deadline deadline) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(maxBytes + 1, 64 * 1024));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) != -1) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            body.write(buffer, 0, n);
            if (deadline.passed()) {
                throw new SocketTimeoutException("the deadline passed while reading the body");
            }
        }
        return body.toByteArray();
    }

    /** The {@code Location} of a 3xx answer, or {@code null} when the answer is not a redirect to follow. */
    private static String redirectLocation(ClassicHttpResponse response) {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        return response.getCode() >= 300 && response.getCode() < 400 && location != null ? location.getValue() : null;
    }

    private static Optional<String> schemeProblem(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs may be reached");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("the URL names no host");
        }
        return Optional.empty();
    }

    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buffer = new byte[8192];
            int total = 0;
            int n;
            while (total < MAX_RESPONSE_BYTES && (n = in.read(buffer)) != -1) {
                total += n;
            }
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Scheme, host and port only: paths and queries may carry tokens. */
    private static String redact(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String describe(IOException failure) {
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof java.net.SocketTimeoutException || kind.contains("Timeout")) {
            return TIMED_OUT;
        }
        if (failure instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (failure instanceof UnknownHostException) {
            return "the host does not resolve";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS failed";
        }
        return "request failed (" + kind + ")";
    }

    /** A daemon thread that cuts off GETs at their deadlines. */
    private static ScheduledExecutorService alarmClock() {
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "guarded-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        clock.setRemoveOnCancelPolicy(true);
        return clock;
    }

    /** One request of a redirect chain. */
    @FunctionalInterface
    private interface Leg<R> {
        Hop<R> send(URI target) throws IOException;
    }

    /** What one request came to: a {@code location} to follow, or else the {@code answer}. */
    private record Hop<R>(String location, R answer) {
        static <R> Hop<R> redirect(String location) {
            return new Hop<>(location, null);
        }

        static <R> Hop<R> answer(R answer) {
            return new Hop<>(null, answer);
        }
    }

    /** When a whole exchange must be over. */
    private record Deadline(long endNanos) {
        static Deadline after(Duration allowed) {
            return new Deadline(System.nanoTime() + allowed.toNanos());
        }

        long remainingNanos() {
            return endNanos - System.nanoTime();
        }

        boolean passed() {
            return remainingNanos() <= 0;
        }
    }
}
