package dev.campaignstudio.core.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Defaults and bounds of the settings of one output mode: a row of a {@link ModeCatalog}. Adding a mode adds a row and
 * a pipeline definition to the pipeline router's table, nothing else.
 *
 * @param mode                the mode these rules govern
 * @param defaultAspect       aspect when none is given
 * @param minDuration         shortest {@code duration_s}; with {@code maxDuration == 0}, the mode has no timeline
 * @param maxDuration         longest {@code duration_s}
 * @param defaultDuration     {@code duration_s} when none is given
 * @param minScenes           fewest scenes
 * @param maxScenes           most scenes
 * @param defaultScenes       scenes when none are given
 * @param defaultPresentation presentation when none is given
 * @param acceptsScript       whether a ready {@code script} may be supplied
 * @param acceptsAspects      whether several {@code aspects} may be asked for (one output per aspect)
 */
public record ModeRules(
        OutputMode mode,
        Aspect defaultAspect,
        int minDuration,
        int maxDuration,
        int defaultDuration,
        int minScenes,
        int maxScenes,
        int defaultScenes,
        Presentation defaultPresentation,
        boolean acceptsScript,
        boolean acceptsAspects) {

    public ModeRules {
        Require.present(mode, "mode");
        Require.present(defaultAspect, "defaultAspect");
        Require.present(defaultPresentation, "defaultPresentation");
        if (minScenes < 1 || maxScenes < minScenes || defaultScenes < minScenes || defaultScenes > maxScenes) {
            throw new IllegalArgumentException("scene bounds must hold 1 <= min <= default <= max");
        }
        if (maxDuration > 0 && (minDuration < 1 || defaultDuration < minDuration || defaultDuration > maxDuration)) {
            throw new IllegalArgumentException("duration bounds must hold 1 <= min <= default <= max");
        }
    }

    /** Voice used when none is given. */
    public static final String DEFAULT_VOICE = "default";
    /** Language used when none is given. */
    public static final String DEFAULT_LANGUAGE = "en";
    /** Creative variation used when none is given. */
    public static final double DEFAULT_VARIATION = 0.3;
    /** Fidelity-loop attempts used when none are given. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Whether this mode makes something with a timeline (and so takes {@code duration_s}). */
    public boolean hasTimeline() {
        return maxDuration > 0;
    }

    /**
     * Checks {@code patch} against this mode and fills in defaults.
     *
     * @param patch      settings as given
     * @param pointer    JSON pointer of the settings object, for violations
     * @param violations where problems are recorded
     * @return the complete settings, or {@code null} when a violation was recorded
     */
    public OutputSettings resolve(SettingsPatch patch, String pointer, Violations violations) {
        boolean ok = true;
        Integer duration = null;
        if (hasTimeline()) {
            duration = patch.durationS() != null ? patch.durationS() : defaultDuration;
            ok &= within(duration, minDuration, maxDuration, Violation.child(pointer, "duration_s"), violations);
        } else if (patch.durationS() != null) {
            violations.add(Violation.child(pointer, "duration_s"), "NOT_ALLOWED", mode.wire() + " has no duration");
            ok = false;
        }
        if (patch.script() != null && !acceptsScript) {
            violations.add(
                    Violation.child(pointer, "script"),
                    "NOT_ALLOWED",
                    "a ready script is only accepted by script_video");
            ok = false;
        }
        Integer scenes;
        if (patch.script() != null && acceptsScript) {
            scenes = null;
            if (patch.sceneCount() != null) {
                violations.add(
                        Violation.child(pointer, "scene_count"),
                        "NOT_ALLOWED",
                        "with a ready script, its segments decide the scenes");
                ok = false;
            }
        } else {
            scenes = patch.sceneCount() != null ? patch.sceneCount() : defaultScenes;
            ok &= within(scenes, minScenes, maxScenes, Violation.child(pointer, "scene_count"), violations);
        }
        Aspect aspect = patch.aspect() != null ? patch.aspect() : defaultAspect;
        List<Aspect> aspects = List.of(aspect);
        if (patch.aspects() != null && !acceptsAspects) {
            violations.add(
                    Violation.child(pointer, "aspects"),
                    "NOT_ALLOWED",
                    "only image_bundle makes outputs in several aspects");
            ok = false;
        } else if (patch.aspects() != null) {
            aspect = patch.aspect() != null ? patch.aspect() : patch.aspects().get(0);
            if (!patch.aspects().contains(aspect)) {
                violations.add(Violation.child(pointer, "aspect"), "NOT_ALLOWED", "must be one of aspects");
                ok = false;
            }
            List<Aspect> ordered = new ArrayList<>(patch.aspects());
            ordered.remove(aspect);
            ordered.add(0, aspect);
            aspects = ordered;
        }
        if (!ok) {
            return null;
        }
        return new OutputSettings(
                aspect,
                aspects,
                duration,
                scenes,
                patch.presentation() != null ? patch.presentation() : defaultPresentation,
                patch.voice() != null ? patch.voice() : DEFAULT_VOICE,
                patch.style() != null ? patch.style() : Style.AUTO,
                patch.language() != null ? patch.language() : DEFAULT_LANGUAGE,
                patch.creativeVariation() != null ? patch.creativeVariation() : DEFAULT_VARIATION,
                patch.maxAttempts() != null ? patch.maxAttempts() : DEFAULT_MAX_ATTEMPTS,
                patch.script());
    }

    private static boolean within(int value, int min, int max, String where, Violations violations) {
        if (value < min) {
            violations.add(where, "TOO_SMALL", "must be at least " + min);
            return false;
        }
        if (value > max) {
            violations.add(where, "TOO_LARGE", "must be at most " + max);
            return false;
        }
        return true;
    }
}
