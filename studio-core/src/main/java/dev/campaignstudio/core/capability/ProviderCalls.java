package dev.campaignstudio.core.capability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The remote calls a step's adapters made, collected on the step's thread so the engine can record them with the step
 * (provider, model, latency, attempts and, where the provider reports it, cost) without the capability ports carrying
 * them.
 */
public final class ProviderCalls {

    private static final ThreadLocal<List<Call>> CALLS = ThreadLocal.withInitial(ArrayList::new);

    private ProviderCalls() {
    }

    /**
     * One call to a provider, retries included.
     *
     * @param provider  adapter name, e.g. {@code openai}
     * @param model     model or version asked for
     * @param operation what was asked, e.g. {@code images/edits}
     * @param latencyMs from the first attempt to the answer
     * @param attempts  HTTP attempts made (1 without retries)
     * @param outcome   {@code ok} or the error code it ended with
     * @param cost      what the provider says it cost, or {@code null}
     */
    public record Call(String provider, String model, String operation, long latencyMs, int attempts, String outcome, Double cost) {
        public Call {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(operation, "operation");
        }

        /** As the step's outputs list it. */
        public Map<String, Object> toTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("provider", provider);
            tree.put("model", model);
            tree.put("operation", operation);
            tree.put("latency_ms", latencyMs);
            tree.put("attempts", attempts);
            tree.put("outcome", outcome);
            if (cost != null) {
                tree.put("cost", cost);
            }
            return tree;
        }
    }

    /** The output key under which a step lists its calls. */
    public static final String OUTPUT = "provider_calls";

    /**
     * {@code outputs} without the calls that made them: what a checkpoint or a retry's kept step carries, as those calls
     * were made (and paid for) by the job that ran the step.
     */
    public static Map<String, Object> without(Map<String, Object> outputs) {
        if (!outputs.containsKey(OUTPUT)) {
            return outputs;
        }
        Map<String, Object> copy = new LinkedHashMap<>(outputs);
        copy.remove(OUTPUT);
        return copy;
    }

    private static volatile java.util.function.Consumer<Call> listener = call -> { };

    /** Notes a call made on this thread, and tells the listener (metrics). */
    public static void record(Call call) {
        CALLS.get().add(call);
        try {
            listener.accept(call);
        } catch (RuntimeException e) {
            // metrics never fail a provider call
        }
    }

    /** Sets who hears of every call as it is noted (the service's metrics); one per process. */
    public static void listen(java.util.function.Consumer<Call> callListener) {
        listener = java.util.Objects.requireNonNull(callListener, "callListener");
    }

    /** The calls noted on this thread since the last drain, and forgets them. */
    public static List<Call> drain() {
        List<Call> calls = List.copyOf(CALLS.get());
        CALLS.get().clear();
        return calls;
    }
}
