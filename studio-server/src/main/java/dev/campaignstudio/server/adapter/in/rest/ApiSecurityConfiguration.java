package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiScope;
import dev.campaignstudio.server.config.ApiTokens;
import dev.campaignstudio.server.config.ClientProperties;
import dev.campaignstudio.server.engine.QueueBacklog;
import dev.campaignstudio.server.storage.SignedAssetUrls;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Who may call what, on Spring Security's filter chain and its strict firewall: closed by default. Every path needs a
 * caller with a bearer token and the scope of the request (metrics and the API description: admin) except a short
 * explicit allow-list (health probes and an asset
 * GET that carries a signed download link, which the controller verifies), so a path
 * added later, or an old one spelled with matrix parameters, percent-encoding or doubled slashes, is closed until
 * someone opens it here. The firewall refuses paths that are not in canonical form before any rule is read; see
 * docs/operations.md, "Authentication".
 *
 * <p>When the actuator has a port of its own ({@code management.server.port}, meant to be bound to loopback), requests
 * to that port pass a chain of their own that admits only GET and HEAD and needs no token: the port, not a token, is
 * the boundary there (docs/operations.md, "Operations endpoints").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfiguration {

    /** Paths anyone may GET: the probes. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**"};

    /** Paths only an admin may use: metrics, the other actuator endpoints and the API description. */
    static final String[] ADMIN_PATHS = {
        "/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
    };

    /**
     * {@code GET /v1/assets/<one segment>} carrying both {@code expires} and {@code sig}: a download link. Nothing else
     * is let through without a token, and a request with neither parameter nor token stays 401.
     */
    static final RequestMatcher SIGNED_ASSET_DOWNLOAD = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v1/assets/*"),
            request -> request.getParameter(SignedAssetUrls.EXPIRES) != null
                    && request.getParameter(SignedAssetUrls.SIGNATURE) != null);

    /** Boot's namespace of the web server it starts for a management port of its own. */
    static final String MANAGEMENT_SERVER = "management";

    /** A request that came in on the management port of its own (never true while the actuator shares the API port). */
    static final RequestMatcher ON_MANAGEMENT_SERVER = ApiSecurityConfiguration::onManagementServer;

    /**
     * What the management port of its own serves without a token: the read-only endpoints docs/operations.md lists. An
     * endpoint an operator exposes beyond them (a heap dump, the environment) is refused there, not opened.
     */
    static final String[] MANAGEMENT_READS = {
        "/actuator",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/actuator/metrics",
        "/actuator/metrics/**"
    };

    /**
     * The management port of its own: GET and HEAD of {@link #MANAGEMENT_READS}, without a token, for an agent on the
     * same host; nothing else. Ordered before the console's chain and the API's, whose rules hold on the API port.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementServerSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(ON_MANAGEMENT_SERVER)
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, MANAGEMENT_READS)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, MANAGEMENT_READS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private static boolean onManagementServer(HttpServletRequest request) {
        WebApplicationContext context =
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_SERVER);
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiTokens tokens,
            ProblemResponses problems,
            ClientProperties clients,
            QueueBacklog backlog,
            TimeMeter rateLimitTime)
            throws Exception {
        ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint(problems);
        http.authorizeHttpRequests(rules -> rules
                        // an error or async dispatch continues a request that the rules below already admitted
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, OPEN_PATHS)
                        .permitAll()
                        // a signed download link stands in for the token; AssetController verifies it (403 when bad)
                        .requestMatchers(SIGNED_ASSET_DOWNLOAD)
                        .permitAll()
                        .requestMatchers(ADMIN_PATHS)
                        .hasAuthority(ApiScope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/v1/assets/**")
                        .hasAuthority(ApiScope.ASSETS_READ.authority())
                        .requestMatchers(HttpMethod.POST, "/v1/assets", "/v1/jobs", "/v1/jobs/**")
                        .hasAuthority(ApiScope.JOBS_WRITE.authority())
                        .requestMatchers(HttpMethod.DELETE, "/v1/jobs/**")
                        .hasAuthority(ApiScope.JOBS_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/v1/jobs", "/v1/jobs/**")
                        .hasAuthority(ApiScope.JOBS_READ.authority())
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, refusal), AuthorizationFilter.class)
                .addFilterAfter(
                        new AdmissionFilter(clients.limits(), backlog, rateLimitTime, problems),
                        AuthorizationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusal)
                        .accessDeniedHandler((request, response, denied) -> problems.write(
                                response,
                                ApiProblem.of(
                                        403,
                                        "SCOPE_MISSING",
                                        "Forbidden",
                                        "the caller's scopes do not allow this request",
                                        null))))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens are not sent by browsers on their own, so there is no cross-site request to forge
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> anonymous.principal("anonymous"));
        return http.build();
    }

    /**
     * A path the firewall refuses: without a valid token the caller learns only 401, as for any other path; with one,
     * a 400 problem saying the path is not canonical.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiTokens tokens, ProblemResponses problems) {
        ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint(problems);
        return (request, response, rejected) -> {
            if (!BearerTokenFilter.carriesValidToken(request, tokens)) {
                refusal.commence(request, response, null);
                return;
            }
            problems.write(
                    response,
                    ApiProblem.of(
                            400,
                            "PATH_NOT_CANONICAL",
                            "Bad request",
                            "the request path is not in canonical form (matrix parameters, encoded slashes or dots, doubled slashes"
                                    + " and backslashes are refused)",
                            null));
        };
    }
}
