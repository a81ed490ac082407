package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.MarketingOutputRequest;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.contract.SettingsPatch;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.server.adapter.in.web.JobPageView.EventRow;
import dev.campaignstudio.server.adapter.in.web.JobPageView.Header;
import dev.campaignstudio.server.adapter.in.web.JobPageView.RetryStage;
import dev.campaignstudio.server.adapter.in.web.JobPageView.SceneCard;
import dev.campaignstudio.server.adapter.in.web.JobPageView.StepRow;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds the job page's view from core's read ports (jobs, steps, events, assets); decides nothing about jobs. */
@Component
class JobViews {

    /** Most events the page lists; older ones stay readable through the API. */
    static final int MAX_EVENTS = 500;

    private final FindJobs jobs;
    private final FindAssets assets;
    private final JsonMapper json;
    private final Clock clock;

    JobViews(FindJobs jobs, FindAssets assets, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.assets = assets;
        this.json = json;
        this.clock = clock;
    }

    JobPageView page(Job job) {
        List<StepRecord> steps = jobs.steps(job);
        List<JobEvent> events = events(job);
        Map<String, Optional<Asset>> found = new HashMap<>();
        Instant now = clock.instant();
        return new JobPageView(
                header(job, events, now),
                timeline(job, steps, now),
                scenes(steps, found),
                FidelityViews.of(steps),
                outputs(job),
                TextViews.of(steps),
                eventRows(events),
                retryStages(job, steps),
                events.isEmpty() ? 0 : events.get(events.size() - 1).sequence());
    }

    /** The newest event's sequence, or 0. */
    long lastSequence(Job job) {
        List<JobEvent> events = events(job);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    }

