package dev.campaignstudio.providers.http;

import dev.campaignstudio.core.callback.SendResult;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.port.out.OutboundGuard;
import dev.campaignstudio.core.port.out.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Outbound HTTP under the rules of DESIGN section 11: http(s) only; every address a host resolves to is judged by
 * {@link AddressRules} inside the connection's own DNS lookup, so the address checked is the address connected to
 * (no second lookup to rebind); redirects are followed by hand, at most three, each target checked again; connect and
 * read times and the response size are capped.
 */
public final class GuardedHttpClient implements WebhookSender, OutboundGuard, AutoCloseable {

    /** Redirects followed at most. */
    public static final int MAX_REDIRECTS = 3;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final AddressRules rules;
    private final CloseableHttpClient client;

    public GuardedHttpClient(AddressRules rules, Duration connectTimeout, Duration readTimeout) {
        this.rules = rules;
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
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    @Override
    public Optional<String> refusal(URI url) {
        Optional<String> scheme = schemeProblem(url);
        if (scheme.isPresent()) {
            return scheme;
        }
        try {
            new GuardedResolver(rules).resolve(url.getHost());
            return Optional.empty();
        } catch (RefusedAddressException refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException unknown) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
    }

    @Override
    public SendResult post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        URI target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> scheme = schemeProblem(target);
            if (scheme.isPresent()) {
                return new SendResult.Refused(hop == 0 ? scheme.get() : "a redirect to " + redact(target) + " was refused: " + scheme.get());
            }
            ClassicRequestBuilder builder = ClassicRequestBuilder.post(target).setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    builder.addHeader(name, value);
                }
            });
            ClassicHttpRequest request = builder.build();
            try {
                Answer answer = client.execute(request, response -> {
                    drain(response.getEntity() == null ? null : response.getEntity().getContent());
                    Header location = response.getFirstHeader("Location");
                    return new Answer(response.getCode(), location == null ? null : location.getValue());
                });
                if (answer.status() >= 300 && answer.status() < 400 && answer.location() != null) {
                    if (hop == MAX_REDIRECTS) {
                        return new SendResult.Refused("more than " + MAX_REDIRECTS + " redirects");
                    }
                    target = target.resolve(answer.location());
                    continue;
                }
                return new SendResult.Answered(answer.status(), elapsed(started));
            } catch (RefusedAddressException refused) {
                return new SendResult.Refused(hop == 0 ? refused.getMessage() : "a redirect to " + redact(target) + " was refused: " + refused.getMessage());
            } catch (IllegalArgumentException badLocation) {
                return new SendResult.Refused("a redirect had an invalid location");
            } catch (IOException failed) {
                return new SendResult.Unreachable(describe(failed), elapsed(started));
            }
        }
        return new SendResult.Refused("more than " + MAX_REDIRECTS + " redirects");
    }

    @Override
    public void close() throws IOException {
        client.close();
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
            return "timed out";
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

    private record Answer(int status, String location) {
    }

    /** Resolves with the system resolver, then refuses the lot if any address breaks the rules. */
    private static final class GuardedResolver implements DnsResolver {

        private final AddressRules rules;

        GuardedResolver(AddressRules rules) {
            this.rules = rules;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                Optional<String> refusal = rules.refusal(address);
                if (refusal.isPresent()) {
                    throw new RefusedAddressException(host + " resolves to " + refusal.get() + ", which outbound requests may not reach");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** A host that resolves to an address the outbound rules refuse. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
