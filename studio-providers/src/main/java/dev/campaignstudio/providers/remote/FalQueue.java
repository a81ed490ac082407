package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.CancellationSignal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal.ai's queue protocol: {@code POST /{model_id}} submits a request and answers its {@code request_id},
 * {@code status_url}, {@code response_url} and {@code cancel_url}; {@code GET .../requests/{id}/status} answers
 * {@code IN_QUEUE}, {@code IN_PROGRESS} or {@code COMPLETED}; {@code GET .../requests/{id}} answers the result;
 * {@code PUT .../requests/{id}/cancel} cancels it. The request id is noted on the step ({@link RemoteJobs}) before the
 * first poll, so a later attempt of the step polls the same request instead of paying for another. A step stopped
 * because its job was cancelled cancels the request; one stopped by its time limit, a worker shutting down or a lost
 * lease leaves it running for the next attempt. URLs the queue answers are followed as paths under the configured base
 * URL, so the key goes nowhere else.
 */
final class FalQueue {

    /** Shortest wait between polls, whatever is configured. */
    static final Duration MIN_POLL = Duration.ofMillis(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderClient client;
    private final RemoteJobs jobs = new RemoteJobs(FalAdapter.NAME);
    private final Duration pollFirst;
    private final Duration pollMax;
    private final Duration deadline;

    FalQueue(ProviderClient client, Duration pollFirst, Duration pollMax, Duration deadline) {
        this.client = client;
        this.pollFirst = pollFirst.compareTo(MIN_POLL) < 0 ? MIN_POLL : pollFirst;
        this.pollMax = pollMax.compareTo(this.pollFirst) < 0 ? this.pollFirst : pollMax;
        this.deadline = deadline;
    }

    /** A submitted request's id and URLs (paths under the base URL). */
    record Handle(String requestId, String statusPath, String responsePath, String cancelPath) {
        String what() {
            return FalAdapter.NAME + " request " + requestId;
        }

        Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("status_url", statusPath);
            facts.put("response_url", responsePath);
            facts.put("cancel_url", cancelPath);
            return facts;
        }
    }

    /**
     * Runs {@code input} on {@code model}: takes up the request an earlier attempt of this step noted for the same
     * input, or submits one and notes it; then waits for it and answers its result.
     *
     * @param capability what it is for, for errors and the note
     */
    JsonNode run(String capability, String model, Map<String, Object> input) throws StepFault {
        checkModel(capability, model);
        byte[] body = JSON.writeValueAsBytes(input);
        String fingerprint = RemoteJobs.fingerprint(model, body);
        Optional<Map<String, Object>> noted = jobs.open(fingerprint);
        Handle handle = noted.isPresent() ? handle(noted.get(), model) : submit(capability, model, body, fingerprint);
        return follow(handle, model);
    }

    private Handle submit(String capability, String model, byte[] body, String fingerprint) throws StepFault {
        // submitting is not idempotent (a second request is billed again): tried again only when surely not taken
        JsonNode answer = parse(client.send(
                "queue/submit",
                model,
                false,
                attempt -> client.request("/" + model)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build()));
        String id = answer.path("request_id").asString("");
        if (id.isEmpty() || !id.matches("[A-Za-z0-9._-]{1,128}")) {
            throw StepFault.permanent("PROVIDER_ERROR", FalAdapter.NAME + " queued a request without a usable id");
        }
        String app = appOf(model);
        Handle handle = new Handle(
                id,
                pathOf(answer.path("status_url").asString(""), app + "/requests/" + id + "/status"),
                pathOf(answer.path("response_url").asString(""), app + "/requests/" + id),
                pathOf(answer.path("cancel_url").asString(""), app + "/requests/" + id + "/cancel"));
        try {
            Map<String, Object> facts = handle.facts();
            facts.put("capability", capability);
            facts.put("model", model);
            jobs.opened(fingerprint, id, facts);
        } catch (StepFault notNoted) {
            // a request nobody wrote down would be paid for again by the next attempt: better stop it now
            cancel(handle, model);
            throw notNoted;
        }
        return handle;
    }

    private JsonNode follow(Handle handle, String model) throws StepFault {
        Instant until = Instant.now().plus(deadline);
        Duration wait = pollFirst;
        boolean settled = false;
        try {
            while (true) {
                JsonNode status = status(handle, model);
                String state = status.path("status").asString("");
                if ("COMPLETED".equals(state)) {
                    settled = true;
                    return result(handle, model, status);
                }
                if (!"IN_QUEUE".equals(state) && !"IN_PROGRESS".equals(state)) {
                    settled = true;
                    jobs.closed(handle.requestId(), "status " + state);
                    throw StepFault.transientFault("PROVIDER_ERROR", handle.what() + " is " + state);
                }
                if (Instant.now().isAfter(until)) {
                    // left running and noted: the step's next attempt takes it up again
                    settled = true;
                    throw StepFault.transientFault(
                            "PROVIDER_TIMEOUT",
                            handle.what() + " did not complete within " + deadline.toSeconds() + " s");
                }
                pause(wait, handle);
                wait = Duration.ofMillis(Math.min(pollMax.toMillis(), wait.toMillis() * 3 / 2));
            }
        } catch (StepFault fault) {
            // a failed poll leaves the request noted and running: the next attempt polls it again
            settled = true;
            throw fault;
        } finally {
            if (!settled && stoppedForGood()) {
                cancel(handle, model);
            }
        }
    }

