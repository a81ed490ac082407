package dev.campaignstudio.server.adapter.in.rest;

import java.util.List;

/** A refusal that becomes a problem response. Carries no stack trace: it is an answer, not a fault. */
final class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    ApiException(int status, String code, String title, String detail, List<ApiProblem.Error> errors) {
        super(detail, null, false, false);
        ApiProblem base = ApiProblem.of(status, code, title, detail, null);
        this.problem = errors.isEmpty() ? base : base.withErrors(errors);
    }

    private ApiException(ApiProblem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** This refusal about job {@code jobId}. */
    ApiException aboutJob(String jobId) {
        return new ApiException(problem.withJobId(jobId));
    }

    ApiProblem problem() {
        return problem;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", "Not found", what);
    }
}
