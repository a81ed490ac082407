package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.server.json.MalformedJsonException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches a controller boundary into an RFC 9457 problem. Refusals of bad input are
 * answered, not logged; only faults (500) are logged with their stack trace, and never shown to the client.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private static final Map<Integer, String[]> BY_STATUS = Map.of(
            400, new String[] {"BAD_REQUEST", "Bad request"},
            404, new String[] {"NOT_FOUND", "Not found"},
            405, new String[] {"METHOD_NOT_ALLOWED", "Method not allowed"},
            406, new String[] {"NOT_ACCEPTABLE", "Not acceptable"},
            413, new String[] {"PAYLOAD_TOO_LARGE", "Payload too large"},
            415, new String[] {"UNSUPPORTED_MEDIA_TYPE", "Unsupported media type"},
            503, new String[] {"UNAVAILABLE", "Service unavailable"});

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> handle(Exception e, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (e instanceof AsyncRequestNotUsableException) {
            return null;
        }
        if (e instanceof ApiException refusal) {
            ApiProblem p = refusal.problem();
            return ProblemResponses.entity(
                    new ApiProblem(p.type(), p.title(), p.status(), p.detail(), path, p.code(), p.errors(), p.jobId()));
        }
        if (e instanceof MalformedJsonException malformed) {
            return ProblemResponses.entity(
                    ApiProblem.of(400, "MALFORMED_JSON", "Malformed JSON", malformed.getMessage(), path));
        }
        if (e instanceof HttpMessageNotReadableException) {
            return ProblemResponses.entity(ApiProblem.of(
                    400, "MALFORMED_REQUEST", "Malformed request", "the request body could not be read", path));
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return ProblemResponses.entity(ApiProblem.of(
                            400,
                            "MISSING_FIELD",
                            "Missing field",
                            "the multipart field '" + missing.getRequestPartName() + "' is required",
                            path)
                    .withErrors(List.of(
                            ApiProblem.Error.parameter(missing.getRequestPartName(), "REQUIRED", "is required"))));
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return ProblemResponses.entity(ApiProblem.of(
                            400,
                            "MISSING_PARAMETER",
                            "Missing parameter",
                            "the parameter '" + missing.getParameterName() + "' is required",
                            path)
                    .withErrors(List.of(
                            ApiProblem.Error.parameter(missing.getParameterName(), "REQUIRED", "is required"))));
        }
        if (e instanceof NoResourceFoundException) {
            return ProblemResponses.entity(
                    ApiProblem.of(404, "NOT_FOUND", "Not found", "nothing is served at this path", path));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported && unsupported.getContentType() == null) {
            // Spring's own detail reads "Content-Type 'null' is not supported"
            return ProblemResponses.entity(ApiProblem.of(
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Unsupported media type",
                    "the request has no Content-Type; send one of "
                            + unsupported.getSupportedMediaTypes().stream()
                                    .map(type -> type.getType() + "/" + type.getSubtype())
                                    .distinct()
                                    .toList(),
                    path));
        }
        if (e instanceof ErrorResponse spring) {
            return fromSpring(spring, path);
        }
        if (e instanceof MultipartException) {
            return ProblemResponses.entity(ApiProblem.of(
                    400,
                    "MALFORMED_MULTIPART",
                    "Malformed multipart request",
                    "the multipart body could not be read",
                    path));
        }
        if (BlobStoreUnavailableException.in(e)) {
            log.warn("asset store unavailable while serving {} {}: {}", request.getMethod(), path, e.toString());
            return ProblemResponses.entity(ApiProblem.of(
                    503,
                    "STORAGE_UNAVAILABLE",
                    "Storage unavailable",
                    "the asset store is unavailable; try again shortly",
                    path));
        }
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException) {
            log.warn(
                    "database unavailable while serving {} {}: {}",
                    request.getMethod(),
                    path,
                    e.getClass().getSimpleName());
            return ProblemResponses.entity(ApiProblem.of(
                    503, "UNAVAILABLE", "Service unavailable", "the database is unavailable; try again shortly", path));
        }
        log.error("unexpected failure serving {} {}", request.getMethod(), path, e);
        return ProblemResponses.entity(ApiProblem.of(
                500, "INTERNAL", "Internal error", "the service failed unexpectedly; the failure is logged", path));
    }

    private static ResponseEntity<ApiProblem> fromSpring(ErrorResponse spring, String path) {
        int status = spring.getStatusCode().value();
        String[] codeAndTitle = BY_STATUS.getOrDefault(
                status, new String[] {status >= 500 ? "INTERNAL" : "BAD_REQUEST", "Request refused"});
        String detail = spring.getBody().getDetail() == null
                ? codeAndTitle[1]
                : spring.getBody().getDetail();
        ResponseEntity<ApiProblem> entity =
                ProblemResponses.entity(ApiProblem.of(status, codeAndTitle[0], codeAndTitle[1], detail, path));
        if (spring instanceof HttpRequestMethodNotSupportedException method
                && method.getSupportedHttpMethods() != null) {
            return ResponseEntity.status(entity.getStatusCode())
                    .headers(entity.getHeaders())
                    .allow(method.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                    .body(entity.getBody());
        }
        return entity;
    }
}