    private JsonNode status(Handle handle, String model) throws StepFault {
        try {
            return parse(client.send(
                    "queue/status",
                    model,
                    attempt -> client.request(handle.statusPath()).GET().build()));
        } catch (StepFault fault) {
            if (fault.getMessage() != null && fault.getMessage().contains(" answered 404")) {
                // the queue no longer knows the request (expired): the next attempt submits anew
                jobs.closed(handle.requestId(), "unknown to the queue");
            }
            throw fault;
        }
    }

    private JsonNode result(Handle handle, String model, JsonNode status) throws StepFault {
        if (status.path("error").isString() && !status.path("error").asString().isBlank()) {
            jobs.closed(handle.requestId(), "failed");
            throw StepFault.transientFault(
                    "PROVIDER_ERROR",
                    handle.what() + " failed: "
                            + ProviderErrors.text(
                                    status.path("error").asString().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return parse(client.send(
                    "queue/result",
                    model,
                    attempt -> client.request(handle.responsePath()).GET().build()));
        } catch (StepFault fault) {
            if (!fault.retryable()) {
                // the request ran and failed (a 4xx with the model's complaint): asking again gets a new request
                jobs.closed(handle.requestId(), "result refused");
            }
            throw fault;
        }
    }

    /** Waits before the next poll on the step's signal: a stopped step stops waiting at once. */
    private void pause(Duration wait, Handle handle) throws StepFault {
        try {
            CancellationSignal.current().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepFault.permanent("STOPPED", handle.what() + " was interrupted");
        }
        CancellationSignal.current().checkpoint();
    }

    /** Whether the step stopped because its job is over (so the request is of no use to anyone). */
    private static boolean stoppedForGood() {
        CancellationSignal signal = CancellationSignal.current();
        return signal.isCancelled() && !signal.resumesLater();
    }

    /** Asks the queue to cancel a request no one will wait for, and notes it closed (best effort). */
    private void cancel(Handle handle, String model) {
        try {
            client.send(
                    "queue/cancel",
                    model,
                    false,
                    attempt -> client.request(handle.cancelPath())
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build());
        } catch (StepFault | RuntimeException ignored) {
            // a completed request cannot be cancelled (the queue answers 400); the step's own error says the rest
        }
        jobs.closed(handle.requestId(), "cancelled");
    }

    private Handle handle(Map<String, Object> note, String model) {
        String id = String.valueOf(note.get("request_id"));
        String app = appOf(model);
        return new Handle(
                id,
                pathOf(String.valueOf(note.get("status_url")), app + "/requests/" + id + "/status"),
                pathOf(String.valueOf(note.get("response_url")), app + "/requests/" + id),
                pathOf(String.valueOf(note.get("cancel_url")), app + "/requests/" + id + "/cancel"));
    }

    private static void checkModel(String capability, String model) throws StepFault {
        if (model == null || !model.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)+")) {
            throw StepFault.permanent(
                    "CAPABILITY_UNAVAILABLE",
                    FalAdapter.NAME + " has no usable model id for " + capability + " (studio.providers.fal.models."
                            + capability + ", e.g. owner/app/path)");
        }
    }

    /**
     * The app of a model id: its first two segments. The queue's request URLs are under the app, not the full model
     * path ({@code fal-ai/kling-video/v2.1/standard/image-to-video} has its requests under {@code fal-ai/kling-video}).
     */
    static String appOf(String model) {
        String[] parts = model.split("/");
        return "/" + parts[0] + "/" + parts[1];
    }

    /** The path of a URL the queue gave, or {@code fallback} when it gave none or something else. */
    static String pathOf(String url, String fallback) {
        try {
            URI given = URI.create(url);
            String path = given.getRawPath();
            if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("..")) {
                return path + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
            }
        } catch (IllegalArgumentException notAUrl) {
            // the documented path instead
        }
        return fallback;
    }

    private static JsonNode parse(byte[] body) throws StepFault {
        try {
            JsonNode tree = JSON.readTree(body);
            if (!tree.isObject()) {
                throw StepFault.permanent("PROVIDER_ERROR", FalAdapter.NAME + " answered JSON that is not an object");
            }
            return tree;
        } catch (StepFault fault) {
            throw fault;
        } catch (RuntimeException malformed) {
            throw StepFault.permanent("PROVIDER_ERROR", FalAdapter.NAME + " answered malformed JSON");
        }
    }
}
