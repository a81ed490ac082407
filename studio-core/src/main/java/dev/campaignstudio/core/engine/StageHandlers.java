package dev.campaignstudio.core.engine;

import java.util.Map;
import java.util.Optional;

/** Which handler does each stage's work, by stage name. A stage without one fails its step as {@code CAPABILITY_UNAVAILABLE}. */
public final class StageHandlers {

    private final Map<String, StageHandler> byStage;

    public StageHandlers(Map<String, StageHandler> byStage) {
        this.byStage = Map.copyOf(byStage);
    }

    /** No handlers at all. */
    public static StageHandlers none() {
        return new StageHandlers(Map.of());
    }

    /** The handler of {@code stage}, if one is registered. */
    public Optional<StageHandler> forStage(String stage) {
        return Optional.ofNullable(byStage.get(stage));
    }

    /** These handlers, each replaced by what {@code decorator} makes of it (given the stage and the handler). */
    public StageHandlers wrapped(java.util.function.BiFunction<String, StageHandler, StageHandler> decorator) {
        Map<String, StageHandler> all = new java.util.HashMap<>();
        byStage.forEach((stage, handler) -> all.put(stage, decorator.apply(stage, handler)));
        return new StageHandlers(all);
    }

    /** These handlers with {@code others} added; a stage in both takes the one from {@code others}. */
    public StageHandlers with(Map<String, StageHandler> others) {
        Map<String, StageHandler> all = new java.util.HashMap<>(byStage);
        all.putAll(others);
        return new StageHandlers(all);
    }
}
