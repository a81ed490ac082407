package dev.campaignstudio.server.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document with this service's extensions: a stable {@code code}, every violation in
 * {@code errors}, and {@code job_id} where a problem concerns an existing job.
 *
 * @param type     {@code urn:campaign-studio:problem:<code in kebab case>}
 * @param title    short summary of the problem type
 * @param status   HTTP status
 * @param detail   what happened here, for humans
 * @param instance the request path
 * @param code     stable code clients branch on, e.g. {@code VALIDATION_FAILED}
 * @param errors   each violation, with a JSON pointer into the body or the name of a query parameter
 * @param jobId    the job the problem is about, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<Error> errors,
        String jobId) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of {@code code} with no itemised errors. */
    public static ApiProblem of(int status, String code, String title, String detail, String instance) {
        return new ApiProblem(typeOf(code), title, status, detail, instance, code, null, null);
    }

    /** This problem with itemised errors. */
    public ApiProblem withErrors(List<Error> items) {
        return new ApiProblem(type, title, status, detail, instance, code, List.copyOf(items), jobId);
    }

    /** This problem about job {@code id}. */
    public ApiProblem withJobId(String id) {
        return new ApiProblem(type, title, status, detail, instance, code, errors, id);
    }

    /** The type URI of a problem code. */
    public static String typeOf(String code) {
        return "urn:campaign-studio:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * One violation.
     *
     * @param pointer   JSON pointer into the request body, or {@code null}
     * @param parameter query parameter or form field, or {@code null}
     * @param code      violation code, e.g. {@code TOO_LONG}
     * @param detail    what is wrong with it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String pointer, String parameter, String code, String detail) {

        /** A violation at a JSON pointer. */
        public static Error at(String pointer, String code, String detail) {
            return new Error(pointer, null, code, detail);
        }

        /** A violation of a query parameter or form field. */
        public static Error parameter(String name, String code, String detail) {
            return new Error(null, name, code, detail);
        }
    }
}
