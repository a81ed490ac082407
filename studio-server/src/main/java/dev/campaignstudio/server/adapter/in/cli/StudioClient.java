package dev.campaignstudio.server.adapter.in.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as the command line uses it: upload photos, submit jobs, read jobs, events and files. The same
 * client serves a remote service and the embedded one a command starts for itself.
 */
final class StudioClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    StudioClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    /** Uploads a photo; returns the asset id. */
    String upload(Path photo) {
        byte[] data;
        try {
            data = Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.BAD_INPUT, "cannot read " + photo + ": " + e.getMessage());
        }
        String boundary = "studio-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + photo.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
        HttpResponse<byte[]> response = send(request("/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        failIfServerError(response, "the upload of " + photo);
        if (response.statusCode() >= 400) {
            throw new CliFailure(CliFailure.BAD_INPUT, photo + ": " + problem(response));
        }
        return json(response).path("id").asString();
    }

    /** Submits a job request; returns the job. */
    JsonNode submit(Map<String, Object> request) {
        HttpResponse<byte[]> response = send(request("/v1/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build());
        failIfServerError(response, "the job");
        if (response.statusCode() >= 400) {
            throw new CliFailure(CliFailure.BAD_INPUT, "the service refused the job: " + problem(response));
        }
        return json(response);
    }

    /** The job with {@code id}. */
    JsonNode job(String id) {
        return get("/v1/jobs/" + id, "job " + id);
    }

    /** A page of jobs, newest first. */
    JsonNode jobs(int limit) {
        return get("/v1/jobs?limit=" + limit, "jobs");
    }

    /** The events of job {@code id} after sequence {@code after}. */
    JsonNode events(String id, long after) {
        return get("/v1/jobs/" + id + "/events?after=" + after, "events of " + id, "no job " + id);
    }

    /** The bytes of a file. */
    byte[] download(String assetId) {
        HttpResponse<byte[]> response =
                send(request("/v1/assets/" + assetId).GET().build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("asset " + assetId + ": " + problem(response));
        }
        return response.body();
    }

    private JsonNode get(String path, String what) {
        return get(path, what, "no such " + what);
    }

    private JsonNode get(String path, String what, String notFound) {
        HttpResponse<byte[]> response = send(request(path).GET().build());
        if (response.statusCode() == 404) {
            throw new CliFailure(CliFailure.BAD_INPUT, notFound);
        }
        failIfServerError(response, what);
        if (response.statusCode() >= 400) {
            throw new CliFailure(CliFailure.BAD_INPUT, what + ": " + problem(response));
        }
        return json(response);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401) {
                throw new CliFailure(
                        CliFailure.BAD_INPUT, "the service at " + base + " refused the token (give it with --token)");
            }
            return response;
        } catch (ConnectException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "cannot reach the service at " + base + " (is it running?)");
        } catch (IOException e) {
            throw new CliFailure(
                    CliFailure.UNREACHABLE, "the service at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "interrupted");
        }
    }

    /** A 5xx: the service is away (502, 503, 504: exit 4) or failed (exit 1), not the user's input. */
    private void failIfServerError(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status == 502 || status == 503 || status == 504) {
            throw new CliFailure(
                    CliFailure.UNREACHABLE,
                    "the service at " + base + " is unavailable (HTTP " + status + ") for " + what);
        }
        if (status >= 500) {
            throw new CliFailure(1, "the service at " + base + " failed on " + what + ": " + problem(response));
        }
    }

    private JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            throw new CliFailure(
                    CliFailure.UNREACHABLE,
                    "the service at " + base + " did not answer with JSON (is it Campaign Studio?)");
        }
    }

    /** {@code tree} as indented JSON, for {@code --json} output. */
    static String pretty(Object tree) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    /** A problem response in one line: every field error as {@code <pointer>: <detail>}, or else its detail. */
    static String problem(HttpResponse<byte[]> response) {
        return problem(response.statusCode(), response.body());
    }

    /** The problem document {@code body} of a {@code status} response in one line. */
    static String problem(int status, byte[] body) {
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return "HTTP " + status;
        }
        if (problem == null || !problem.isObject()) {
            return "HTTP " + status;
        }
        StringBuilder line = new StringBuilder();
        for (JsonNode error : problem.path("errors")) {
            String where = text(error, "pointer", text(error, "parameter", ""));
            String what = text(error, "detail", text(error, "message", ""));
            if (where.isBlank() && what.isBlank()) {
                continue;
            }
            line.append(line.isEmpty() ? "" : "; ")
                    .append(where.isEmpty() ? "the body" : where)
                    .append(what.isBlank() ? "" : ": " + what);
        }
        if (line.isEmpty()) {
            line.append(problem.path("detail").asString(problem.path("title").asString("HTTP " + status)));
        }
        return line.toString().replaceAll("\\s+", " ").trim();
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : otherwise;
    }
}
