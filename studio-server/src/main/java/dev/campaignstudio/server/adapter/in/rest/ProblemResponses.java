package dev.campaignstudio.server.adapter.in.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem documents, from controllers and from filters that run before them. */
public final class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A response entity carrying {@code problem}. */
    static ResponseEntity<ApiProblem> entity(ApiProblem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                .body(problem);
    }

    /** Writes {@code problem} straight to a servlet response (for filters). */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(ApiProblem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
