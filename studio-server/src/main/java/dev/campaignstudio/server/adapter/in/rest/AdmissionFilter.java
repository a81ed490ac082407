package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiCaller;
import dev.campaignstudio.server.config.ClientProperties;
import dev.campaignstudio.server.engine.QueueBacklog;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits an authenticated request to {@code /v1/**} or answers 429 with {@code Retry-After}: each caller has a token
 * bucket (Bucket4j) of its requests per minute, and a new job is refused while a queue's ready backlog is deeper than
 * {@code studio.limits.max-ready-steps} (docs/operations.md, "Rate limits and backpressure").
 */
final class AdmissionFilter extends OncePerRequestFilter {

    /** How long a client is told to wait when the queues are full. */
    static final Duration BACKLOG_RETRY_AFTER = Duration.ofSeconds(10);

    private final ClientProperties.Limits limits;
    private final QueueBacklog backlog;
    private final TimeMeter time;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AdmissionFilter(ClientProperties.Limits limits, QueueBacklog backlog, TimeMeter time, ProblemResponses problems) {
        this.limits = limits;
        this.backlog = backlog;
        this.time = time;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCaller caller = Callers.current();
        if (caller.requestsPerMinute() > 0) {
            ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds =
                        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                refuse(
                        response,
                        seconds,
                        "RATE_LIMITED",
                        "this caller may make " + caller.requestsPerMinute() + " requests a minute; try again in "
                                + seconds + " s");
                return;
            }
        }
        if (limits.maxReadySteps() > 0
                && "POST".equals(request.getMethod())
                && "/v1/jobs".equals(request.getRequestURI())) {
            Optional<QueueBacklog.Depth> full = backlog.depths().stream()
                    .filter(depth -> depth.ready() > limits.maxReadySteps())
                    .findFirst();
            if (full.isPresent()) {
                refuse(
                        response,
                        BACKLOG_RETRY_AFTER.toSeconds(),
                        "QUEUE_FULL",
                        "the " + full.get().queue() + " queue has more than " + limits.maxReadySteps()
                                + " steps waiting; try again later");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Bucket bucket(ApiCaller caller) {
        return buckets.computeIfAbsent(caller.name(), name -> {
            long rate = caller.requestsPerMinute();
            long burst = limits.burst() > 0 ? limits.burst() : rate;
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(burst).refillGreedy(rate, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time)
                    .build();
        });
    }

    private void refuse(HttpServletResponse response, long retryAfterSeconds, String code, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.write(response, ApiProblem.of(429, code, "Too many requests", detail, null));
    }
}
