package dev.campaignstudio.server.adapter.in.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers a request that needs a caller and has none (or a wrong token) with a 401 problem and a Bearer challenge. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"campaign-studio\"");
        String detail = reason instanceof BadCredentialsException
                ? "the bearer token is not valid"
                : "send the API token as 'Authorization: Bearer <token>'";
        problems.write(response, ApiProblem.of(401, "UNAUTHORIZED", "Unauthorized", detail, request.getRequestURI()));
    }
}
