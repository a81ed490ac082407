package dev.campaignstudio.core.stage.fidelity;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.engine.ProducedAsset;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.SourceLabels;
import dev.campaignstudio.core.stage.StageOutputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The product-fidelity loop (docs/fidelity.md) around every generation of an image of the product: generate, score the
 * product in it against the neutral reference with the bound {@code fidelity} adapter, accept at the threshold of the
 * job's presentation mode, otherwise regenerate with changes chosen from what drifted ({@link Regeneration}), at most
 * {@code max_attempts} times, then refuse with {@code FIDELITY_DRIFT} carrying every attempt's score.
 *
 * <p>Each check is a durable step note with its image (role {@code rejected_image} for a drifted one, the caller's role
 * for the accepted one) and is reported as a {@code progress} event; an attempt of the step that runs after a crash
 * reads the notes and carries on from the last check, so only the generation that was running is made again.
 */
public final class FidelityLoop {

    /** The error code of a step whose images drifted in every allowed attempt. */
    public static final String DRIFT = "FIDELITY_DRIFT";
    /** Role of a generated image that failed its check. */
    public static final String REJECTED = "rejected_image";
    /** The output key under which a stage lists the accepted images' checks; the manifest gathers them. */
    public static final String OUTPUT = "fidelity";
    /** The {@code kind} of a fidelity check's note. */
    static final String CHECK = "fidelity_check";

    private final Capabilities capabilities;
    private final FidelityThresholds thresholds;

    public FidelityLoop(Capabilities capabilities, FidelityThresholds thresholds) {
        this.capabilities = capabilities;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * One image of the product a step makes.
     *
     * @param name           tells it from the step's other images, e.g. {@code 9:16} or {@code segment 2}
     * @param request        the first generation's request; regenerations change its seed, constraints and prompt
     * @param role           role of the accepted image
     * @param backgroundRole role of the accepted image's background (the scene without the product), or {@code null} to
     *                       keep none
     */
    public record Subject(String name, ImageRequest request, String role, String backgroundRole) {
        public Subject {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(role, "role");
        }
    }

    /** How the loop ended. */
    public sealed interface Outcome {}

    /**
     * An image reached the threshold.
     *
     * @param scene        the accepted image
     * @param imageId      its asset
     * @param backgroundId its background's asset, or {@code null}
     * @param summary      the accepted score and every attempt, as the step's outputs list it
     */
    public record Accepted(SceneImage scene, String imageId, String backgroundId, Map<String, Object> summary)
            implements Outcome {}

    /**
     * Every allowed attempt drifted.
     *
     * @param rejection what the step returns: {@code FIDELITY_DRIFT} with every attempt's score
     */
    public record Drifted(StepResult.Rejected rejection) implements Outcome {}

    /**
     * Makes the image of {@code subject}, or gives up after the job's {@code max_attempts}.
     *
     * @throws StepFault    provider faults of the image or fidelity adapters (the stage's retry policy decides)
     * @throws IOException  when a file cannot be stored or read
     * @throws InterruptedException when the step is told to stop
     */
    public Outcome make(StepContext context, Subject subject) throws StepFault, IOException, InterruptedException {
        OutputSettings settings = context.settings().orElseThrow();
        // the image's own presentation: a product-only close-up in a UGC job is held to the strict threshold
        double threshold = thresholds.of(subject.request().presentation());
        int max = settings.maxAttempts();
        List<Map<String, Object>> checks = earlierChecks(context, subject.name());
        ImageRequest first = subject.request();
        if (!checks.isEmpty() && pass(StageOutputs.ofNote(context, checks.get(checks.size() - 1)))) {
            return acceptedBefore(context, subject, checks, threshold);
        }
        Regeneration.Try next = Regeneration.Try.first(first.seed(), first.constraints());
        for (Map<String, Object> note : checks) {
            StageOutputs check = StageOutputs.ofNote(context, note);
            next = Regeneration.next(
                    tryOf(check), scoreOf(check), threshold, first.seed(), check.integer("attempt") + 1 >= max);
        }
        ImageGeneration images = capabilities.port(Capability.IMAGE, ImageGeneration.class);
        FidelityCheck fidelity = capabilities.port(Capability.FIDELITY, FidelityCheck.class);
        while (next.attempt() <= max) {
            context.cancellation().throwIfCancelled();
            SceneImage scene = images.generate(apply(first, next));
            FidelityScore score = fidelity.score(
                    new FidelityRequest(first.productPng(), scene.image().data()));
            boolean pass = score.score() >= threshold;
            List<ProducedAsset> files = new ArrayList<>();
            ProducedAsset image = store(context, scene.image(), pass ? subject.role() : REJECTED);
            files.add(image);
            ProducedAsset background = pass && subject.backgroundRole() != null
                    ? store(context, scene.background(), subject.backgroundRole())
                    : null;
            if (background != null) {
                files.add(background);
            }
            // where the check found the product: exact for any adapter, where a remote one can only guess its own box
            Box box = score.found() != null && score.found().width() > 0 ? score.found() : scene.productBox();
            Map<String, Object> check =
                    check(subject.name(), next, score, threshold, pass, next.attempt() < max, image, background, box);
            context.note(check, files);
            checks.add(check);
            if (pass) {
                return new Accepted(
                        new SceneImage(scene.image(), scene.background(), box),
                        id(image),
                        background == null ? null : id(background),
                        summary(subject.name(), checks, threshold));
            }
            if (next.attempt() == max) {
                break;
            }
            next = Regeneration.next(next, score, threshold, first.seed(), next.attempt() + 1 >= max);
        }
        return new Drifted(drifted(context, subject.name(), checks, threshold, max));
    }

    private static List<Map<String, Object>> earlierChecks(StepContext context, String subject) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (StepNote note : context.notes()) {
            if (CHECK.equals(note.note().get("kind"))
                    && subject.equals(note.note().get("subject"))) {
                checks.add(note.note());
            }
        }
        return checks;
    }

