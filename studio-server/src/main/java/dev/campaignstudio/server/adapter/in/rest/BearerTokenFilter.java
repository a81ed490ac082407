package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/** Service-to-service authentication: every {@code /v1/**} request carries {@code Authorization: Bearer <token>}. */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    public BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/v1") || path.startsWith("/v1/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean hasBearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        if (hasBearer && tokens.accepts(header.substring(PREFIX.length()).trim())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"campaign-studio\"");
        String detail = header == null
                ? "send the API token as 'Authorization: Bearer <token>'"
                : "the bearer token is not valid";
        problems.write(response, ApiProblem.of(401, "UNAUTHORIZED", "Unauthorized", detail, request.getRequestURI()));
    }
}
