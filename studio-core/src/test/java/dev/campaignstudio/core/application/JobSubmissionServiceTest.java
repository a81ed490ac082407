package dev.campaignstudio.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.Violation;
import dev.campaignstudio.core.engine.RetryPlanner;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.core.fixtures.DirectTransactions;
import dev.campaignstudio.core.fixtures.InMemoryAssets;
import dev.campaignstudio.core.fixtures.InMemoryEventLog;
import dev.campaignstudio.core.fixtures.InMemoryJobRepository;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.OutboundFixtures;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.in.SubmitOutcome;
import dev.campaignstudio.core.port.out.DuplicateIdempotencyKeyException;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JobSubmissionServiceTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final InMemoryJobRepository jobs = new InMemoryJobRepository();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final InMemoryAssets assets = new InMemoryAssets();
    private final List<Job> started = new java.util.ArrayList<>();
    private final OutboundGuard guard = OutboundFixtures.byHost(Map.of(
            "10.0.0.1", OutboundGuard.Verdict.NOT_ALLOWED,
            "internal.example", OutboundGuard.Verdict.NOT_ALLOWED,
            "not-yet.example", OutboundGuard.Verdict.UNRESOLVED));
    private final JobSubmissionService service = service(jobs);

    private JobSubmissionService service(JobRepository repository) {
        return new JobSubmissionService(
                repository,
                events,
                new DirectTransactions(),
                new RetryPlanner(repository, PipelineRouter.standard()),
                started::add,
                CallbackFixtures.permissive(),
                new ImageCheck(assets, guard),
                clock);
    }

    private SubmitOutcome submit(Map<String, Object> tree) {
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        return service.submit(request, CanonicalJson.sha256(tree));
    }

    private Job created(Map<String, Object> tree) {
        SubmitOutcome outcome = submit(tree);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Created.class);
        return ((SubmitOutcome.Created) outcome).job();
    }

    @Test
    void newRequestIsStoredQueuedWithAnAcceptedEvent() {
        Job job = created(RequestFixture.output("fast_video").tree());
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.find(job.id())).contains(job);
        assertThat(started).containsExactly(job);
        assertThat(events.all()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(JobEventType.ACCEPTED);
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.data()).containsEntry("mode", "fast_video").containsEntry("product_id", "sku-123");
        });
    }

    @Test
    void sameKeyAndPayloadReturnsTheOriginalJobWithoutNewWork() {
        Job first = created(RequestFixture.output("ugc").tree());
        SubmitOutcome again = submit(RequestFixture.output("ugc").tree());
        assertThat(again).isEqualTo(new SubmitOutcome.Replayed(first));
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(started).as("a replay starts nothing").hasSize(1);
        assertThat(events.all()).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherPayloadIsAConflict() {
        Job first = created(RequestFixture.output("ugc").tree());
        SubmitOutcome other = submit(
                RequestFixture.output("ugc").with("prompt", "something else").tree());
        assertThat(other).isEqualTo(new SubmitOutcome.KeyConflict(first.id()));
        assertThat(jobs.size()).isEqualTo(1);
    }

    @Test
    void aRaceLostAtInsertTimeReturnsTheWinner() {
        Map<String, Object> tree = RequestFixture.creation().tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        String hash = CanonicalJson.sha256(tree);
        AtomicBoolean raced = new AtomicBoolean();
        JobRepository racing = new JobRepository() {
            @Override
            public void insert(Job job) {
                if (raced.compareAndSet(false, true)) {
                    jobs.insert(new Job(
                            dev.campaignstudio.core.id.JobId.next(clock),
                            job.type(),
                            job.status(),
                            job.mode(),
                            job.productId(),
                            null,
                            job.request(),
                            job.requestHash(),
                            job.createdAt(),
                            job.updatedAt(),
                            null,
                            null,
                            null,
                            null,
                            false));
                }
                jobs.insert(job);
            }

            @Override
            public Optional<Job> find(dev.campaignstudio.core.id.JobId id) {
                return jobs.find(id);
            }

            @Override
            public Optional<Job> lock(dev.campaignstudio.core.id.JobId id) {
                return jobs.lock(id);
            }

            @Override
            public void update(Job job) {
                jobs.update(job);
            }

            @Override
            public Optional<Job> findByIdempotencyKey(String owner, String key) {
                return raced.get() ? jobs.findByIdempotencyKey(owner, key) : Optional.empty();
            }

            @Override
            public JobPage list(JobQuery query) {
                return jobs.list(query);
            }

            @Override
            public java.util.List<Job> retriesOf(dev.campaignstudio.core.id.JobId parent) {
                return jobs.retriesOf(parent);
            }
        };
        SubmitOutcome outcome = service(racing).submit(request, hash);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Replayed.class);
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(events.all()).isEmpty();
    }

    @Test
    void duplicateKeyExceptionIsTheRepositoryContract() {
        created(RequestFixture.creation().tree());
        Job second = Job.accepted(
                dev.campaignstudio.core.id.JobId.next(clock),
                new JobRequestReader().read(RequestFixture.creation().tree()).orThrow(),
                "h",
                null,
                "sku-123",
                null,
                clock.instant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.insert(second))
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
    }

    /** A key answers with its job even when the request would be refused now: its upload has been deleted since. */
    @Test
    void aReplayWhoseUploadIsGoneSinceReturnsTheOriginalJobAndAnotherPayloadStillConflicts() {
        AssetId upload = AssetId.next(clock);
        assets.insert(
                new Asset(upload, AssetKind.UPLOAD, "image/png", "b".repeat(64), 10, 1, 1, null, clock.instant()));
        RequestFixture request = RequestFixture.creation().with("product.images.0.uri", "asset:" + upload.value());
        Job first = created(request.tree());
        assets.forget(upload);

        assertThat(submit(request.tree())).isEqualTo(new SubmitOutcome.Replayed(first));
        assertThat(submit(request.with("product.name", "Another name").tree()))
                .isEqualTo(new SubmitOutcome.KeyConflict(first.id()));
        assertThat(submit(RequestFixture.creation()
                        .with("idempotency_key", "another-key")
                        .with("product.images.0.uri", "asset:" + upload.value())
                        .tree()))
                .as("a new key with the deleted upload")
                .isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(started).hasSize(1);
    }

    @Test
    void missingUploadedAssetIsNamedByItsPointer() {
        AssetId stored = AssetId.next(clock);
        assets.insert(
                new Asset(stored, AssetKind.UPLOAD, "image/png", "a".repeat(64), 10, 1, 1, null, clock.instant()));
        SubmitOutcome outcome = submit(RequestFixture.creation()
                .with("product.images.0.uri", "asset:" + stored.value())
                .with(
                        "product.images.1",
                        Map.of("uri", "asset:" + AssetId.next(clock).value()))
                .tree());
        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) outcome).violations())
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/product/images/1/uri", "NOT_FOUND"));
        assertThat(jobs.size()).isZero();
    }

    @Test
    void imageUrlsTheOutboundRulesRefuseAreNamedByTheirPointersAndNothingIsStored() {
        SubmitOutcome outcome = submit(RequestFixture.output("image_bundle")
                .with("product.images.0.uri", "https://cdn.example.com/ok.png")
                .with("product.images.1", Map.of("uri", "https://10.0.0.1/x.png"))
                .with("product.images.2", Map.of("uri", "https://internal.example/x.png"))
                .tree());
        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) outcome).violations())
                .extracting(Violation::pointer, Violation::code, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/product/images/1/uri", "NOT_ALLOWED", "not allowed by the outbound rules"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/product/images/2/uri", "NOT_ALLOWED", "not allowed by the outbound rules"));
        assertThat(jobs.size()).isZero();
        assertThat(events.all()).isEmpty();
    }

    @Test
    void anImageHostThatDoesNotResolveYetIsLeftToTheFetch() {
        created(RequestFixture.creation()
                .with("product.images.0.uri", "https://not-yet.example/x.png")
                .tree());
    }

    @Test
    void retryOfAFinishedJobInheritsItsProductAndMode() {
        Job parent = finished(created(RequestFixture.output("fast_video")
                .with("settings.scene_count", 6)
                .tree()));
        Job retry = created(RequestFixture.retry(parent.id().value(), "scene_video")
                .with("idempotency_key", "r1")
                .with("target.scene_order", 4)
                .tree());
        assertThat(retry.parentJobId()).isEqualTo(parent.id());
        assertThat(retry.mode()).isEqualTo(parent.mode());
        assertThat(retry.productId()).isEqualTo("sku-123");
    }

    @Test
    void retryTargetsMustExistInTheEarlierPipeline() {
        Job parent = finished(created(RequestFixture.output("fast_video")
                .with("settings.scene_count", 6)
                .tree()));
        assertThat(rejected(RequestFixture.retry(parent.id().value(), "voiceover")
                        .with("idempotency_key", "r1")
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/target/stage", "NOT_FOUND"));
        assertThat(rejected(RequestFixture.retry(parent.id().value(), "scene_video")
                        .with("idempotency_key", "r2")
                        .with("target.scene_order", 7)
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/target/scene_order", "OUT_OF_RANGE"));
        assertThat(rejected(RequestFixture.retry(parent.id().value(), "stitch")
                        .with("idempotency_key", "r3")
                        .with("target.scene_order", 2)
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("NOT_ALLOWED");
        assertThat(rejected(RequestFixture.retry(parent.id().value(), "stitch")
                        .with("idempotency_key", "r4")
                        .with("settings.duration_s", 500)
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactly("/settings/duration_s");
    }

    @Test
    void aRetrysFarOutSettingIsRefusedWithTheBoundOfTheEarlierJobsMode() {
        Job parent = finished(created(RequestFixture.output("ugc").tree()));
        assertThat(rejected(RequestFixture.retry(parent.id().value(), "assemble")
                        .with("idempotency_key", "r-huge")
                        .with("settings.duration_s", new java.math.BigDecimal("1e30"))
                        .with("settings.scene_count", -(1L << 40))
                        .tree()))
                .extracting(Violation::pointer, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/settings/duration_s", "must be at most 60"),
                        org.assertj.core.groups.Tuple.tuple("/settings/scene_count", "must be at least 2"));
    }

    @Test
    void retryOfAnUnknownOrRunningJobIsRefused() {
        assertThat(rejected(RequestFixture.retry("job_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "metadata")
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/job_id", "NOT_FOUND"));
        Job queued = created(RequestFixture.creation().tree());
        assertThat(rejected(RequestFixture.retry(queued.id().value(), "metadata")
                        .with("idempotency_key", "r9")
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("NOT_FINISHED");
    }

    @Test
    void retriesChainAndSeeEveryEarlierSettingChange() {
        Job parent = finished(created(RequestFixture.output("fast_video")
                .with("settings.scene_count", 6)
                .tree()));
        Job first = finished(created(RequestFixture.retry(parent.id().value(), "storyboard")
                .with("idempotency_key", "r1")
                .with("settings.scene_count", 3)
                .tree()));
        RetryPlanner planner = new RetryPlanner(jobs, PipelineRouter.standard());
        assertThat(planner.effectiveSettings(first).orElseThrow().sceneCount()).isEqualTo(3);
        assertThat(rejected(RequestFixture.retry(first.id().value(), "scene_image")
                        .with("idempotency_key", "r2")
                        .with("target.scene_order", 4)
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("OUT_OF_RANGE");
        created(RequestFixture.retry(first.id().value(), "scene_image")
                .with("idempotency_key", "r3")
                .with("target.scene_order", 3)
                .tree());
    }

    private List<Violation> rejected(Map<String, Object> tree) {
        SubmitOutcome outcome = submit(tree);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        return ((SubmitOutcome.Rejected) outcome).violations();
    }

    private Job finished(Job job) {
        Job done = new Job(
                job.id(),
                job.type(),
                JobStatus.SUCCEEDED,
                job.mode(),
                job.productId(),
                job.parentJobId(),
                job.request(),
                job.requestHash(),
                job.createdAt(),
                clock.instant(),
                clock.instant(),
                clock.instant(),
                null,
                Map.of(),
                false);
        jobs.replace(done);
        return done;
    }
}
