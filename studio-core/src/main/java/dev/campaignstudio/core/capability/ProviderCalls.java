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

    private ProviderCalls() {}

    /**
     * One call to a provider, retries included.
     *
     * @param provider  adapter name, e.g. {@code openai}
     * @param model     model or version asked for
     * @param operation what was asked, e.g. {@code images/edits}
     * @param latencyMs from the first attempt to the answer
     * @param attempts  HTTP attempts made (1 without retries)
     * @param outcome   {@code ok} or the error code it ended with
     * @param cost      what the call cost (the provider's usage at the configured prices), or {@code null} when unknown
     * @param version   the model version the provider says answered, or {@code null}
     * @param seed      the seed sent, or {@code null}
     * @param usage     what the provider reports it used (tokens, seconds), or empty
     */
    public record Call(
            String provider,
            String model,
            String operation,
            long latencyMs,
            int attempts,
            String outcome,
            Double cost,
            String version,
            Long seed,
            Map<String, Number> usage) {
        public Call {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(operation, "operation");
            usage = usage == null ? Map.of() : Map.copyOf(usage);
        }

        public Call(
                String provider,
                String model,
                String operation,
                long latencyMs,
                int attempts,
                String outcome,
                Double cost) {
            this(provider, model, operation, latencyMs, attempts, outcome, cost, null, null, Map.of());
        }

        /** This call with what the provider's answer said: the version that ran, the seed, the usage and its cost. */
        public Call reported(String version, Long seed, Map<String, Number> usage, Double cost) {
            return new Call(provider, model, operation, latencyMs, attempts, outcome, cost, version, seed, usage);
        }

        /** As the step's outputs list it. */
        public Map<String, Object> toTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("provider", provider);
            tree.put("model", model);
            if (version != null) {
                tree.put("version", version);
            }
            tree.put("operation", operation);
            tree.put("latency_ms", latencyMs);
            tree.put("attempts", attempts);
            tree.put("outcome", outcome);
            if (seed != null) {
                tree.put("seed", seed);
            }
            if (!usage.isEmpty()) {
                tree.put("usage", new java.util.TreeMap<>(usage));
            }
            if (cost != null) {
                tree.put("cost", cost);
            }
            return tree;
        }
    }

    /** The output key under which a step lists its calls. */
    public static final String OUTPUT = "provider_calls";

    /**
     * {@code outputs} without the calls that made them: what a checkpoint or a retry's kept step carries, as those
     * calls
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

    private static volatile java.util.function.Consumer<Call> listener = call -> {};

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

    /**
     * Adds what the provider's answer said to the last call noted on this thread (the one just made): the model version
     * that ran, the seed sent, the usage reported and its cost. Nothing happens when no call is noted.
     */
    public static void report(String version, Long seed, Map<String, Number> usage, Double cost) {
        List<Call> calls = CALLS.get();
        if (!calls.isEmpty()) {
            calls.set(calls.size() - 1, calls.get(calls.size() - 1).reported(version, seed, usage, cost));
        }
    }

    /** The calls noted on this thread since the last drain, kept. */
    public static List<Call> peek() {
        return List.copyOf(CALLS.get());
    }

    /** The calls noted on this thread since the last drain, and forgets them. */
    public static List<Call> drain() {
        List<Call> calls = List.copyOf(CALLS.get());
        CALLS.get().clear();
        return calls;
    }
}
