package dev.campaignstudio.server.adapter.in.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside the controllers (by the servlet container or a filter) also answer with a problem document. */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ApiProblem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        // asked for directly rather than forwarded by the container after an error: there is nothing here
        int status = code instanceof Integer i ? i : 404;
        if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("request {} failed with status {}", path, status, failure instanceof Throwable t ? t : null);
        }
        ApiProblem problem = switch (status) {
            case 400 -> ApiProblem.of(400, "BAD_REQUEST", "Bad request", "the request could not be understood", path);
            case 404 -> ApiProblem.of(404, "NOT_FOUND", "Not found", "nothing is served at this path", path);
            case 413 ->
                ApiProblem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", "the request body is too large", path);
            default ->
                status >= 500
                        ? ApiProblem.of(
                                status,
                                "INTERNAL",
                                "Internal error",
                                "the service failed unexpectedly; the failure is logged",
                                path)
                        : ApiProblem.of(status, "REQUEST_REFUSED", "Request refused", "the request was refused", path);
        };
        return ProblemResponses.entity(problem);
    }
}
