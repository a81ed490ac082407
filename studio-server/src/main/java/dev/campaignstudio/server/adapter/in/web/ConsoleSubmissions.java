package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.Validated;
import dev.campaignstudio.core.contract.Violation;
import dev.campaignstudio.core.port.in.SubmitJob;
import dev.campaignstudio.core.port.in.SubmitOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Submits a job request that a console form put together, through the same reader and use case as
 * {@code POST /v1/jobs}: the service's own checks decide, and their violations come back to be shown at the fields.
 */
@Component
class ConsoleSubmissions {

    private final JobRequestReader reader;
    private final SubmitJob submit;

    ConsoleSubmissions(JobRequestReader reader, SubmitJob submit) {
        this.reader = reader;
        this.submit = submit;
    }

    /** What became of a form's request. */
    sealed interface Result {}

    /** A job was made, or the form had been sent before (same idempotency key and content): its id. */
    record Accepted(String jobId) implements Result {}

    /** The request was refused, with every reason. */
    record Refused(List<Violation> violations) implements Result {}

    /** A new idempotency key for a form: sending the form twice makes one job. */
    static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    Result submit(Map<String, Object> tree) {
        Validated<JobRequest> read = reader.read(tree);
        if (read instanceof Validated.Invalid<JobRequest> invalid) {
            return new Refused(invalid.violations());
        }
        SubmitOutcome outcome = submit.submit(read.orThrow(), CanonicalJson.sha256(tree));
        if (outcome instanceof SubmitOutcome.Created created) {
            return new Accepted(created.job().id().value());
        }
        if (outcome instanceof SubmitOutcome.Replayed replayed) {
            return new Accepted(replayed.job().id().value());
        }
        if (outcome instanceof SubmitOutcome.KeyConflict) {
            return new Refused(List.of(new Violation(
                    "/idempotency_key",
                    "IDEMPOTENCY_KEY_REUSED",
                    "this form was sent before with other values; reload the form to send it as new work")));
        }
        return new Refused(((SubmitOutcome.Rejected) outcome).violations());
    }
}
