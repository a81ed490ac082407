package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.checkpoint.CheckpointKey;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.port.out.CheckpointStore;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage whose outputs are kept as product checkpoints. Each attempt first works out its inputs (everything its
 * outputs depend on: source hashes, product facts, the revisions of the stages it builds on, the adapter's name and
 * version) and their fingerprint; when a checkpoint of the product has that fingerprint, and its files are still there,
 * the step takes it and is recorded as {@code reused} without calling any capability. Otherwise it does the work and
 * its outputs are kept for the next job, replacing any checkpoint with the same fingerprint (which was unusable:
 * files gone, too old, or being redone by a retry). "Still there" means the blob is in the store, not only its row:
 * a worker never assumes a file exists because a row does. A step that rebuilds an unusable checkpoint says why under
 * {@link #REBUILT_BECAUSE} in its outputs.
 *
 * <p>Outputs carry their {@code revision}: the id of the step that made them, kept when they are reused. A stage's
 * inputs name the revisions of the stages it builds on, so a change invalidates exactly the stages downstream of it: a
 * new photo makes a new {@code neutral_image} revision and so reruns everything built on it, but not the product
 * page's facts. Chaining on what was made, rather than on what it was made from, keeps the identity consistent when
 * an adapter is not deterministic: a stage is never reused on top of outputs it was not made from.
 *
 * <p>A retry that targets the stage redoes it whatever is kept.
 *
 * @param <P> what {@link #prepare} hands on to {@link #produce}
 */
public abstract class CheckpointedStage<P> implements StageHandler {

    /** The output (and input) key of a checkpointed stage's fingerprint. */
    public static final String FINGERPRINT = "fingerprint";

    /** The output key of the id of the step that made the outputs, which the stages built on them name as an input. */
    public static final String REVISION = "revision";

    /** The output key saying why a kept checkpoint with the same inputs was not reused. */
    public static final String REBUILT_BECAUSE = "rebuilt_because";

    private final CheckpointStore checkpoints;

    protected CheckpointedStage(CheckpointStore checkpoints) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /**
     * What the fingerprint hashes: the stage's inputs and, for a named caller, its name, so one caller never reuses
     * another's identity (docs/operations.md, "Callers and scopes"); the default caller's fingerprints are unchanged.
     */
    private static Map<String, Object> ownedInputs(StepContext context, Map<String, Object> inputs) {
        String owner = context.job().owner();
        if (dev.campaignstudio.core.job.Job.DEFAULT_OWNER.equals(owner)) {
            return inputs;
        }
        Map<String, Object> owned = new LinkedHashMap<>(inputs);
        owned.put("owner", owner);
        return owned;
    }

    @Override
    public final StepResult execute(StepContext context) throws Exception {
        Prepared<P> prepared = prepare(context);
        String productId = context.inputs().product().productId();
        CheckpointKey key = CheckpointKey.of(productId, context.stage(), ownedInputs(context, prepared.inputs()));
        Map<String, Object> inputs = new LinkedHashMap<>(prepared.inputs());
        inputs.put(FINGERPRINT, key.fingerprint());
        Optional<ProductCheckpoint> kept = context.isRetryTarget() ? Optional.empty() : checkpoints.find(key);
        String rebuiltBecause = null;
        if (kept.isPresent()) {
            Optional<String> unusable = unusable(kept.get(), context);
            if (unusable.isEmpty()) {
                return new StepResult.Reused(kept.get(), inputs);
            }
            rebuiltBecause = unusable.get();
        }
        Produced produced = produce(context, prepared.state());
        Map<String, Object> outputs = new LinkedHashMap<>(produced.outputs());
        outputs.put(FINGERPRINT, key.fingerprint());
        outputs.put(REVISION, context.stepId().value());
        if (rebuiltBecause != null) {
            outputs.put(REBUILT_BECAUSE, rebuiltBecause);
        }
        return new StepResult.Succeeded(outputs, produced.adapter(), inputs, produced.keep() ? key : null);
    }

    /**
     * Works out the attempt's inputs, cheaply: no capability is called here.
     *
     * @throws Exception faults as for {@link StageHandler#execute}
     */
    protected abstract Prepared<P> prepare(StepContext context) throws Exception;

    /**
     * Does the stage's work.
     *
     * @throws Exception faults as for {@link StageHandler#execute}
     */
    protected abstract Produced produce(StepContext context, P prepared) throws Exception;

    /**
     * Why a kept checkpoint may not be taken, or empty when it may; by default it may when every file it lists still
     * has its record and its blob in the store.
     *
     * @throws IOException when the store cannot be asked (the step fails with a retryable fault rather than rebuild)
     */
    protected Optional<String> unusable(ProductCheckpoint checkpoint, StepContext context) throws IOException {
        for (StepRecord.StepAsset file : checkpoint.assets()) {
            if (context.asset(file.assetId()).isEmpty()) {
                return Optional.of("the kept " + file.role() + " file " + file.assetId() + " has no record any more");
            }
            if (!context.stored(file.assetId())) {
                return Optional.of(
                        "the kept " + file.role() + " file " + file.assetId() + " is missing from the asset store");
            }
        }
        return Optional.empty();
    }

    /**
     * The revision of the outputs of the checkpointed stage {@code stage} this job has finished (made or reused), or
     * {@code null} when it has none (a stage that does not apply to the job).
     */
    protected static String revisionOf(StepContext context, String stage) {
        return context.outputsOf(stage)
                .map(o -> o.get(REVISION))
                .map(Object::toString)
                .orElse(null);
    }

    /**
     * What an attempt works from.
     *
     * @param inputs what its outputs depend on, as a JSON tree (fingerprinted, and recorded with the step)
     * @param state  anything {@link #produce} needs that was loaded on the way, e.g. the photos
     */
    public record Prepared<P>(Map<String, Object> inputs, P state) {
        public Prepared {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    /**
     * What the work made (files are stored through the context).
     *
     * @param outputs small JSON outputs
     * @param adapter the adapter that served it
     * @param keep    whether to keep them as a checkpoint (not, for example, facts read with a warning)
     */
    public record Produced(Map<String, Object> outputs, String adapter, boolean keep) {}
}
