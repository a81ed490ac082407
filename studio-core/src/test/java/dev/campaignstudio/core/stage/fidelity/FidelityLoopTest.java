package dev.campaignstudio.core.stage.fidelity;

import static dev.campaignstudio.core.pipeline.StageDefinition.once;
import static dev.campaignstudio.core.pipeline.StageDefinition.perScene;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.application.ImageValidator;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.ContractException;
import dev.campaignstudio.core.contract.ModeRules;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.FakeCapabilities;
import dev.campaignstudio.core.fixtures.FakeImageDecoder;
import dev.campaignstudio.core.fixtures.FakeWeb;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.SourceImages;
import dev.campaignstudio.core.stage.identity.IdentityStages;
import dev.campaignstudio.core.stage.output.OutputStages;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fidelity loop inside {@code scene_image}, through the real engine over in-memory stores, with an image adapter and a
 * checker whose scores the test scripts: regenerations change what the score's parts say drifted, drift in every
 * allowed attempt fails the step and the job with {@code FIDELITY_DRIFT} and every score, and a crash mid-loop costs only
 * the generation that was running.
 */
class FidelityLoopTest {

    private static final OutputMode STILLS = OutputMode.of("stills");
    private static final ModeRules RULES =
            new ModeRules(STILLS, Aspect.SQUARE_1_1, 0, 0, 0, 1, 3, 1, Presentation.PRODUCT_ONLY, false, false);
    private static final FidelityCheck.FidelityScore GOOD = score(0.9, 0.9, 0.9, 0.95);
    private static final FidelityCheck.FidelityScore RECOLOURED = score(0.85, 0.3, 0.9, 0.95);
    private static final FidelityCheck.FidelityScore SQUASHED = score(0.6, 0.9, 0.9, 0.45);

    private final FakeCapabilities fake = new FakeCapabilities();
    private final Scripted scripted = new Scripted();
    private final EngineHarness harness = new EngineHarness(
            PipelineRouter.standard().withMode(RULES, once(Stages.CONCEPTS), perScene(Stages.SCENE_IMAGE)), h -> {
                Map<Capability, String> bindings = new EnumMap<>(Capability.class);
                fake.capabilities().forEach(c -> bindings.put(c, fake.name()));
                bindings.put(Capability.IMAGE, scripted.name());
                bindings.put(Capability.FIDELITY, scripted.name());
                Capabilities capabilities =
                        new Capabilities(CapabilityRegistry.bind(bindings, List.of(fake, scripted)));
                FakeWeb web =
                        new FakeWeb().serve("https://cdn.example.com/p/bottle.png", TestImages.png(64, 80, Color.BLUE));
                SourceImages sources = new SourceImages(
                        h.assets,
                        h.assets,
                        web,
                        new ImageValidator(new FakeImageDecoder(), 10_000_000),
                        1_000_000,
                        Duration.ofSeconds(5));
                return new StageHandlers(
                                IdentityStages.handlers(capabilities, sources, h.checkpoints, Duration.ofHours(24)))
                        .with(OutputStages.handlers(
                                capabilities, new RenderSettings(256, 256, 8), FidelityThresholds.DEFAULTS));
            });

    @AfterEach
    void close() {
        harness.close();
    }

    private static FidelityCheck.FidelityScore score(
            double structure, double colour, double location, double proportion) {
        double least = Math.min(Math.min(structure, colour), Math.min(location, proportion));
        return new FidelityCheck.FidelityScore(least, structure, colour, location, proportion, new Box(1, 1, 10, 10));
    }

    private Job submit(int scenes, int maxAttempts) {
        return harness.submit(RequestFixture.output("stills")
                .with("idempotency_key", "f-" + UUID.randomUUID())
                .with("settings", Map.of("scene_count", scenes, "max_attempts", maxAttempts))
                .tree());
    }

    private StepRecord sceneImage(Job job, int scene) {
        return JobPlanner.latest(harness.steps.forJob(job.id())).values().stream()
                .filter(s -> s.stage().equals(Stages.SCENE_IMAGE) && s.sceneOrder() == scene)
                .findFirst()
                .orElseThrow();
    }

