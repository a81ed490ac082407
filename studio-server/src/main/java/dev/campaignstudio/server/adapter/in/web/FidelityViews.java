package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.server.adapter.in.web.JobPageView.FidelityAttempt;
import dev.campaignstudio.server.adapter.in.web.JobPageView.FidelityGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fidelity checks a job's steps recorded: an accepted image's checks from the step's {@code fidelity} outputs, a
 * drifted one's from its {@code FIDELITY_DRIFT} error (docs/fidelity.md).
 */
final class FidelityViews {

    private FidelityViews() {}

    static List<FidelityGroup> of(List<StepRecord> steps) {
        List<FidelityGroup> groups = new ArrayList<>();
        for (StepRecord step : steps) {
            if (step.outputs().get("fidelity") instanceof List<?> checks) {
                for (Object check : checks) {
                    if (check instanceof Map<?, ?> summary) {
                        groups.add(group(step, summary));
                    }
                }
            }
            if (step.error() != null
                    && !step.error().details().isEmpty()
                    && step.error().details().get("attempts") instanceof List<?>) {
                groups.add(group(step, step.error().details()));
            }
        }
        return groups;
    }

    private static FidelityGroup group(StepRecord step, Map<?, ?> summary) {
        List<FidelityAttempt> attempts = new ArrayList<>();
        for (Object item : (List<?>) summary.get("attempts")) {
            if (item instanceof Map<?, ?> attempt) {
                Map<String, Object> parts = new LinkedHashMap<>();
                if (attempt.get("parts") instanceof Map<?, ?> scored) {
                    scored.forEach((k, v) -> parts.put(
                            String.valueOf(k),
                            v instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue()) : v));
                }
                List<String> changes = attempt.get("changes") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of();
                attempts.add(new FidelityAttempt(
                        number(attempt.get("attempt")).intValue(),
                        number(attempt.get("score")).doubleValue(),
                        parts,
                        String.valueOf(attempt.get("verdict")),
                        changes,
                        String.valueOf(attempt.get("asset_id")),
                        String.valueOf(attempt.get("seed"))));
            }
        }
        return new FidelityGroup(
                step.stage(),
                step.sceneOrNull(),
                String.valueOf(summary.get("subject")),
                number(summary.get("threshold")).doubleValue(),
                step.status().wire(),
                attempts);
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
