package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /v1} route, spelled every way a client or attacker might (matrix parameters, percent-encoded letters,
 * encoded slashes and dots, doubled slashes, dot segments, trailing dots and slashes, other letter case): without a
 * token each answers 401 and changes nothing; with one, each is either served as the canonical path is or refused as a
 * problem, never let through to something else. The one exception to 401 is a path the HTTP connector itself refuses
 * (an encoded slash, backslash or NUL): it answers 400 to everybody before the application sees the request.
 */
class PathSpellingSecuritySystemTest extends EmbeddedSystemTest {

    private record Route(String method, String path, String body) {}

    private String jobId;
    private String assetId;

    @BeforeEach
    void existingJobAndAsset() {
        if (jobId != null) {
            return;
        }
        jobId = api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation()
                                .with("idempotency_key", "spell-" + UUID.randomUUID())
                                .tree())
                .json()
                .get("id")
                .asString();
        assetId = api.upload("file", "a.png", "image/png", TestImages.png(64, 48, Color.BLUE))
                .json()
                .get("id")
                .asString();
    }

    private List<Route> routes() {
        String job = ApiClient.json(
                RequestFixture.creation().with("idempotency_key", "spell-new").tree());
        return List.of(
                new Route("GET", "/v1/jobs", null),
                new Route("POST", "/v1/jobs", job),
                new Route("GET", "/v1/jobs/" + jobId, null),
                new Route("GET", "/v1/jobs/" + jobId + "/events", null),
                new Route("GET", "/v1/jobs/" + jobId + "/deliveries", null),
                new Route("POST", "/v1/jobs/" + jobId + "/cancel", null),
                new Route("GET", "/v1/assets/" + assetId, null),
                new Route("POST", "/v1/assets", ""),
                new Route("GET", "/actuator/prometheus", null),
                new Route("GET", "/error", null));
    }

    /** The ways of spelling {@code path} that a lenient parser may read as {@code path}. */
    static Set<String> spellings(String path) {
        Set<String> all = new LinkedHashSet<>();
        List<String> segments = List.of(path.substring(1).split("/"));
        for (int i = 0; i < segments.size(); i++) {
            all.add(replace(segments, i, segments.get(i) + ";x=y"));
            all.add(replace(segments, i, segments.get(i) + ";jsessionid=abc"));
            all.add(replace(segments, i, segments.get(i) + ";"));
            all.add(replace(segments, i, percentEncodeFirst(segments.get(i))));
            all.add(replace(segments, i, segments.get(i).toUpperCase()));
            all.add(replace(segments, i, segments.get(i) + "."));
            all.add(replace(segments, i, segments.get(i) + "%2e"));
            all.add(replace(segments, i, "." + "/" + segments.get(i)));
            all.add(replace(segments, i, "x/../" + segments.get(i)));
            all.add(replace(segments, i, "x/%2e%2e/" + segments.get(i)));
            all.add(replace(segments, i, "/" + segments.get(i)));
        }
        all.add(path.replaceFirst("^/v1/", "/%761/"));
        all.add(path.replaceFirst("^/v1/", "/v%31/"));
        all.add(path.replaceFirst("^/v1/", "/v1%2F"));
        all.add(path.replaceFirst("^/v1/", "/v1%2f"));
        all.add(path.replaceFirst("^/v1/", "/v1%5C"));
        all.add(path.replaceFirst("^/v1/", "/V1/"));
        all.add("/" + path);
        all.add(path + "/");
        all.add(path + "//");
        all.add(path + "/.");
        all.add(path + "%00");
        all.add(path + "%0a");
        all.remove(path);
        return all;
    }

    @Test
    void everySpellingOfAProtectedPathWithoutATokenIs401AndChangesNothing() {
        long jobs = count("jobs");
        long assets = count("assets");
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (String spelling : spellings(route.path())) {
                ApiClient.Response response = api.raw(route.method(), spelling, null, route.body());
                boolean refused = refusedByConnector(spelling)
                        ? response.status() == 400 && !response.body().contains(jobId)
                        : response.status() == 401 && response.body().contains("\"UNAUTHORIZED\"");
                if (!refused) {
                    wrong.add(route.method() + " " + spelling + " -> " + response.status());
                }
            }
        }
        assertThat(wrong).as("spellings not refused with 401").isEmpty();
        assertThat(count("jobs")).isEqualTo(jobs);
        assertThat(count("assets")).isEqualTo(assets);
    }

    @Test
    void everySpellingWithATokenIsServedAsTheCanonicalPathOrRefusedAsAProblem() {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.path().equals("/error")) {
                continue;
            }
            api.raw(route.method(), route.path(), TOKEN, route.body());
            // asked again, a POST answers as it will to every later spelling: a replay, or a conflict with the first
            ApiClient.Response canonical = api.raw(route.method(), route.path(), TOKEN, route.body());
            for (String spelling : spellings(route.path())) {
                ApiClient.Response response = api.raw(route.method(), spelling, TOKEN, route.body());
                if (refusedByConnector(spelling)) {
                    if (response.status() != 400) {
                        wrong.add(route.method() + " " + spelling + " -> " + response.status()
                                + " (the connector refuses it)");
                    }
                    continue;
                }
                boolean sameAsCanonical = response.status() == canonical.status();
                boolean refusedAsProblem =
                        (response.status() == 400 || response.status() == 404 || response.status() == 405)
                                && response.body().contains("\"code\"");
                if (!sameAsCanonical && !refusedAsProblem) {
                    wrong.add(route.method() + " " + spelling + " -> " + response.status() + " (canonical "
                            + canonical.status() + ")");
                }
            }
        }
        assertThat(wrong)
                .as("spellings neither served as canonical nor refused as a problem")
                .isEmpty();
    }

    @Test
    void percentEncodedLettersStillRouteWithAToken() {
        ApiClient.Response encoded = api.raw("GET", "/%761/jobs/" + jobId, TOKEN, null);
        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.json().get("id").asString()).isEqualTo(jobId);
        ApiClient.Response digit = api.raw("GET", "/v%31/jobs", TOKEN, null);
        assertThat(digit.status()).isEqualTo(200);
    }

    @Test
    void matrixParametersWithATokenAreRefusedAsNotCanonical() {
        ApiClient.Response response = api.raw("GET", "/v1;jsessionid=abc/jobs", TOKEN, null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("PATH_NOT_CANONICAL");
    }

    @Test
    void anUnknownPathNeedsATokenTooAndIsThenNotFound() {
        assertThat(api.raw("GET", "/internal/anything", null, null).status()).isEqualTo(401);
        ApiClient.Response found = api.raw("GET", "/internal/anything", TOKEN, null);
        assertThat(found.status()).isEqualTo(404);
        assertThat(found.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundNotAnInternalError() {
        ApiClient.Response response = api.raw("GET", "/error", TOKEN, null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    /** Spellings Tomcat refuses with 400 before any filter runs, whoever sends them. */
    private static boolean refusedByConnector(String spelling) {
        String lower = spelling.toLowerCase();
        return lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00");
    }

    private static String replace(List<String> segments, int index, String replacement) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(index, replacement);
        return "/" + String.join("/", copy);
    }

    private static String percentEncodeFirst(String segment) {
        return String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1);
    }
}