    /** A check that passed before a crash: its files are taken as they are, nothing is generated. */
    private static Accepted acceptedBefore(
            StepContext context, Subject subject, List<Map<String, Object>> checks, double threshold)
            throws IOException {
        StageOutputs check = StageOutputs.ofNote(context, checks.get(checks.size() - 1));
        String imageId = check.text("image");
        String backgroundId = check.textOrNull("background");
        byte[] image = context.read(imageId);
        byte[] background = backgroundId == null ? image : context.read(backgroundId);
        context.attach(imageId, subject.role());
        if (backgroundId != null) {
            context.attach(backgroundId, subject.backgroundRole());
        }
        StageOutputs box = check.object("product_box");
        var asset = context.asset(imageId).orElseThrow(() -> new IOException("no asset " + imageId));
        SceneImage scene = new SceneImage(
                MediaFile.image(image, asset.mediaType(), asset.width(), asset.height()),
                MediaFile.image(background, asset.mediaType(), asset.width(), asset.height()),
                new Box(box.integer("x"), box.integer("y"), box.integer("width"), box.integer("height")));
        return new Accepted(scene, imageId, backgroundId, summary(subject.name(), checks, threshold));
    }

    private static ImageRequest apply(ImageRequest first, Regeneration.Try attempt) {
        String prompt = attempt.guidance() == null
                ? first.prompt()
                : first.prompt() == null || first.prompt().isBlank()
                        ? attempt.guidance()
                        : first.prompt() + "\n" + attempt.guidance();
        return new ImageRequest(
                first.productPng(),
                first.palette(),
                first.headline(),
                prompt,
                first.aspect(),
                first.longSide(),
                first.style(),
                first.presentation(),
                attempt.seed(),
                first.variation(),
                attempt.constraints(),
                first.sheetPng(),
                first.shot());
    }

    private static ProducedAsset store(StepContext context, MediaFile given, String role) throws IOException {
        MediaFile file = SourceLabels.labelled(context, given);
        return context.store(file.data(), AssetKind.IMAGE, file.mediaType(), file.width(), file.height(), null, role);
    }

