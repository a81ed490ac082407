package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepRecord.Slot;
import dev.campaignstudio.core.pipeline.JobInputs;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a stage handler sees of the world for one attempt. */
public final class StepContext {

    private final Job job;
    private final StepRecord step;
    private final Map<Slot, StepRecord> done;
    private final JobInputs inputs;
    private final CancellationSignal cancellation;
    private final BlobStore blobs;
    private final AssetRepository assets;
    private final Clock clock;
    private final List<ProducedAsset> produced = new ArrayList<>();
    private final List<StepRecord.StepAsset> attached = new ArrayList<>();
    private final List<ProducedAsset> noted = new ArrayList<>();
    private final Notebook notebook;
    private final boolean retryTarget;
    private final TempFiles temp;

    /**
     * @param job          the job, with its request snapshot
     * @param step         the attempt being run
     * @param done         the latest done attempt of every finished slot of the job
     * @param inputs       what the job's stages work from (retry changes applied), or {@code null} when unknown
     * @param cancellation tells the handler to stop
     * @param blobs        where files go
     * @param assets       asset records, to read files of earlier steps
     * @param clock        the engine's clock
     * @param notebook     where the attempt's notes go
     * @param retryTarget  whether the job is a retry whose target is this step's stage
     * @param temp         where files read from the store for this attempt (videos) are written
     */
    public StepContext(
            Job job,
            StepRecord step,
            Map<Slot, StepRecord> done,
            JobInputs inputs,
            CancellationSignal cancellation,
            BlobStore blobs,
            AssetRepository assets,
            Clock clock,
            Notebook notebook,
            boolean retryTarget,
            TempFiles temp) {
        this.job = job;
        this.step = step;
        this.done = Map.copyOf(done);
        this.inputs = inputs;
        this.cancellation = cancellation;
        this.blobs = blobs;
        this.assets = assets;
        this.clock = clock;
        this.notebook = notebook;
        this.retryTarget = retryTarget;
        this.temp = temp;
    }

    /** As the full constructor, with files read from the store written to the JVM's temporary directory. */
    public StepContext(
            Job job,
            StepRecord step,
            Map<Slot, StepRecord> done,
            JobInputs inputs,
            CancellationSignal cancellation,
            BlobStore blobs,
            AssetRepository assets,
            Clock clock,
            Notebook notebook,
            boolean retryTarget) {
        this(job, step, done, inputs, cancellation, blobs, assets, clock, notebook, retryTarget, TempFiles.system());
    }

    /**
     * Whether the job is a retry that targets this step's stage (as the pipeline resolves the target's name, e.g.
     * {@code storyboard} for a creation job's {@code storyboard_seeds}): the stage is to be redone, not reused.
     */
    public boolean isRetryTarget() {
        return retryTarget;
    }

    public Job job() {
        return job;
    }

    /** The request snapshot; execution reads only this. */
    public JobRequest request() {
        return job.request();
    }

    /** Effective output settings (defaults and retry changes applied), or empty for creation jobs. */
    public Optional<OutputSettings> settings() {
        return Optional.ofNullable(inputs).map(JobInputs::settings);
    }

    /**
     * What the job's stages work from: the product snapshot, and for outputs the mode, prompt and settings, with retry
     * changes applied.
     *
     * @throws IllegalStateException when a retry's chain back to its original request is broken
     */
    public JobInputs inputs() {
        if (inputs == null) {
            throw new IllegalStateException(
                    "the inputs of job " + job.id() + " cannot be found (its retry chain is broken)");
        }
        return inputs;
    }

    /** The id of the attempt being run. */
    public StepId stepId() {
        return step.id();
    }

    public String stage() {
        return step.stage();
    }

    /** 1-based scene of a per-scene stage, or {@code null}. */
    public Integer sceneOrder() {
        return step.sceneOrNull();
    }

    public int attempt() {
        return step.attempt();
    }

    /** Outputs of the once-per-job stage {@code stage}, when it has finished. */
    public Optional<Map<String, Object>> outputsOf(String stage) {
        return Optional.ofNullable(done.get(new Slot(stage, 0))).map(StepRecord::outputs);
    }

