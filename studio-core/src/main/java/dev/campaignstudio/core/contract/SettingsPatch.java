package dev.campaignstudio.core.contract;

import java.util.List;

/**
 * Output settings as a client wrote them: each field {@code null} when not given. {@link ModeRules} checks a patch
 * against a mode's bounds and fills in its defaults.
 */
public record SettingsPatch(
        Aspect aspect,
        List<Aspect> aspects,
        Integer durationS,
        Integer sceneCount,
        Presentation presentation,
        String voice,
        Style style,
        String language,
        Double creativeVariation,
        Integer maxAttempts,
        String script) {

    public SettingsPatch {
        aspects = aspects == null ? null : List.copyOf(aspects);
    }

    /** A patch that sets nothing. */
    public static final SettingsPatch EMPTY =
            new SettingsPatch(null, null, null, null, null, null, null, null, null, null, null);

    /** This patch with every field that {@code over} sets replaced by its value. */
    public SettingsPatch overlaidWith(SettingsPatch over) {
        return new SettingsPatch(
                pick(over.aspect, aspect),
                pick(over.aspects, aspects),
                pick(over.durationS, durationS),
                pick(over.sceneCount, sceneCount),
                pick(over.presentation, presentation),
                pick(over.voice, voice),
                pick(over.style, style),
                pick(over.language, language),
                pick(over.creativeVariation, creativeVariation),
                pick(over.maxAttempts, maxAttempts),
                pick(over.script, script));
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