    private static Map<String, Object> check(
            String subject,
            Regeneration.Try attempt,
            FidelityScore score,
            double threshold,
            boolean pass,
            boolean more,
            ProducedAsset image,
            ProducedAsset background,
            Box box) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("kind", CHECK);
        check.put("subject", subject);
        check.put("attempt", attempt.attempt());
        check.put("score", score.score());
        check.put(
                "parts",
                Map.of(
                        "structure",
                        score.structure(),
                        "colour",
                        score.colour(),
                        "location",
                        score.location(),
                        "proportion",
                        score.proportion()));
        check.put("threshold", threshold);
        check.put("verdict", pass ? "pass" : "drift");
        check.put(
                "message",
                String.format(
                        Locale.ROOT,
                        "check %.2f %s",
                        score.score(),
                        pass ? "pass" : more ? "drift, regenerating" : "drift, no attempt left"));
        check.put("seed", Long.toUnsignedString(attempt.seed()));
        Constraints c = attempt.constraints();
        check.put(
                "constraints",
                Map.of(
                        "lock_palette",
                        c.lockPalette(),
                        "min_product_share",
                        c.minProductShare(),
                        "stylisation",
                        c.stylisation()));
        if (attempt.guidance() != null) {
            check.put("guidance", attempt.guidance());
        }
        check.put("changes", attempt.changes());
        check.put("image", id(image));
        if (background != null) {
            check.put("background", id(background));
        }
        check.put("product_box", Map.of("x", box.x(), "y", box.y(), "width", box.width(), "height", box.height()));
        return check;
    }

    /** The note as the step's outputs and errors list an attempt. */
    private static Map<String, Object> attemptOf(Map<String, Object> check) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        for (String key : List.of("attempt", "score", "parts", "verdict", "changes", "constraints", "seed")) {
            attempt.put(key, check.get(key));
        }
        attempt.put("asset_id", check.get("image"));
        attempt.put("url", "/v1/assets/" + check.get("image"));
        return attempt;
    }

    private static Map<String, Object> summary(String subject, List<Map<String, Object>> checks, double threshold) {
        Map<String, Object> accepted = checks.get(checks.size() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subject", subject);
        summary.put("asset_id", accepted.get("image"));
        summary.put("score", accepted.get("score"));
        summary.put("threshold", threshold);
        summary.put("attempts", checks.stream().map(FidelityLoop::attemptOf).toList());
        return summary;
    }

    private static StepResult.Rejected drifted(
            StepContext context, String subject, List<Map<String, Object>> checks, double threshold, int max) {
        double best = checks.stream()
                .mapToDouble(c -> StageOutputs.ofNote(context, c).real("score"))
                .max()
                .orElse(0);
        String where =
                context.sceneOrder() == null ? context.stage() : context.stage() + " scene " + context.sceneOrder();
        String message = String.format(
                Locale.ROOT,
                "the product drifted from its reference in all %d attempts at %s (%s); best score %.2f, "
                        + "threshold %.2f",
                checks.size(),
                where,
                subject,
                best,
                threshold);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", subject);
        details.put("threshold", threshold);
        details.put("max_attempts", max);
        details.put("attempts", checks.stream().map(FidelityLoop::attemptOf).toList());
        return new StepResult.Rejected(DRIFT, message, details);
    }

    private static boolean pass(StageOutputs check) {
        return "pass".equals(check.textOrNull("verdict"));
    }

    private static Regeneration.Try tryOf(StageOutputs check) {
        StageOutputs c = check.object("constraints");
        Constraints constraints = new Constraints(
                Boolean.TRUE.equals(c.optional("lock_palette").orElse(false)),
                c.real("min_product_share"),
                c.real("stylisation"));
        return new Regeneration.Try(
                check.integer("attempt"),
                Long.parseUnsignedLong(check.text("seed")),
                constraints,
                check.textOrNull("guidance"),
                check.textsOrNone("changes"));
    }

    private static FidelityScore scoreOf(StageOutputs check) {
        StageOutputs parts = check.object("parts");
        return new FidelityScore(
                check.real("score"),
                parts.real("structure"),
                parts.real("colour"),
                parts.real("location"),
                parts.real("proportion"),
                new Box(0, 0, 0, 0));
    }

    private static String id(ProducedAsset asset) {
        return asset.asset().id().value();
    }
}