    /** Outputs of scene {@code scene} of the per-scene stage {@code stage}, when it has finished. */
    public Optional<Map<String, Object>> outputsOf(String stage, int scene) {
        return Optional.ofNullable(done.get(new Slot(stage, scene))).map(StepRecord::outputs);
    }

    /** Every finished step of {@code stage}, in scene order. */
    public List<StepRecord> finished(String stage) {
        return done.values().stream()
                .filter(s -> s.stage().equals(stage))
                .sorted(Comparator.comparingInt(StepRecord::sceneOrder))
                .toList();
    }

    /** The latest done attempt of every finished slot of the job. */
    public List<StepRecord> finishedSteps() {
        return List.copyOf(done.values());
    }

    public CancellationSignal cancellation() {
        return cancellation;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Stores a file this attempt made; it is recorded with the attempt whatever the attempt's outcome.
     *
     * @param data       the bytes
     * @param kind       image, video, audio or data
     * @param mediaType  IANA media type
     * @param width      pixels, or {@code null}
     * @param height     pixels, or {@code null}
     * @param durationMs length, or {@code null}
     * @param role       what it is in the output, e.g. {@code scene_image}
     * @return the stored asset
     * @throws IOException when the blob store cannot write
     */
    public ProducedAsset store(
            byte[] data, AssetKind kind, String mediaType, Integer width, Integer height, Long durationMs, String role)
            throws IOException {
        String sha256 = Sha256.hex(data);
        blobs.put(data, sha256);
        return recordProduced(
                new Asset(
                        AssetId.next(clock),
                        kind,
                        mediaType,
                        sha256,
                        data.length,
                        width,
                        height,
                        durationMs,
                        clock.instant()),
                role);
    }

    /**
     * Stores a file this attempt made on local disk (a video, say), streaming it to the blob store; the local file is
     * left for the caller to delete. It is recorded with the attempt whatever the attempt's outcome.
     *
     * @param file       the local file
     * @param kind       image, video, audio or data
     * @param mediaType  IANA media type
     * @param width      pixels, or {@code null}
     * @param height     pixels, or {@code null}
     * @param durationMs length, or {@code null}
     * @param role       what it is in the output, e.g. {@code final_video}
     * @return the stored asset
     * @throws IOException when the file cannot be read or the blob store cannot write
     */
    public ProducedAsset store(
            Path file, AssetKind kind, String mediaType, Integer width, Integer height, Long durationMs, String role)
            throws IOException {
        String sha256 = Sha256.hex(file);
        blobs.put(file, sha256);
        return recordProduced(
                new Asset(
                        AssetId.next(clock),
                        kind,
                        mediaType,
                        sha256,
                        Files.size(file),
                        width,
                        height,
                        durationMs,
                        clock.instant()),
                role);
    }

    private ProducedAsset recordProduced(Asset asset, String role) {
        ProducedAsset result = new ProducedAsset(asset, role);
        synchronized (produced) {
            produced.add(result);
        }
        return result;
    }

    /**
     * Whether the asset {@code assetId} has its record and its blob in the store: a row alone does not prove a file.
     *
     * @throws IOException when the store cannot be asked
     */
    public boolean stored(String assetId) throws IOException {
        Optional<Asset> asset = asset(assetId);
        return asset.isPresent() && blobs.contains(asset.get().sha256());
    }

    /**
     * Reads a file an earlier step (of this job, or of the job a checkpoint came from) made.
     *
     * @throws IOException when no asset has the id or its file is missing
     */
    public byte[] read(String assetId) throws IOException {
        Asset asset = assets.find(new AssetId(assetId)).orElseThrow(() -> new IOException("no asset " + assetId));
        try (var in = blobs.open(asset.sha256())) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads a file an earlier step made as a {@link MediaFile}: a video is streamed from the store into a local file
     * (deleted by the caller with {@link TempFiles#delete}), never held whole in memory; anything else is read into
     * memory.
     *
     * @throws IOException when no asset has the id or its file is missing
     */
    public MediaFile media(String assetId) throws IOException {
        Asset asset = assets.find(new AssetId(assetId)).orElseThrow(() -> new IOException("no asset " + assetId));
        if (!asset.mediaType().startsWith("video/")) {
            return new MediaFile(read(assetId), asset.mediaType(), asset.width(), asset.height(), asset.durationMs());
        }
        Path file = temp.create("studio-asset", asset.mediaType().equals("video/mp4") ? ".mp4" : ".bin");
        try (var in = blobs.open(asset.sha256())) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
        return MediaFile.inFile(file, asset.mediaType(), asset.width(), asset.height(), asset.durationMs());
    }

    /**
     * Stores a media file this attempt made, streaming it from its local file when it has one (the local file is left
     * for the caller to delete); from memory otherwise.
     *
     * @throws IOException when the file cannot be read or the blob store cannot write
     */
    public ProducedAsset store(MediaFile media, AssetKind kind, String role) throws IOException {
        return media.onDisk()
                ? store(media.file(), kind, media.mediaType(), media.width(), media.height(), media.durationMs(), role)
                : store(media.data(), kind, media.mediaType(), media.width(), media.height(), media.durationMs(), role);
    }

    /** Where this attempt's local files go. */
    public TempFiles temp() {
        return temp;
    }

    /** The record of an asset, if it exists. */
    public Optional<Asset> asset(String assetId) {
        return AssetId.isValid(assetId) ? assets.find(new AssetId(assetId)) : Optional.empty();
    }

    /**
     * Writes a note durably now, with files this attempt stored (they are recorded with it, and stay the attempt's
     * files
     * whatever its outcome), and reports it as a {@code progress} event. A later attempt of the same stage and scene
     * reads it back through {@link #notes()}.
     *
     * @param note  small JSON facts, e.g. a fidelity check's score
     * @param files files from {@link #store}, possibly none
     * @throws StepFault {@code TRANSIENT} when it cannot be written (the attempt is no longer held, or the store
     * failed)
     */
    public void note(Map<String, Object> note, List<ProducedAsset> files) throws StepFault {
        synchronized (produced) {
            if (!produced.containsAll(files)) {
                throw new IllegalArgumentException("a note's files must be stored by this attempt");
            }
        }
        try {
            notebook.write(step, note, files);
        } catch (RuntimeException failed) {
            // the files stay this attempt's (recorded with it whatever its outcome); the engine tries the step again
            throw StepFault.transientFault("TRANSIENT", "a note of the " + step.stage() + " step could not be written");
        }
        synchronized (produced) {
            produced.removeAll(files);
        }
        synchronized (noted) {
            noted.addAll(files);
        }
    }

    /** The notes every attempt of this stage and scene of the job wrote so far, this one's included, oldest first. */
    public List<StepNote> notes() {
        return notebook.read(step);
    }

    /** Files recorded with this attempt's notes. */
    public List<ProducedAsset> noted() {
        synchronized (noted) {
            return List.copyOf(noted);
        }
    }

    /**
     * Lists an existing file among this attempt's files under {@code role} (e.g. a stage that hands on the files of
     * earlier stages as its output) without copying it.
     */
    public void attach(String assetId, String role) {
        synchronized (attached) {
            attached.add(new StepRecord.StepAsset(assetId, role));
        }
    }

    /** Existing files attached by this attempt. */
    public List<StepRecord.StepAsset> attached() {
        synchronized (attached) {
            return List.copyOf(attached);
        }
    }

    /** Files stored so far by this attempt. */
    public List<ProducedAsset> produced() {
        synchronized (produced) {
            return List.copyOf(produced);
        }
    }

    /** Keeps a running attempt's notes: durably, at once. */
    public interface Notebook {

        /**
         * Writes a note of {@code step} with its files.
         *
         * @throws IllegalStateException when the step is no longer held by this worker
         */
        void write(StepRecord step, Map<String, Object> note, List<ProducedAsset> files);

        /** The notes of every attempt of {@code step}'s job, stage and scene, oldest first. */
        List<StepNote> read(StepRecord step);
    }
}
