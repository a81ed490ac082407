package dev.campaignstudio.core.contract;

import java.util.List;

/**
 * Settings of one output with every default applied (see {@link ModeRules}).
 *
 * @param aspect            frame aspect (for an image bundle, the first of {@code aspects})
 * @param aspects           every aspect an image bundle is made in, {@code aspect} first; {@code [aspect]} for other modes
 * @param durationS         target length in seconds; {@code null} for modes without a timeline
 * @param sceneCount        number of scenes; {@code null} when a supplied script decides it
 * @param presentation      product alone, with a presenter, or mixed
 * @param voice             voice name for speech
 * @param style             visual style
 * @param language          language tag of text and speech
 * @param creativeVariation 0 (faithful, calm) to 1 (bold, may drift the product)
 * @param maxAttempts       fidelity-loop attempts per image, 1 to 5
 * @param script            a ready script ({@code script_video} only), or {@code null}
 */
public record OutputSettings(
        Aspect aspect,
        List<Aspect> aspects,
        Integer durationS,
        Integer sceneCount,
        Presentation presentation,
        String voice,
        Style style,
        String language,
        double creativeVariation,
        int maxAttempts,
        String script) {

    public OutputSettings {
        Require.present(aspect, "aspect");
        aspects = aspects == null || aspects.isEmpty() ? List.of(aspect) : List.copyOf(aspects);
        if (!aspects.get(0).equals(aspect) || aspects.stream().distinct().count() != aspects.size()) {
            throw new IllegalArgumentException("aspects are distinct and start with aspect");
        }
        Require.present(presentation, "presentation");
        Require.text(voice, "voice", Limits.VOICE_MAX);
        Require.present(style, "style");
        Require.text(language, "language", 35);
        if (creativeVariation < 0 || creativeVariation > 1) {
            throw new IllegalArgumentException("creative_variation must be between 0 and 1");
        }
        Require.range(maxAttempts, "max_attempts", 1, Limits.MAX_ATTEMPTS_MAX);
        Require.optionalText(script, "script", Limits.SCRIPT_MAX);
    }

    /** These settings as a patch that sets every field, for overlaying changes. */
    public SettingsPatch asPatch() {
        return new SettingsPatch(
                aspect,
                aspects.size() == 1 ? null : aspects,
                durationS,
                sceneCount,
                presentation,
                voice,
                style,
                language,
                creativeVariation,
                maxAttempts,
                script);
    }
}
