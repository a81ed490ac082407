package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.engine.CheckpointKey;
import dev.campaignstudio.core.engine.ProductCheckpoint;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepRecord;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.port.out.CheckpointStore;
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
 * files gone, too old, or being redone by a retry).
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

    private final CheckpointStore checkpoints;

    protected CheckpointedStage(CheckpointStore checkpoints) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    @Override
    public final StepResult execute(StepContext context) throws Exception {
        Prepared<P> prepared = prepare(context);
        String productId = context.inputs().product().productId();
        CheckpointKey key = CheckpointKey.of(productId, context.stage(), prepared.inputs());
        Map<String, Object> inputs = new LinkedHashMap<>(prepared.inputs());
        inputs.put(FINGERPRINT, key.fingerprint());
        Optional<ProductCheckpoint> kept = context.isRetryTarget() ? Optional.empty() : checkpoints.find(key).filter(c -> usable(c, context));
        if (kept.isPresent()) {
            return new StepResult.Reused(kept.get(), inputs);
        }
        Produced produced = produce(context, prepared.state());
        Map<String, Object> outputs = new LinkedHashMap<>(produced.outputs());
        outputs.put(FINGERPRINT, key.fingerprint());
        outputs.put(REVISION, context.stepId().value());
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

    /** Whether a kept checkpoint may still be taken; by default when every file it lists still exists. */
    protected boolean usable(ProductCheckpoint checkpoint, StepContext context) {
        return checkpoint.assets().stream().map(StepRecord.StepAsset::assetId).allMatch(id -> context.asset(id).isPresent());
    }

    /**
     * The revision of the outputs of the checkpointed stage {@code stage} this job has finished (made or reused), or
     * {@code null} when it has none (a stage that does not apply to the job).
     */
    protected static String revisionOf(StepContext context, String stage) {
        return context.outputsOf(stage).map(o -> o.get(REVISION)).map(Object::toString).orElse(null);
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
    public record Produced(Map<String, Object> outputs, String adapter, boolean keep) {
    }
}
