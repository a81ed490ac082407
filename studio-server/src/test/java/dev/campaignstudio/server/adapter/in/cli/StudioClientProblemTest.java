package dev.campaignstudio.server.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one line the command line makes of the service's problem documents (docs/api.md "Errors"). */
class StudioClientProblemTest {

    private static String problem(int status, String json) {
        return StudioClient.problem(status, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneViolationIsItsPointerAndDetail() {
        String line = problem(422, """
                {"title": "Request is invalid", "status": 422, "code": "VALIDATION_FAILED",
                 "detail": "/settings/duration_s must be at most 60",
                 "errors": [{"pointer": "/settings/duration_s", "code": "TOO_LARGE", "detail": "must be at most 60"}]}
                """);
        assertThat(line).isEqualTo("/settings/duration_s: must be at most 60");
    }

    @Test
    void everyViolationIsListedInOneLine() {
        String line = problem(422, """
                {"detail": "4 problems were found in the request: /product/images must have at most 8 items; ...",
                 "errors": [
                   {"pointer": "/product/images", "code": "TOO_MANY", "detail": "must have at most 8 items, got 9"},
                   {"pointer": "/idempotency_key", "code": "REQUIRED", "detail": "is required"},
                   {"pointer": "/prompt", "code": "TOO_LONG", "detail": "must have at most\\n4000 characters"},
                   {"parameter": "limit", "code": "BAD_PARAMETER", "detail": "must be 1-100"}]}
                """);
        assertThat(line)
                .isEqualTo("/product/images: must have at most 8 items, got 9; /idempotency_key: is required; "
                        + "/prompt: must have at most 4000 characters; limit: must be 1-100")
                .doesNotContain("\n");
    }

    @Test
    void withoutViolationsTheDetailOrTitleOrStatus() {
        assertThat(problem(409, "{\"title\": \"Conflict\", \"detail\": \"the key holds another payload\"}"))
                .isEqualTo("the key holds another payload");
        assertThat(problem(409, "{\"title\": \"Conflict\"}")).isEqualTo("Conflict");
        assertThat(problem(500, "<html>oops</html>")).isEqualTo("HTTP 500");
    }
}