    private static List<Map<?, ?>> attempts(Map<?, ?> check) {
        List<Map<?, ?>> attempts = new ArrayList<>();
        ((List<?>) check.get("attempts")).forEach(a -> attempts.add((Map<?, ?>) a));
        return attempts;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @Test
    void aDriftedImageIsRegeneratedWithChangesChosenFromWhatDriftedAndTheAcceptedScoreIsListed() {
        scripted.scores = call -> switch (call) {
            case 1 -> RECOLOURED;
            case 2 -> SQUASHED;
            default -> GOOD;
        };
        Job job = submit(1, 3);
        harness.drain();

        Job done = harness.job(job);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(scripted.generations.get()).isEqualTo(3);
        StepRecord step = sceneImage(job, 1);
        Map<?, ?> check = (Map<?, ?>) ((List<?>) step.outputs().get("fidelity")).get(0);
        assertThat(check.get("score")).isEqualTo(0.9);
        List<Map<?, ?>> attempts = attempts(check);
        assertThat(attempts.stream().map(a -> String.valueOf(a.get("verdict"))))
                .containsExactly("drift", "drift", "pass");
        assertThat(strings(attempts.get(0).get("changes"))).isEmpty();
        assertThat(strings(attempts.get(1).get("changes")))
                .contains("new seed", "palette locked to the reference", "prompt told what drifted")
                .noneMatch(c -> c.startsWith("stylisation"));
        assertThat(strings(attempts.get(2).get("changes")))
                .as("shape drift on the way to the last attempt")
                .contains("new seed", "stylisation off");
        assertThat(((Map<?, ?>) attempts.get(2).get("constraints")).get("lock_palette"))
                .as("a lock is kept")
                .isEqualTo(true);
        assertThat(scripted.requests.get(1).prompt()).contains("colour 0.30").contains("keep the product's colours");
        assertThat(scripted.requests.get(2).prompt()).contains("proportions 0.45");
        assertThat(scripted.requests)
                .extracting(ImageGeneration.ImageRequest::seed)
                .doesNotHaveDuplicates();
        assertThat(step.assets())
                .extracting(StepRecord.StepAsset::role)
                .containsExactly("rejected_image", "rejected_image", "scene_image");

        List<String> notes = harness.events.all().stream()
                .filter(e -> e.type() == JobEventType.PROGRESS && e.data().containsKey("note"))
                .map(e -> String.valueOf(((Map<?, ?>) e.data().get("note")).get("message")))
                .toList();
        assertThat(notes)
                .containsExactly("check 0.30 drift, regenerating", "check 0.45 drift, regenerating", "check 0.90 pass");
        assertThat(((Map<?, ?>) done.manifest().get("fidelity")).toString()).contains("0.9");
    }

    @Test
    void anAdapterThatAlwaysDriftsFailsTheStepAfterExactlyMaxAttemptsWithEveryScore() {
        scripted.scores = call -> RECOLOURED;
        Job job = submit(2, 4);
        harness.drain();

        Job failed = harness.job(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo("FIDELITY_DRIFT");
        assertThat(failed.error().stage()).isEqualTo("scene_image");
        assertThat(failed.error().sceneOrder()).isNotNull();
        assertThat(failed.error().message())
                .contains("all 4 attempts")
                .contains("scene_image scene " + failed.error().sceneOrder());
        List<?> scores = (List<?>) failed.error().details().get("attempts");
        assertThat(scores)
                .hasSize(4)
                .allSatisfy(a -> assertThat(((Map<?, ?>) a).get("score")).isEqualTo(0.3));
        assertThat(sceneImage(job, failed.error().sceneOrder()).status()).isEqualTo(StepStatus.FAILED);
        assertThat(sceneImage(job, failed.error().sceneOrder()).attempt())
                .as("drift is not retried by the engine")
                .isEqualTo(1);

        JobEvent event = harness.events.all().stream()
                .filter(e -> e.type() == JobEventType.FAILED)
                .findFirst()
                .orElseThrow();
        Map<?, ?> error = (Map<?, ?>) event.data().get("error");
        assertThat(error.get("code")).isEqualTo("FIDELITY_DRIFT");
        assertThat((List<?>) ((Map<?, ?>) error.get("details")).get("attempts")).hasSize(4);
    }

    @Test
    void aCrashMidLoopRepeatsOnlyTheGenerationThatWasRunning() {
        scripted.scores = call -> call <= 2 ? RECOLOURED : GOOD;
        scripted.crashAtScore = 3;
        Job job = submit(1, 3);
        try {
            harness.drain();
        } catch (SimulatedCrash expected) {
            // the worker died while scoring the second generation
        }
        assertThat(scripted.generations.get()).isEqualTo(3);
        harness.clock.advance(Duration.ofSeconds(31));
        assertThat(harness.engine.sweep(Duration.ofMinutes(5)).givenUp()).isEqualTo(1);
        harness.drain();

        Job done = harness.job(job);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(scripted.generations.get())
                .as("1 and 2 noted, 3 crashed while scored, 3 again")
                .isEqualTo(4);
        ImageGeneration.ImageRequest crashed = scripted.requests.get(2);
        ImageGeneration.ImageRequest resumed = scripted.requests.get(3);
        assertThat(resumed.seed())
                .as("the resumed generation is the one that crashed")
                .isEqualTo(crashed.seed());
        assertThat(resumed.constraints()).isEqualTo(crashed.constraints());
        assertThat(resumed.prompt()).isEqualTo(crashed.prompt());
        assertThat(crashed.seed()).isNotEqualTo(scripted.requests.get(1).seed());
        StepRecord step = sceneImage(job, 1);
        assertThat(step.attempt()).isEqualTo(2);
        assertThat(attempts((Map<?, ?>) ((List<?>) step.outputs().get("fidelity")).get(0)).stream()
                        .map(a -> a.get("attempt").toString()))
                .containsExactly("1", "2", "3");
    }

    @Test
    void withoutMaxAttemptsAnImageThatAlwaysDriftsIsMadeExactlyThreeTimes() {
        scripted.scores = call -> RECOLOURED;
        Job job = harness.submit(RequestFixture.output("stills")
                .with("idempotency_key", "f-" + UUID.randomUUID())
                .with("settings", Map.of("scene_count", 1))
                .tree());
        harness.drain();

        // docs/fidelity.md: max_attempts is 3 unless the job says otherwise, the first generation included
        assertThat(scripted.generations.get()).isEqualTo(3);
        assertThat(scripted.checks.get()).isEqualTo(3);
        Job failed = harness.job(job);
        assertThat(failed.error().code()).isEqualTo("FIDELITY_DRIFT");
        assertThat((List<?>) failed.error().details().get("attempts")).hasSize(3);
    }

    @ParameterizedTest(name = "max_attempts {0}")
    @ValueSource(ints = {1, 5})
    void atTheBoundsOfMaxAttemptsTheLoopMakesExactlyThatManyGenerations(int maxAttempts) {
        scripted.scores = call -> RECOLOURED;
        Job job = submit(1, maxAttempts);
        harness.drain();

        assertThat(scripted.generations.get()).isEqualTo(maxAttempts);
        assertThat(harness.job(job).error().code()).isEqualTo("FIDELITY_DRIFT");
        assertThat(sceneImage(job, 1).assets())
                .extracting(StepRecord.StepAsset::role)
                .hasSize(maxAttempts)
                .containsOnly("rejected_image");
    }

    @ParameterizedTest(name = "max_attempts {0}")
    @ValueSource(ints = {0, 6})
    void maxAttemptsOutsideOneToFiveIsRefusedBeforeAnythingIsMade(int maxAttempts) {
        assertThatThrownBy(() -> submit(1, maxAttempts))
                .isInstanceOfSatisfying(
                        ContractException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(v -> v.pointer())
                                .contains("/settings/max_attempts"));
        assertThat(scripted.generations.get()).isZero();
    }

    /** Thrown by the checker to stand for a worker that dies: an Error, so the engine records nothing. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** An image adapter that makes a tiny PNG per call, and a checker that answers the test's scores. */
    static final class Scripted implements CapabilityAdapter, ImageGeneration, FidelityCheck {

        final AtomicInteger generations = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final List<ImageRequest> requests = new ArrayList<>();
        IntFunction<FidelityScore> scores = call -> GOOD;
        final AtomicInteger clipChecks = new AtomicInteger();
        IntFunction<FidelityScore> clipScores = call -> GOOD;
        int crashAtScore = -1;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.IMAGE, Capability.FIDELITY);
        }

        @Override
        public synchronized SceneImage generate(ImageRequest request) {
            requests.add(request);
            int n = generations.incrementAndGet();
            MediaFile image =
                    MediaFile.image(TestImages.png(32, 32, new Color(n * 40 % 256, 90, 160)), "image/png", 32, 32);
            return new SceneImage(image, image, new Box(4, 4, 20, 20));
        }

        @Override
        public MediaFile sheet(SheetRequest request) {
            return MediaFile.image(TestImages.png(160, 90, Color.GRAY), "image/png", 160, 90);
        }

        @Override
        public MediaFile contactSheet(ContactSheetRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FidelityScore score(FidelityRequest request) {
            int n = checks.incrementAndGet();
            if (n == crashAtScore) {
                throw new SimulatedCrash();
            }
            return scores.apply(n);
        }

        @Override
        public ClipScore scoreClip(ClipRequest request) {
            FidelityScore score = clipScores.apply(clipChecks.incrementAndGet());
            return new ClipScore(
                    score,
                    List.of(score.score()),
                    List.of(0L),
                    MediaFile.image(TestImages.png(32, 32, Color.DARK_GRAY), "image/png", 32, 32));
        }
    }
}