    private List<JobEvent> events(Job job) {
        List<JobEvent> all = new ArrayList<>();
        long after = 0;
        while (all.size() < MAX_EVENTS) {
            List<JobEvent> page = jobs.events(job.id(), after, 100);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
        return all;
    }

    private Header header(Job job, List<JobEvent> events, Instant now) {
        Map<String, String> settings = new LinkedHashMap<>();
        String prompt = null;
        JobRequest request = job.request();
        if (request instanceof MarketingOutputRequest output) {
            prompt = output.prompt();
            settings(output.settings(), settings);
        } else if (request instanceof RetryRequest retry) {
            prompt = retry.prompt();
            settings.put(
                    "retry from",
                    retry.target().stage()
                            + (retry.target().sceneOrder() == null
                                    ? ""
                                    : ", scene " + retry.target().sceneOrder()));
            changes(retry.settings(), settings);
        }
        List<Map<String, String>> retries = new ArrayList<>();
        for (Job retry : jobs.retriesOf(job.id())) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", retry.id().value());
            entry.put("status", retry.status().wire());
            if (retry.request() instanceof RetryRequest r) {
                entry.put(
                        "target",
                        r.target().stage()
                                + (r.target().sceneOrder() == null
                                        ? ""
                                        : " · scene " + r.target().sceneOrder()));
            }
            retries.add(entry);
        }
        String callback = job.request().envelope().callback() == null
                ? null
                : withoutQuery(job.request().envelope().callback().url());
        return new Header(
                job.id().value(),
                job.type().wire(),
                job.status().wire(),
                job.mode() == null ? null : job.mode().wire(),
                job.productId(),
                job.parentJobId() == null ? null : job.parentJobId().value(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                Durations.between(
                        job.startedAt(),
                        job.finishedAt() != null ? job.finishedAt() : job.startedAt() == null ? null : now),
                job.cancelRequested(),
                percent(job, events),
                job.error() == null ? null : job.error().toTree(),
                prompt,
                settings,
                retries,
                callback);
    }

    private static void settings(OutputSettings s, Map<String, String> into) {
        into.put(
                "aspect",
                String.join(", ", s.aspects().stream().map(a -> a.wire()).toList()));
        if (s.durationS() != null) {
            into.put("duration", s.durationS() + " s");
        }
        if (s.sceneCount() != null) {
            into.put("scenes", String.valueOf(s.sceneCount()));
        }
        into.put("presentation", s.presentation().wire());
        into.put("style", s.style().wire());
        into.put("voice", s.voice());
        into.put("language", s.language());
        into.put("creative variation", String.valueOf(s.creativeVariation()));
        into.put("fidelity attempts", String.valueOf(s.maxAttempts()));
        if (s.script() != null) {
            into.put("script", "supplied (" + s.script().length() + " characters)");
        }
    }

    private static void changes(SettingsPatch patch, Map<String, String> into) {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("aspect", patch.aspect() == null ? null : patch.aspect().wire());
        changed.put("duration", patch.durationS() == null ? null : patch.durationS() + " s");
        changed.put("scenes", patch.sceneCount());
        changed.put(
                "presentation",
                patch.presentation() == null ? null : patch.presentation().wire());
        changed.put("style", patch.style() == null ? null : patch.style().wire());
        changed.put("voice", patch.voice());
        changed.put("language", patch.language());
        changed.put("creative variation", patch.creativeVariation());
        changed.put("fidelity attempts", patch.maxAttempts());
        changed.forEach((label, value) -> {
            if (value != null) {
                into.put(label, String.valueOf(value));
            }
        });
    }

    private static int percent(Job job, List<JobEvent> events) {
        if (job.status().wire().equals("succeeded")) {
            return 100;
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).data().get("percent") instanceof Number n) {
                return n.intValue();
            }
        }
        return 0;
    }

    private List<StepRow> timeline(Job job, List<StepRecord> steps, Instant now) {
        Instant start = job.createdAt();
        Instant end = job.finishedAt() != null ? job.finishedAt() : now;
        for (StepRecord step : steps) {
            if (step.finishedAt() != null && step.finishedAt().isAfter(end)) {
                end = step.finishedAt();
            }
        }
        double span = Math.max(1, Duration.between(start, end).toMillis());
        List<StepRow> rows = new ArrayList<>();
        for (StepRecord step : steps) {
            Instant from = step.startedAt() != null ? step.startedAt() : step.finishedAt();
            Instant to = step.finishedAt() != null ? step.finishedAt() : step.startedAt() != null ? now : null;
            double left = from == null
                    ? 0
                    : Math.min(100, Duration.between(start, from).toMillis() * 100 / span);
            double width = from == null || to == null
                    ? 0
                    : Math.max(
                            0.6, Math.min(100 - left, Duration.between(from, to).toMillis() * 100 / span));
            rows.add(new StepRow(
                    step.stage(),
                    step.sceneOrNull(),
                    step.attempt(),
                    step.status().wire(),
                    step.queue().wire(),
                    step.adapter(),
                    Durations.between(step.createdAt(), step.startedAt()),
                    Durations.between(step.startedAt(), to),
                    step.error() == null ? null : step.error().code(),
                    step.error() == null ? null : step.error().message(),
                    round(left),
                    round(width),
                    details(step)));
        }
        return rows;
    }

    private String details(StepRecord step) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (!step.inputs().isEmpty()) {
            tree.put("inputs", step.inputs());
        }
        tree.put("outputs", step.outputs());
        if (!step.assets().isEmpty()) {
            tree.put(
                    "files",
                    step.assets().stream()
                            .map(a -> Map.of("asset_id", a.assetId(), "role", a.role()))
                            .toList());
        }
        if (step.error() != null) {
            tree.put("error", step.error().toTree());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private List<SceneCard> scenes(List<StepRecord> steps, Map<String, Optional<Asset>> found) {
        Map<Integer, Map<String, StepRecord>> latest = new TreeMap<>();
        for (StepRecord step : steps) {
            if (step.sceneOrder() > 0) {
                latest.computeIfAbsent(step.sceneOrder(), k -> new LinkedHashMap<>())
                        .put(step.stage(), step);
            }
        }
        List<SceneCard> cards = new ArrayList<>();
        latest.forEach((order, byStage) -> {
            Map<String, String> stages = new LinkedHashMap<>();
            List<Media> media = new ArrayList<>();
            for (StepRecord step : byStage.values()) {
                stages.put(step.stage(), step.status().wire());
                if (step.status().isDone()) {
                    for (StepRecord.StepAsset ref : step.assets()) {
                        if (shownInScene(ref.role())) {
                            asset(ref.assetId(), found).ifPresent(a -> media.add(Media.of(a, ref.role(), order)));
                        }
                    }
                }
            }
            cards.add(new SceneCard(order, stages, media));
        });
        return cards;
    }

    private static boolean shownInScene(String role) {
        return !role.equals("rejected_image") && !role.contains("background") && !role.endsWith("json");
    }

    private Optional<Asset> asset(String id, Map<String, Optional<Asset>> found) {
        return found.computeIfAbsent(
                id, key -> AssetId.isValid(key) ? assets.asset(new AssetId(key)) : Optional.empty());
    }

    private static List<Media> outputs(Job job) {
        if (job.manifest() == null || !(job.manifest().get("outputs") instanceof List<?> outputs)) {
            return List.of();
        }
        List<Media> media = new ArrayList<>();
        for (Object item : outputs) {
            if (item instanceof Map<?, ?> output) {
                media.add(new Media(
                        String.valueOf(output.get("asset_id")),
                        String.valueOf(output.get("role")),
                        integer(output.get("scene_order")),
                        String.valueOf(output.get("media_type")),
                        integer(output.get("width")),
                        integer(output.get("height")),
                        output.get("duration_ms") instanceof Number n ? n.longValue() : null,
                        output.get("bytes") instanceof Number b ? b.longValue() : 0));
            }
        }
        return media;
    }

    private static List<EventRow> eventRows(List<JobEvent> events) {
        List<EventRow> rows = new ArrayList<>();
        for (JobEvent event : events) {
            rows.add(new EventRow(event.sequence(), event.type().wire(), event.occurredAt(), EventSummaries.of(event)));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** Stages of the job's pipeline that ran (or were reused) in it, each with its scenes: what a retry may target. */
    private static List<RetryStage> retryStages(Job job, List<StepRecord> steps) {
        if (!job.status().isTerminal()) {
            return List.of();
        }
        Map<String, List<Integer>> stages = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            List<Integer> scenes = stages.computeIfAbsent(step.stage(), k -> new ArrayList<>());
            if (step.sceneOrder() > 0 && !scenes.contains(step.sceneOrder())) {
                scenes.add(step.sceneOrder());
            }
        }
        List<RetryStage> options = new ArrayList<>();
        stages.forEach((stage, scenes) ->
                options.add(new RetryStage(stage, scenes.stream().sorted().toList())));
        return options;
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String withoutQuery(String url) {
        try {
            URI uri = URI.create(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            return "(unreadable URL)";
        }
    }
}
