package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished step's outputs (the JSON map the engine stores, the API shows and a retry reuses) as a later stage reads
 * them: by key, each value of the type the producing stage writes. A key that is missing, or holds another type, fails
 * with an {@link IllegalStateException} naming the stage, the scene and the key, instead of a cast or null-pointer
 * error further on. The typed views of each stage's outputs ({@code SceneImageOutputs}, ...) read through this, and
 * so do the fidelity loops reading back their own notes.
 */
public final class StageOutputs {

    /** Whose values these are, as errors name them: {@code stage voiceover (scene 2)}. */
    private final String owner;
    /** What a key is called in errors: {@code output}, or {@code key} in a note. */
    private final String noun;

    private final String path;
    private final Map<?, ?> values;

    private StageOutputs(String owner, String noun, String path, Map<?, ?> values) {
        this.owner = owner;
        this.noun = noun;
        this.path = path;
        this.values = values;
    }

    /**
     * The outputs {@code values} of a step of {@code stage}.
     *
     * @param stage  the stage that wrote them, as errors name it (e.g. {@code scene_image}, or with its scene)
     * @param values the step's outputs
     */
    public static StageOutputs of(String stage, Map<?, ?> values) {
        if (values == null) {
            throw new IllegalStateException("stage " + stage + " has no outputs");
        }
        return new StageOutputs("stage " + stage, "output", "", values);
    }

    /**
     * A note the running step's stage wrote ({@link StepContext#note}) and an attempt reads back, read the same way;
     * errors name it as a note of the stage.
     */
    public static StageOutputs ofNote(StepContext context, Map<?, ?> note) {
        Integer scene = context.sceneOrder();
        return new StageOutputs("a note of stage " + name(context.stage(), scene == null ? 0 : scene), "key", "", note);
    }

    /** The outputs of a finished step, named by its stage and, for a per-scene stage, its scene. */
    public static StageOutputs of(StepRecord step) {
        return of(name(step.stage(), step.sceneOrder()), step.outputs());
    }

    /**
     * The outputs of the once-per-job stage {@code stage} of the context's job.
     *
     * @throws IllegalStateException when the stage has not finished
     */
    public static StageOutputs of(StepContext context, String stage) {
        return of(stage, context.outputsOf(stage).orElseThrow(() -> notFinished(stage)));
    }

    /**
     * The outputs of scene {@code scene} of the per-scene stage {@code stage} of the context's job.
     *
     * @throws IllegalStateException when that scene of the stage has not finished
     */
    public static StageOutputs of(StepContext context, String stage, int scene) {
        String name = name(stage, scene);
        return of(name, context.outputsOf(stage, scene).orElseThrow(() -> notFinished(name)));
    }

    private static String name(String stage, int scene) {
        return scene > 0 ? stage + " (scene " + scene + ")" : stage;
    }

    private static IllegalStateException notFinished(String stage) {
        return new IllegalStateException("stage " + stage + " has not finished, so its outputs cannot be read");
    }

    /** Whether {@code key} is present with a value other than null. */
    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The value of {@code key} as written, of whatever JSON type. */
    public Object value(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException(owner + " has no " + noun + " " + path + key);
        }
        return value;
    }

    /** The string at {@code key}. */
    public String text(String key) {
        return typed(key, String.class, "a string");
    }

    /** The string at {@code key}, or {@code null} when it is absent; any other scalar is read as its text. */
    public String textOrNull(String key) {
        Object value = values.get(key);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw wrongType(key, value, "a string");
        }
        return value == null ? null : value.toString();
    }

    /** The whole number at {@code key}. */
    public long whole(String key) {
        return typed(key, Number.class, "a number").longValue();
    }

    /** The whole number at {@code key}, as an {@code int}. */
    public int integer(String key) {
        return typed(key, Number.class, "a number").intValue();
    }

    /** The number at {@code key}. */
    public double real(String key) {
        return typed(key, Number.class, "a number").doubleValue();
    }

    /** The number at {@code key}, or {@code fallback} when it is absent or not a number (older outputs). */
    public double realOr(String key, double fallback) {
        return values.get(key) instanceof Number number ? number.doubleValue() : fallback;
    }

    /** The wire spelling at {@code key} as a constant of {@code type}. */
    public <E extends Enum<E> & WireEnum> E wire(String key, Class<E> type) {
        String wire = text(key);
        return WireEnum.parse(type, wire)
                .orElseThrow(() -> new IllegalStateException(owner + " " + noun + " " + path + key + " is '" + wire
                        + "', not one of " + WireEnum.spellings(type)));
    }

    /** The object at {@code key}, read the same way. */
    public StageOutputs object(String key) {
        return new StageOutputs(owner, noun, path + key + ".", typed(key, Map.class, "an object"));
    }

    /** The objects listed at {@code key}, in order, each read the same way. */
    public List<StageOutputs> objects(String key) {
        return objects(key, typed(key, List.class, "a list"));
    }

    /** The objects listed at {@code key}, or none when it is absent (older outputs). */
    public List<StageOutputs> objectsOrNone(String key) {
        return has(key) ? objects(key) : List.of();
    }

    private List<StageOutputs> objects(String key, List<?> items) {
        List<StageOutputs> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + key + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw wrongType(key + "[" + i + "]", items.get(i), "an object");
            }
            objects.add(new StageOutputs(owner, noun, at + ".", item));
        }
        return objects;
    }

    /** The scalars listed at {@code key} as text, or none when it is absent (older outputs). */
    public List<String> textsOrNone(String key) {
        if (!has(key)) {
            return List.of();
        }
        List<?> items = typed(key, List.class, "a list");
        return items.stream().map(String::valueOf).toList();
    }

    /** The value of {@code key}, when it is present. */
    public Optional<Object> optional(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private <T> T typed(String key, Class<T> type, String what) {
        Object value = value(key);
        if (!type.isInstance(value)) {
            throw wrongType(key, value, what);
        }
        return type.cast(value);
    }

    private IllegalStateException wrongType(String key, Object value, String what) {
        return new IllegalStateException(owner + " " + noun + " " + path + key + " is not " + what + " but "
                + (value instanceof Map<?, ?> ? "an object" : value instanceof List<?> ? "a list" : "'" + value + "'"));
    }
}
