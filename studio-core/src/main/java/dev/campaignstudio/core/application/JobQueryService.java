package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.engine.Manifests;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Read side of jobs, events and assets. */
public final class JobQueryService implements FindJobs, FindAssets {

    private final JobRepository jobs;
    private final EventLog events;
    private final AssetRepository assets;
    private final BlobStore blobs;
    private final StepStore steps;
    private final PipelineRouter router;
    private final DownloadLinks links;

    public JobQueryService(
            JobRepository jobs,
            EventLog events,
            AssetRepository assets,
            BlobStore blobs,
            StepStore steps,
            PipelineRouter router) {
        this(jobs, events, assets, blobs, steps, router, DownloadLinks.NONE);
    }

    /** @param links makes fresh download links for the outputs of the jobs it returns */
    public JobQueryService(
            JobRepository jobs,
            EventLog events,
            AssetRepository assets,
            BlobStore blobs,
            StepStore steps,
            PipelineRouter router,
            DownloadLinks links) {
        this.links = links;
        this.jobs = jobs;
        this.events = events;
        this.assets = assets;
        this.blobs = blobs;
        this.steps = steps;
        this.router = router;
    }

    @Override
    public List<StepRecord> steps(Job job) {
        List<String> order = router.route(job.mode()).stageNames();
        return steps.forJob(job.id()).stream()
                .sorted(Comparator.comparingInt((StepRecord s) -> order.indexOf(s.stage()))
                        .thenComparingInt(StepRecord::sceneOrder)
                        .thenComparingInt(StepRecord::attempt))
                .toList();
    }

    @Override
    public Optional<Job> job(JobId id) {
        return jobs.find(id)
                .map(job -> job.manifest() == null
                        ? job
                        : job.withManifest(Manifests.withFreshLinks(job.manifest(), assets::find, links)));
    }

    @Override
    public List<Job> retriesOf(JobId id) {
        return jobs.retriesOf(id);
    }

    @Override
    public JobPage jobs(JobQuery query) {
        return jobs.list(query);
    }

    @Override
    public List<JobEvent> events(JobId id, long after, int limit) {
        return events.after(id, after, limit);
    }

    @Override
    public Optional<Asset> asset(AssetId id) {
        return assets.find(id);
    }

    @Override
    public Optional<Asset> asset(AssetId id, String viewer) {
        return assets.find(id, viewer);
    }

    @Override
    public InputStream open(Asset asset) throws IOException {
        return blobs.open(asset.sha256());
    }

    @Override
    public InputStream open(Asset asset, long offset, long length) throws IOException {
        return blobs.open(asset.sha256(), offset, length);
    }
}
