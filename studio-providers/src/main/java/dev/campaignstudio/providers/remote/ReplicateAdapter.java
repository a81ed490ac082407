package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.LipSync;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepStopped;
import dev.campaignstudio.core.port.out.WebFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code replicate} adapter: any server that speaks Replicate's predictions API. {@code video} (image to video) and
 * {@code lip_sync} each create a prediction of the configured model version, follow it by polling with backoff until it
 * ends, map its status ({@code failed} and {@code canceled} become {@code PROVIDER_ERROR}; still running at the deadline,
 * {@code PROVIDER_TIMEOUT}) and download its output, streamed into a local file that the clip is handed on in (no
 * video is held whole in memory), through the outbound URL rules (no private,
 * loopback or metadata addresses unless allowed; a refused URL fails the step). Polls wait on the step's cancellation
 * signal. The prediction's id is noted on the step ({@link RemoteJobs}) before the first poll, so a later attempt of
 * the step follows the same prediction instead of paying for another. A step stopped because its job was cancelled
 * cancels the prediction; one stopped by its time limit, a worker shutting down or a lost lease leaves it running for
 * the next attempt.
 */
public final class ReplicateAdapter implements CapabilityAdapter, VideoGeneration, LipSync {

    /** The name configuration binds capabilities to. */
    public static final String NAME = "replicate";
    /** Largest output file taken. */
    static final long MAX_OUTPUT_BYTES = 512L * 1024 * 1024;
    /** Shortest wait between polls, whatever is configured. */
    static final Duration MIN_POLL = Duration.ofMillis(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderClient client;
    private final RemoteJobs jobs = new RemoteJobs(NAME);
    private final WebFetcher downloads;
    private final Duration pollFirst;
    private final Duration pollMax;
    private final Duration deadline;
    private final TempFiles temp;

    /** As the full constructor, downloading outputs into the JVM's temporary directory. */
    public ReplicateAdapter(
            ProviderClient client, WebFetcher downloads, Duration pollFirst, Duration pollMax, Duration deadline) {
        this(client, downloads, pollFirst, pollMax, deadline, TempFiles.system());
    }

    /**
     * @param client    the resilient client for the configured server
     * @param downloads fetches outputs through the outbound URL rules
     * @param pollFirst first wait before asking again (grows by half each time)
     * @param pollMax   longest wait between asks
     * @param deadline  longest a prediction may take
     * @param temp      where outputs are downloaded to; each is handed on in its file
     */
    public ReplicateAdapter(
            ProviderClient client,
            WebFetcher downloads,
            Duration pollFirst,
            Duration pollMax,
            Duration deadline,
            TempFiles temp) {
        this.temp = temp;
        this.client = client;
        this.downloads = downloads;
        this.pollFirst = pollFirst.compareTo(MIN_POLL) < 0 ? MIN_POLL : pollFirst;
        this.pollMax = pollMax.compareTo(this.pollFirst) < 0 ? this.pollFirst : pollMax;
        this.deadline = deadline;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return client.settings().model("video", "none") + "+"
                + client.settings().model("lip_sync", "none");
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.VIDEO, Capability.LIP_SYNC);
    }

    /** A prediction's deadline, and a read timeout for creating it and one for its download. */
    @Override
    public Optional<Duration> deadline(Capability capability) {
        return capabilities().contains(capability)
                ? Optional.of(deadline.plus(client.settings().readTimeout().multipliedBy(2)))
                : Optional.empty();
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("image", dataUri("image/png", request.scene().image().data()));
        input.put("prompt", ScenePrompts.video(request));
        input.put("duration", request.durationMs() / 1000.0);
        input.put("fps", request.fps());
        input.put("width", request.width());
        input.put("height", request.height());
        input.put("seed", request.seed() & 0x7FFFFFFF);
        Path mp4 = run("video", input);
        return MediaFile.inFile(mp4, "video/mp4", request.width(), request.height(), request.durationMs());
    }

    @Override
    public MediaFile animate(LipSyncRequest request) throws StepFault {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("audio", dataUri("audio/wav", request.speech().wav().data()));
        if (request.productPng() != null) {
            input.put("product_image", dataUri("image/png", request.productPng()));
        }
        input.put("width", request.width());
        input.put("height", request.height());
        input.put("fps", request.fps());
        input.put("seed", request.seed() & 0x7FFFFFFF);
        return MediaFile.inFile(
                run("lip_sync", input),
                "video/mp4",
                request.width(),
                request.height(),
                request.speech().wav().durationMs());
    }

