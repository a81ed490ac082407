package dev.campaignstudio.server.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * {@code studio.stages.<stage>.timeout}: a stage's time limit, by stage name ({@code scene_video} or
 * {@code scene-video}); the other {@code studio.stages.*} settings are {@link StageProperties}. The limits are checked
 * against the adapters' deadlines where the pipelines are built (docs/providers.md, "Stage time limits").
 */
final class StageLimits {

    private StageLimits() {}

    /**
     * The limits configured, by stage name in snake case.
     *
     * @throws IllegalStateException naming a limit that is not a duration
     */
    static Map<String, Duration> configured(Environment environment) {
        Map<String, Object> stages = Binder.get(environment)
                .bind("studio.stages", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        Map<String, Duration> limits = new LinkedHashMap<>();
        stages.forEach((key, value) -> {
            if (value instanceof Map<?, ?> settings && settings.containsKey("timeout")) {
                String stage = key.toLowerCase(Locale.ROOT).replace('-', '_');
                try {
                    limits.put(stage, DurationStyle.detectAndParse(String.valueOf(settings.get("timeout"))));
                } catch (IllegalArgumentException notADuration) {
                    throw new IllegalStateException(
                            "studio.stages." + key + ".timeout is not a duration (e.g. 12m, 90s)");
                }
            }
        });
        return limits;
    }
}
