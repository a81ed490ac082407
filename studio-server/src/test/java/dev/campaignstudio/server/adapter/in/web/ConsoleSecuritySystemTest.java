package dev.campaignstudio.server.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.ConsoleSession;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import dev.campaignstudio.server.support.Samples;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's own security chain over HTTP: sign-in with an API token into an HttpOnly, SameSite=Strict session scoped
 * to {@code /console}, CSRF on every post, a new session id at sign-in, and the API's chain untouched by the session.
 */
class ConsoleSecuritySystemTest extends EmbeddedSystemTest {

    private String queuedJob() {
        ApiClient.Response created = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "console-" + UUID.randomUUID())
                        .tree());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInAndAnHtmxRequestIsToldToGoThere() {
        ConsoleSession browser = new ConsoleSession(port);
        ConsoleSession.Page page = browser.get("/console/jobs");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/console/sign-in");

        ConsoleSession.Page fragment = browser.get("/console/jobs/rows", Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/console/sign-in");
    }

    @Test
    void theRightTokenSignsInWithAStrictHttpOnlyCookieAndANewSessionId() {
        ConsoleSession browser = new ConsoleSession(port);
        ConsoleSession.Page form = browser.get("/console/sign-in");
        assertThat(form.status()).isEqualTo(200);
        String before = browser.sessionId();
        assertThat(before)
                .as("the sign-in form's CSRF token lives in a session")
                .isNotNull();
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console");

        ConsoleSession.Page signedIn =
                browser.post("/console/sign-in", Map.of("token", TOKEN, "_csrf", form.csrf()), Map.of());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/console/jobs");
        assertThat(browser.sessionId())
                .as("session fixation: the id changes at sign-in")
                .isNotEqualTo(before);

        ConsoleSession.Page jobs = browser.get("/console/jobs");
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(jobs.body()).contains("<h1>Jobs</h1>").contains("name=\"_csrf\"");
        assertThat(jobs.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void aWrongTokenIsRefusedAndOpensNothing() {
        ConsoleSession browser = new ConsoleSession(port);
        ConsoleSession.Page refused = browser.signIn("not-" + TOKEN);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/console/sign-in?error");
        assertThat(browser.get("/console/sign-in?error").body())
                .contains("That token is not accepted.")
                .doesNotContain("not-" + TOKEN);
        assertThat(browser.get("/console/jobs").status()).isEqualTo(302);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedEvenWithTheSession() {
        String job = queuedJob();
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.signIn(TOKEN).status()).isEqualTo(302);

        ConsoleSession.Page forged =
                browser.post("/console/jobs/" + job + "/cancel", Map.of(), Map.of("Origin", "https://evil.example"));
        assertThat(forged.status()).isEqualTo(403);
        ConsoleSession.Page wrongToken =
                browser.post("/console/jobs/" + job + "/cancel", Map.of("_csrf", "forged"), Map.of());
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(api.get("/v1/jobs/" + job).json().get("cancel_requested").asBoolean())
                .as("nothing was cancelled")
                .isFalse();

        String csrf = browser.get("/console/jobs/" + job).csrf();
        ConsoleSession.Page cancelled =
                browser.post("/console/jobs/" + job + "/cancel", Map.of("_csrf", csrf), Map.of());
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(api.get("/v1/jobs/" + job).json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void theSessionOpensNothingOfTheApiAndSigningOutEndsIt() {
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.signIn(TOKEN).status()).isEqualTo(302);
        String session = browser.sessionId();
        assertThat(browser.get("/v1/jobs", Map.of("Cookie", "JSESSIONID=" + session))
                        .status())
                .as("the API reads bearer tokens only, never the console's session")
                .isEqualTo(401);

        String csrf = browser.get("/console/jobs").csrf();
        ConsoleSession.Page out = browser.post("/console/sign-out", Map.of("_csrf", csrf), Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/console/sign-in?signed-out");
        ConsoleSession replay = new ConsoleSession(port);
        assertThat(replay.get("/console/jobs", Map.of("Cookie", "JSESSIONID=" + session))
                        .status())
                .as("the old session is gone")
                .isEqualTo(302);
    }

    @Test
    void filesAnswerRangeRequestsWithTheSession() {
        byte[] photo = Samples.photo("kiln-mug", "front.jpg");
        String asset = Samples.upload(api, "front.jpg", photo).substring("asset:".length());
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.bytes("/console/assets/" + asset, Map.of()).statusCode())
                .isEqualTo(302);
        browser.signIn(TOKEN);

        HttpResponse<byte[]> whole = browser.bytes("/console/assets/" + asset, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(photo);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> part = browser.bytes("/console/assets/" + asset, Map.of("Range", "bytes=100-199"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + photo.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(photo, 100, 200));

        assertThat(browser.bytes("/console/assets/ast_nothing", Map.of()).statusCode())
                .isEqualTo(404);
    }
}
