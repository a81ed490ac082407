package dev.campaignstudio.server.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.ConsoleSession;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's pages over HTTP with a signed-in session, against the embedded service with no queue served (jobs stay
 * queued): paging and filters on the server, callback deliveries and redelivery, a product without an identity yet, and
 * the console's own 404 page.
 */
class ConsolePagesSystemTest extends EmbeddedSystemTest {

    private static final Pattern ROW = Pattern.compile("data-job=\"(job_[A-Z0-9]+)\"");

    ConsoleSession browser;

    @BeforeEach
    void signIn() {
        browser = new ConsoleSession(port);
        assertThat(browser.signIn(TOKEN).status()).isEqualTo(302);
    }

    private String submit(Map<String, Object> tree) {
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static long rows(String page) {
        return ROW.matcher(page).results().count();
    }

    @Test
    void theJobsListPagesOnTheServerAndFiltersByModeAndProduct() {
        String product = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 27; i++) {
            submit(RequestFixture.creation()
                    .with("idempotency_key", "page-" + UUID.randomUUID())
                    .with(
                            "product",
                            Map.of(
                                    "product_id",
                                    product,
                                    "name",
                                    "Paged",
                                    "images",
                                    java.util.List.of(Map.of("uri", "https://cdn.example.com/p.png"))))
                    .tree());
        }
        String ugc = submit(RequestFixture.output("ugc")
                .with("idempotency_key", "ugc-" + UUID.randomUUID())
                .tree());

        ConsoleSession.Page first = browser.get("/console/jobs?product_id=" + product);
        assertThat(first.status()).isEqualTo(200);
        assertThat(rows(first.body())).as("one page of 25, newest first").isEqualTo(25);
        Matcher older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first.body());
        assertThat(older.find()).as("a link to older jobs").isTrue();
        ConsoleSession.Page second = browser.get(older.group(1).replace("&amp;", "&"));
        assertThat(rows(second.body())).isEqualTo(2);
        assertThat(second.body()).doesNotContain("rel=\"next\"").contains("Newest");

        ConsoleSession.Page ugcOnly = browser.get("/console/jobs?mode=ugc");
        assertThat(ugcOnly.body()).contains("data-job=\"" + ugc + "\"").doesNotContain("Paged");
        assertThat(ROW.matcher(ugcOnly.body())
                        .results()
                        .allMatch(r -> !r.group(1).isEmpty()))
                .isTrue();
        ConsoleSession.Page live =
                browser.get("/console/jobs/rows?product_id=" + product, Map.of("HX-Request", "true"));
        assertThat(live.body())
                .as("queued jobs keep the rows refreshing")
                .contains("hx-trigger=\"every 2s\"")
                .startsWith("<tbody");

        ConsoleSession.Page unknown = browser.get("/console/jobs?status=nonsense");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("there is no status &#39;nonsense&#39;");
    }

    @Test
    void deliveriesAreListedWithoutTheCallbacksQueryAndCanBeSentAgain() {
        String job = submit(RequestFixture.creation()
                .with("idempotency_key", "cb-" + UUID.randomUUID())
                .with("callback", Map.of("url", "https://93.184.215.14/hooks?token=s3cr3t"))
                .tree());
        ConsoleSession.Page page = browser.get("/console/jobs/" + job + "/deliveries");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("https://93.184.215.14/hooks")
                .doesNotContain("s3cr3t")
                .contains("data-status=\"pending\"");
        Matcher event = Pattern.compile("data-event=\"([^\"]+)\"").matcher(page.body());
        assertThat(event.find()).isTrue();

        ConsoleSession.Page sent = browser.post(
                "/console/jobs/" + job + "/deliveries/" + event.group(1) + "/redeliver",
                Map.of("_csrf", page.csrf()),
                Map.of());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(browser.get(sent.header("Location").replace("http://127.0.0.1:" + port, ""))
                        .body())
                .contains("queued to be sent again");
        ConsoleSession.Page missing = browser.post(
                "/console/jobs/" + job + "/deliveries/evt_nothing/redeliver", Map.of("_csrf", page.csrf()), Map.of());
        assertThat(browser.get(missing.header("Location").replace("http://127.0.0.1:" + port, ""))
                        .body())
                .contains("no delivery of that event");
    }

    @Test
    void aProductWithoutAnIdentityYetSaysSoAndUnknownThingsAnswerTheConsoles404() {
        ConsoleSession.Page product = browser.get("/console/products/never-made");
        assertThat(product.status()).isEqualTo(200);
        assertThat(product.body()).contains("id=\"no-identity\"");

        ConsoleSession.Page job = browser.get("/console/jobs/job_01J00000000000000000000000");
        assertThat(job.status()).isEqualTo(404);
        assertThat(job.body())
                .contains("there is no job")
                .doesNotContain("Exception")
                .contains("<html");
        assertThat(browser.get("/console/jobs/not-a-job").status()).isEqualTo(404);
        ConsoleSession.Page noStage = browser.get("/console/jobs/job_01J00000000000000000000000/fidelity");
        assertThat(noStage.status())
                .as("a missing parameter is the caller's mistake")
                .isEqualTo(400);
        assertThat(noStage.body()).contains("Bad request").doesNotContain("Exception");
    }
}