    /**
     * Follows the prediction an earlier attempt of this step created for the same input while it is still valid, else
     * creates one and notes it before the first poll; follows it to its end and downloads its output into a local file.
     */
    private Path run(String capability, Map<String, Object> input) throws StepFault {
        String version = client.settings().model(capability, null);
        if (version == null) {
            throw StepFault.permanent(
                    "CAPABILITY_UNAVAILABLE",
                    NAME + " has no model version for " + capability + " (studio.providers.replicate.models."
                            + capability + ")");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("input", input);
        byte[] json = JSON.writeValueAsBytes(body);
        // the body names the model version: a regeneration asking for something else gets its own prediction
        String fingerprint = RemoteJobs.fingerprint(capability, json);
        Optional<String> noted = jobs.open(fingerprint)
                .map(note -> String.valueOf(note.get("request_id")))
                .or(() -> jobs.openBefore(NAME + ":" + capability + ":" + Sha256.hex(json)));
        JsonNode prediction = null;
        if (noted.isPresent()) {
            String earlier = noted.get();
            prediction = stillValid(earlier, version).orElse(null);
            if (prediction == null) {
                jobs.closed(earlier, "ended without output, past its deadline or unknown to the provider");
            }
        }
        if (prediction == null) {
            prediction = create(version, json);
            noteCreated(prediction.path("id").asString(), fingerprint, capability, version);
        }
        String id = prediction.path("id").asString();
        Instant until = createdAt(prediction).plus(deadline);
        prediction = follow(prediction, id, version, until);
        String status = prediction.path("status").asString();
        Map<String, Number> usage =
                prediction.path("metrics").path("predict_time").isNumber()
                        ? Map.of(
                                "predict_seconds",
                                prediction.path("metrics").path("predict_time").numberValue())
                        : Map.of();
        Object seed = input.get("seed");
        client.report(
                capability,
                prediction.path("version").asString(null),
                seed instanceof Number n ? n.longValue() : null,
                usage);
        if (!"succeeded".equals(status)) {
            jobs.closed(id, "status " + status);
            String error = prediction.path("error").isString()
                    ? ": "
                            + ProviderErrors.text(
                                    prediction.get("error").asString().getBytes())
                    : "";
            throw StepFault.transientFault("PROVIDER_ERROR", NAME + " prediction " + id + " ended " + status + error);
        }
        JsonNode output = prediction.path("output");
        String url = output.isArray() ? output.path(0).asString("") : output.asString("");
        if (url.isEmpty()) {
            jobs.closed(id, "succeeded without an output URL");
            throw StepFault.permanent(
                    "PROVIDER_ERROR", NAME + " prediction " + id + " succeeded without an output URL");
        }
        return download(id, url);
    }

    private JsonNode create(String version, byte[] json) throws StepFault {
        // creating is not idempotent (a second prediction is billed again): tried again only when surely not taken;
        // Cancel-After has the provider stop it at the deadline even if no attempt is left to follow it
        String cancelAfter = Math.max(5, deadline.toSeconds()) + "s";
        JsonNode prediction = parse(client.send(
                "predictions",
                version,
                false,
                attempt -> client.request("/v1/predictions")
                        .header("Content-Type", "application/json")
                        .header("Cancel-After", cancelAfter)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build()));
        if (prediction.path("id").asString("").isEmpty()) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " created a prediction without an id");
        }
        return prediction;
    }

    /** Writes down a prediction just created, before it is polled; one that cannot be noted is cancelled. */
    private void noteCreated(String id, String fingerprint, String capability, String version) throws StepFault {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("capability", capability);
        facts.put("model", version);
        try {
            jobs.opened(fingerprint, id, facts);
        } catch (StepFault notNoted) {
            // a prediction nobody wrote down would be paid for again by the next attempt: better stop it now
            cancel(id, version);
            throw notNoted;
        }
    }

    /**
     * The prediction {@code id} an earlier attempt created, when it can still give its output: not ended without
     * output,
     * not past its deadline, its output not removed. A prediction the provider no longer knows is not.
     */
    private Optional<JsonNode> stillValid(String id, String version) throws StepFault {
        JsonNode prediction;
        try {
            prediction = parse(client.send(
                    "predictions/get",
                    version,
                    attempt -> client.request("/v1/predictions/" + id).GET().build()));
        } catch (StepFault fault) {
            if (!fault.retryable()) {
                return Optional.empty();
            }
            throw fault;
        }
        String status = prediction.path("status").asString("");
        boolean usable = status.equals("succeeded")
                ? !prediction.path("data_removed").asBoolean(false)
                : !ended(prediction)
                        && Instant.now().isBefore(createdAt(prediction).plus(deadline));
        return usable ? Optional.of(prediction) : Optional.empty();
    }

    /**
     * Polls until the prediction ends; cancels it when this step gives up on it and no later attempt will take it up.
     */
    private JsonNode follow(JsonNode first, String id, String version, Instant until) throws StepFault {
        JsonNode prediction = first;
        Duration wait = pollFirst;
        boolean cancel = true;
        try {
            while (!ended(prediction)) {
                if (Instant.now().isAfter(until)) {
                    throw StepFault.transientFault(
                            "PROVIDER_TIMEOUT",
                            NAME + " prediction " + id + " did not end within " + deadline.toSeconds() + " s");
                }
                try {
                    // waits on the step's signal: a cancelled or timed-out step stops polling now
                    CancellationSignal.current().sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw StepFault.permanent("STOPPED", NAME + " prediction " + id + " was interrupted");
                }
                CancellationSignal.current().checkpoint();
                wait = Duration.ofMillis(Math.min(pollMax.toMillis(), wait.toMillis() * 3 / 2));
                String get = pathOf(prediction.path("urls").path("get").asString("/v1/predictions/" + id), id);
                try {
                    prediction = parse(client.send(
                            "predictions/get",
                            version,
                            attempt -> client.request(get).GET().build()));
                } catch (StepFault failedPoll) {
                    // the prediction runs on: the next attempt of the step takes it up from its note
                    cancel = !failedPoll.retryable();
                    throw failedPoll;
                }
            }
            cancel = false;
            return prediction;
        } catch (StepStopped stopped) {
            cancel = !CancellationSignal.current().resumesLater();
            throw stopped;
        } finally {
            if (cancel) {
                cancel(id, version);
            }
        }
    }

    private static Instant createdAt(JsonNode prediction) {
        try {
            return Instant.parse(prediction.path("created_at").asString(""));
        } catch (java.time.format.DateTimeParseException unknown) {
            return Instant.now();
        }
    }

    private Path download(String id, String url) throws StepFault {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException bad) {
            throw StepFault.permanent(
                    "PROVIDER_ERROR", NAME + " prediction " + id + " gave an output that is not a URL");
        }
        Path file;
        try {
            file = temp.create("studio-replicate", ".mp4");
        } catch (IOException e) {
            throw StepFault.transientFault("TRANSIENT", NAME + " output could not be written to a local file");
        }
        WebFetcher.Fetch fetch = downloads.download(uri, "video/mp4, */*", MAX_OUTPUT_BYTES, deadline, file);
        if (fetch instanceof WebFetcher.Fetch.Saved) {
            return file;
        }
        TempFiles.delete(file);
        if (fetch instanceof WebFetcher.Fetch.Refused refused) {
            throw StepFault.permanent(
                    "PROVIDER_ERROR", NAME + " prediction " + id + " output URL refused: " + refused.reason());
        }
        if (fetch instanceof WebFetcher.Fetch.Unreachable unreachable) {
            throw unreachable.timedOut()
                    ? StepFault.transientFault("PROVIDER_TIMEOUT", NAME + " output download timed out")
                    : StepFault.transientFault("PROVIDER_ERROR", NAME + " output unreachable: " + unreachable.reason());
        }
        if (fetch instanceof WebFetcher.Fetch.TooLarge) {
            throw StepFault.permanent(
                    "PROVIDER_ERROR",
                    NAME + " prediction " + id + " output is larger than " + MAX_OUTPUT_BYTES + " bytes");
        }
        int status = ((WebFetcher.Fetch.Status) fetch).status();
        throw new StepFault(
                "PROVIDER_ERROR", NAME + " output download answered " + status, status >= 500 || status == 429, null);
    }

    /**
     * The path of a prediction URL the server gave; the call goes to the configured base whatever host it names, so the
     * key never goes anywhere else.
     */
    private static String pathOf(String url, String id) {
        try {
            URI given = URI.create(url);
            String path = given.getRawPath();
            if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                return path + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
            }
        } catch (IllegalArgumentException notAUrl) {
            // fall through to the documented path
        }
        return "/v1/predictions/" + id;
    }

    /**
     * Asks the provider to stop a prediction this step no longer waits for (best effort: it would run and bill on), and
     * notes it closed.
     */
    private void cancel(String id, String version) {
        try {
            client.send(
                    "predictions/cancel",
                    version,
                    false,
                    attempt -> client.request("/v1/predictions/" + id + "/cancel")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build());
        } catch (StepFault | RuntimeException ignored) {
            // the step's own error says what happened; a prediction that cannot be cancelled ends on the provider's
            // timeout
        }
        jobs.closed(id, "cancelled");
    }

    private static boolean ended(JsonNode prediction) {
        return Set.of("succeeded", "failed", "canceled", "aborted")
                .contains(prediction.path("status").asString(""));
    }

    private static JsonNode parse(byte[] body) throws StepFault {
        try {
            JsonNode tree = JSON.readTree(body);
            if (!tree.isObject()) {
                throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered JSON that is not a prediction");
            }
            return tree;
        } catch (StepFault fault) {
            throw fault;
        } catch (RuntimeException malformed) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered malformed JSON");
        }
    }

    private static String dataUri(String type, byte[] data) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(data);
    }
}
