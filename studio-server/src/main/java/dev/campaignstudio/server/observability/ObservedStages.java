package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Times every step attempt as the observation {@code studio.step} (a timer tagged {@code mode}, {@code stage},
 * {@code outcome} and {@code code}, and a span in the job's trace: its parent is the {@code traceparent} the job kept
 * from the request that submitted it), counts the fidelity checks the attempt made, and puts {@code job_id} and
 * {@code step} into the logging context. See docs/operations.md, "Metrics" and "Traces".
 */
public final class ObservedStages {

    /** Name of the step observation, timer and span. */
    public static final String STEP = "studio.step";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final JobTraceParents parents;

    public ObservedStages(ObservationRegistry observations, MeterRegistry meters, JobTraceParents parents) {
        this.observations = observations;
        this.meters = meters;
        this.parents = parents;
    }

    /** {@code handler} of {@code stage}, observed. */
    public StageHandler observe(String stage, StageHandler handler) {
        return context -> run(stage, handler, context);
    }

    private StepResult run(String stage, StageHandler handler, StepContext context) throws Exception {
        Map<String, String> carrier = new HashMap<>();
        parents.of(context.job().id()).ifPresent(parent -> carrier.put("traceparent", parent));
        ReceiverContext<Map<String, String>> receiver = new ReceiverContext<>((map, key) -> map.get(key));
        receiver.setCarrier(carrier);
        String mode = context.job().mode() == null
                ? context.job().type().wire()
                : context.job().mode().wire();
        Observation observation = Observation.createNotStarted(STEP, () -> receiver, observations)
                .contextualName("step " + stage)
                .lowCardinalityKeyValue("mode", mode)
                .lowCardinalityKeyValue("stage", stage)
                .highCardinalityKeyValue("job_id", context.job().id().value())
                .highCardinalityKeyValue("step_id", context.stepId().value())
                .highCardinalityKeyValue("attempt", Integer.toString(context.attempt()));
        observation.start();
        FidelityCounting.begin();
        try (Observation.Scope scope = observation.openScope();
                MDC.MDCCloseable job =
                        MDC.putCloseable("job_id", context.job().id().value());
                MDC.MDCCloseable step = MDC.putCloseable(
                        "step", stage + (context.sceneOrder() == null ? "" : "#" + context.sceneOrder()))) {
            StepResult result = handler.execute(context);
            tag(observation, outcome(result), code(result));
            return result;
        } catch (StepFault fault) {
            tag(observation, "fault", fault.code());
            observation.error(fault);
            throw fault;
        } catch (InterruptedException stopped) {
            tag(observation, "stopped", "STOPPED");
            throw stopped;
        } catch (Exception bug) {
            tag(observation, "error", "INTERNAL");
            observation.error(bug);
            throw bug;
        } finally {
            int checks = FidelityCounting.end();
            if (checks > 0) {
                DistributionSummary.builder("studio.fidelity.attempts")
                        .description("fidelity checks in one step attempt")
                        .tag("mode", mode)
                        .tag("stage", stage)
                        .register(meters)
                        .record(checks);
            }
            observation.stop();
        }
    }

    private static void tag(Observation observation, String outcome, String code) {
        observation.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("code", code);
    }

    private static String outcome(StepResult result) {
        if (result instanceof StepResult.Succeeded) {
            return "succeeded";
        }
        return result instanceof StepResult.Reused ? "reused" : "rejected";
    }

    private static String code(StepResult result) {
        return result instanceof StepResult.Rejected rejected ? rejected.code() : "none";
    }
}
