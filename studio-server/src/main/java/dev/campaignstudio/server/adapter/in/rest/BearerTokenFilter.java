package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiCaller;
import dev.campaignstudio.server.config.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. It decides nothing about paths: whether a
 * path needs a caller is the security chain's rule (everything but a short allow-list, see docs/operations.md), so a
 * path spelled in an unusual way is never let through by a prefix test. A token that is presented and wrong is refused
 * at once; a request without one continues anonymous and is refused by the chain where a caller is needed.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemAuthenticationEntryPoint refusal;

    BearerTokenFilter(ApiTokens tokens, ProblemAuthenticationEntryPoint refusal) {
        this.tokens = tokens;
        this.refusal = refusal;
    }

    /** Whether {@code request} carries one of the accepted tokens. */
    static boolean carriesValidToken(HttpServletRequest request, ApiTokens tokens) {
        String token = presented(request);
        return token != null && tokens.accepts(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = presented(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCaller> caller = tokens.caller(token);
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            refusal.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Callers.authentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }
}
