package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiCaller;
import dev.campaignstudio.server.config.ApiScope;
import java.util.EnumSet;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as the bearer token (or a console session) made it known. */
public final class Callers {

    /** Stands for a request without a caller: no scope, owns nothing. */
    private static final ApiCaller NOBODY = new ApiCaller("-", EnumSet.noneOf(ApiScope.class), List.of(), 0);

    private Callers() {}

    /** An authentication for {@code caller}, with one authority per scope (every scope for an admin). */
    public static Authentication authentication(ApiCaller caller) {
        List<SimpleGrantedAuthority> authorities = EnumSet.allOf(ApiScope.class).stream()
                .filter(caller::may)
                .map(scope -> new SimpleGrantedAuthority(scope.authority()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }

    /** The caller of this request; without one (an anonymous request), a caller that may do nothing and owns nothing. */
    public static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return caller;
        }
        return NOBODY;
    }
}
