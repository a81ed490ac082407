package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.server.config.ApiCaller;
import dev.campaignstudio.server.config.ApiTokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may use the console at {@code /console/**}: a person signs in with an API token once, and the browser then holds
 * only an HttpOnly, SameSite=Strict session cookie scoped to {@code /console}. Unlike the API's chain, which is
 * stateless and has nothing a browser sends on its own, this one keeps a session, so every form and htmx request carries
 * a CSRF token; the session id changes at sign-in. Ordered before the API's chain, which handles every other path as it
 * did. See docs/console.md, "Security".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";

    @Bean
    // after the chain of a management port of its own (ApiSecurityConfiguration), before the API's
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(SIGN_IN, "/console/static/**", "/console/webjars/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(new ProviderManager(new TokenAuthentication(tokens)))
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .usernameParameter("caller")
                        .passwordParameter("token")
                        .defaultSuccessUrl("/console/jobs", false)
                        .failureUrl(SIGN_IN + "?error"))
                .logout(logout -> logout.logoutUrl("/console/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .invalidateHttpSession(true)
                        .addLogoutHandler(new CookieClearingLogoutHandler(expiredSessionCookie())))
                .requestCache(cache -> cache.requestCache(pageCache()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new HtmxAwareEntryPoint(SIGN_IN)))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; media-src 'self'; "
                                                + "style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Remembers the page a browser without a session asked for, to go there after sign-in (without a {@code ?continue} mark). */
    private static HttpSessionRequestCache pageCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** The session cookie as the browser holds it (path {@code /console}, see application.yaml), expired. */
    private static Cookie expiredSessionCookie() {
        Cookie cookie = new Cookie("JSESSIONID", "");
        cookie.setPath("/console");
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        return cookie;
    }

    /** Accepts a sign-in whose password field holds an admin's API token; the console acts as the default caller. */
    static final class TokenAuthentication implements AuthenticationProvider {

        private final ApiTokens tokens;

        TokenAuthentication(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication attempt) {
            Object token = attempt.getCredentials();
            // the console shows every caller's jobs, so only an admin's token signs in (docs/console.md)
            if (!(token instanceof String text)
                    || !tokens.caller(text.trim()).map(ApiCaller::isAdmin).orElse(false)) {
                throw new BadCredentialsException("the token is not accepted");
            }
            return UsernamePasswordAuthenticationToken.authenticated(ApiTokens.CALLER, null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    /**
     * Sends a browser without a session to the sign-in page; an htmx request (a live part of a page whose session ended)
     * gets {@code HX-Redirect}, so the whole page goes there instead of the sign-in form landing inside a fragment.
     */
    static final class HtmxAwareEntryPoint extends LoginUrlAuthenticationEntryPoint {

        HtmxAwareEntryPoint(String signIn) {
            super(signIn);
        }

        @Override
        public void commence(
                jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                org.springframework.security.core.AuthenticationException reason)
                throws java.io.IOException, jakarta.servlet.ServletException {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + SIGN_IN);
                response.setStatus(401);
                return;
            }
            super.commence(request, response, reason);
        }
    }
}
