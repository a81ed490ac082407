package dev.campaignstudio.core.pipeline;

import static dev.campaignstudio.core.pipeline.StageDefinition.once;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.application.ImageValidator;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.ModeRules;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Validated;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.engine.StepResult;
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
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.SourceImages;
import dev.campaignstudio.core.stage.identity.IdentityStages;
import java.awt.Color;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fifth output mode, registered through the router's table alone (its settings' rules and its own stage) and run:
 * the contract, the engine and the other pipelines are untouched.
 */
class NewModeTest {

    private static final OutputMode TEASER = OutputMode.of("teaser");
    private static final ModeRules TEASER_RULES =
            new ModeRules(TEASER, Aspect.SQUARE_1_1, 0, 0, 0, 1, 3, 1, Presentation.PRODUCT_ONLY, false, false);

    private final FakeCapabilities fake = new FakeCapabilities();
    private final PipelineRouter router = PipelineRouter.standard().withMode(TEASER_RULES, once("teaser_card"));
    private final EngineHarness harness = new EngineHarness(router, h -> {
        Map<Capability, String> bindings = new EnumMap<>(Capability.class);
        fake.capabilities().forEach(c -> bindings.put(c, fake.name()));
        Capabilities capabilities = new Capabilities(CapabilityRegistry.bind(bindings, List.of(fake)));
        FakeWeb web = new FakeWeb().serve("https://cdn.example.com/p/bottle.png", TestImages.png(64, 80, Color.BLUE));
        SourceImages sources = new SourceImages(
                h.assets,
                h.assets,
                web,
                new ImageValidator(new FakeImageDecoder(), 10_000_000),
                1_000_000,
                Duration.ofSeconds(5));
        return new StageHandlers(IdentityStages.handlers(capabilities, sources, h.checkpoints, Duration.ofHours(24)))
                .with(Map.of(
                        "teaser_card",
                        context -> StepResult.outputs(Map.of(
                                "card", "Meet " + context.inputs().product().name()))));
    });

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aModeAddedToTheRouterTableIsAcceptedAndRunsAfterTheIdentityStages() {
        Job job = harness.submit(RequestFixture.output("teaser")
                .with("idempotency_key", "t-" + UUID.randomUUID())
                .with("settings", Map.of("scene_count", 2))
                .tree());
        harness.drain();

        Job done = harness.job(job);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.mode()).isEqualTo(TEASER);
        List<String> stages = JobPlanner.latest(harness.steps.forJob(job.id())).values().stream()
                .map(StepRecord::stage)
                .toList();
        assertThat(stages)
                .containsExactlyInAnyOrder(
                        "neutral_image", "metadata", "character_sheet", "storyboard_seeds", "teaser_card");
        assertThat(JobPlanner.latest(harness.steps.forJob(job.id())).values())
                .extracting(StepRecord::status)
                .containsOnly(StepStatus.SUCCEEDED);
        assertThat(done.manifest().get("result")).isEqualTo(Map.of("card", "Meet Aurora Water Bottle"));
    }

    @Test
    void theNewModesSettingsAreCheckedByItsOwnRulesAndTheBuiltInModesAreUnchanged() {
        JobRequestReader reader = new JobRequestReader(router.modes());
        assertThat(violations(reader.read(RequestFixture.output("teaser")
                        .with("settings", Map.of("scene_count", 4))
                        .tree())))
                .containsExactly("/settings/scene_count TOO_LARGE");
        assertThat(reader.read(RequestFixture.output("fast_video").tree())).isInstanceOf(Validated.Valid.class);
        assertThat(router.route(OutputMode.FAST_VIDEO))
                .isEqualTo(PipelineRouter.standard().route(OutputMode.FAST_VIDEO));

        assertThat(violations(new JobRequestReader()
                        .read(RequestFixture.output("teaser").tree())))
                .containsExactly("/mode ENUM");
        Validated<?> poster = reader.read(RequestFixture.output("poster").tree());
        assertThat(((Validated.Invalid<?>) poster).violations().get(0).message())
                .contains("teaser");
    }

    private static List<String> violations(Validated<?> read) {
        return read instanceof Validated.Invalid<?> invalid
                ? invalid.violations().stream()
                        .map(v -> v.pointer() + " " + v.code())
                        .toList()
                : List.of();
    }
}
