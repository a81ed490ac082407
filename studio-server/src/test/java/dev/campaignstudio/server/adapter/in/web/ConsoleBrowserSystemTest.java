package dev.campaignstudio.server.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Browsers;
import dev.campaignstudio.server.support.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium against the whole service, embedded, with the real local media pipeline at
 * small sizes: a person signs in, makes a fast video through the form with a real upload, watches it finish without
 * reloading, plays and seeks the video, opens a fidelity attempt and retries from scene 3. Screenshots of each page go
 * to {@code target/console-screenshots/}.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserSystemTest {

    private static final String TOKEN = "console-browser-token";
    private static final Duration JOB_TIME = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    WebDriver browser;
    String base;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-console-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "10");
    }

    @BeforeEach
    void open() {
        browser = Browsers.chromium();
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting(Duration time) {
        WebDriverWait wait = new WebDriverWait(browser, time, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void signIn(String token) {
        browser.get(base + "/console/jobs");
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/sign-in"));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String status() {
        return browser.findElement(By.id("job-status")).getAttribute("data-status");
    }

    private String stepStatus(String stage, int scene) {
        return browser.findElement(By.cssSelector("tr[data-stage='" + stage + "'][data-scene='" + scene + "']"))
                .getAttribute("data-status");
    }

    @Test
    void aPersonMakesAFastVideoWatchesItFinishLivePlaysItAndRetriesFromSceneThree() {
        signIn(TOKEN);
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/jobs"));
        Browsers.screenshot(browser, "01-jobs-empty");

        browser.findElement(By.linkText("New job")).click();
        new Select(browser.findElement(By.id("mode"))).selectByValue("image_bundle");
        waiting(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.name("aspects")).isEmpty());
        assertThat(browser.findElements(By.id("duration_s")))
                .as("an image bundle has no duration")
                .isEmpty();
        new Select(browser.findElement(By.id("mode"))).selectByValue("fast_video");
        waiting(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("duration_s")).isEmpty());
        assertThat(browser.findElement(By.id("duration_s")).getAttribute("max"))
                .as("the router's bound")
                .isEqualTo("60");

        Path photo = Samples.folder().resolve("kiln-mug").resolve("front.jpg");
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        String product = "console-mug-" + UUID.randomUUID().toString().substring(0, 8);
        type("product_id", product);
        type("name", "Kiln Mug");
        type("prompt", "Cosy autumn evenings");
        type("duration_s", "5");
        type("scene_count", "20");
        browser.findElement(By.id("submit-job")).click();
        WebElement sceneErrors = waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("scene_count-errors")));
        Browsers.screenshot(browser, "02-new-job-violations");
        assertThat(sceneErrors.getAttribute("textContent"))
                .as("the service's own violation, at its field")
                .contains("must be at most 12");
        assertThat(browser.findElement(By.id("kept")).getText())
                .as("the uploaded photo is kept")
                .contains("1 photo");

        type("scene_count", "3");
        browser.findElement(By.id("submit-job")).click();
        waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/console/jobs/job_"));
        String jobUrl = browser.getCurrentUrl();
        js("window.__sameDocument = true");

        waiting(JOB_TIME).until(d -> "succeeded".equals(status()) || "failed".equals(status()));
        assertThat(status()).as(browser.findElement(By.id("panel")).getText()).isEqualTo("succeeded");
        assertThat(js("return window.__sameDocument === true"))
                .as("the page changed live, without a reload")
                .isEqualTo(true);
        assertThat(browser.getCurrentUrl()).isEqualTo(jobUrl);

        WebElement video = browser.findElement(By.cssSelector("#outputs video"));
        double manifestSeconds = Long.parseLong(video.getAttribute("data-duration-ms")) / 1000.0;
        js("arguments[0].muted = true; arguments[0].play();", video);
        waiting(Duration.ofSeconds(30))
                .until(d -> ((Number) js("return arguments[0].readyState", video)).intValue() >= 2);
        double duration = ((Number) js("return arguments[0].duration", video)).doubleValue();
        assertThat(duration).as("the player's length is the manifest's").isCloseTo(manifestSeconds, within(0.5));
        js("arguments[0].pause(); arguments[0].currentTime = 3.0;", video);
        waiting(Duration.ofSeconds(20))
                .until(d -> Boolean.FALSE.equals(js("return arguments[0].seeking", video))
                        && Math.abs(((Number) js("return arguments[0].currentTime", video)).doubleValue() - 3.0) < 0.3);
        assertThat(browser.findElements(By.cssSelector("#scenes .scene"))).hasSize(3);
        Browsers.screenshot(browser, "03-job-succeeded");

        browser.findElement(By.cssSelector("a.open-fidelity")).click();
        WebElement attempt =
                waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".attempt[data-attempt='1']")));
        assertThat(attempt.findElement(By.cssSelector(".score")).getText()).matches("\\d\\.\\d{3}");
        assertThat(((Number) js("return arguments[0].naturalWidth", attempt.findElement(By.tagName("img")))).intValue())
                .as("the attempt's image decodes")
                .isPositive();
        assertThat(browser.findElements(By.cssSelector(".attempt.accepted")))
                .as("the accepted attempt is marked")
                .hasSize(1);
        Browsers.screenshot(browser, "04-fidelity");

        browser.get(jobUrl);
        new Select(browser.findElement(By.id("retry-stage"))).selectByValue("scene_image");
        new Select(browser.findElement(By.id("retry-scene"))).selectByValue("3");
        browser.findElement(By.id("retry-submit")).click();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/console/jobs/job_")
                        && !d.getCurrentUrl().equals(jobUrl));
        waiting(JOB_TIME).until(d -> "succeeded".equals(status()) || "failed".equals(status()));
        assertThat(status()).isEqualTo("succeeded");
        assertThat(stepStatus("scene_image", 1)).isEqualTo("reused");
        assertThat(stepStatus("scene_image", 2)).isEqualTo("reused");
        assertThat(stepStatus("scene_image", 3)).isEqualTo("succeeded");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText())
                .contains(jobUrl.substring(jobUrl.lastIndexOf('/') + 1));
        Browsers.screenshot(browser, "05-retry-from-scene-3");

        browser.get(base + "/console/jobs");
        assertThat(browser.findElements(By.cssSelector("tbody#rows tr[data-job]")))
                .hasSize(2);
        Browsers.screenshot(browser, "06-jobs");
        browser.findElement(By.linkText(product)).click();
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/products/" + product));
        WebElement cutout = browser.findElement(By.cssSelector("#identity figure[data-role='neutral_image'] img"));
        waiting(Duration.ofSeconds(10))
                .until(d -> ((Number) js("return arguments[0].naturalWidth", cutout)).intValue() > 0);
        assertThat(browser.findElements(By.cssSelector("tr[data-stage='neutral_image']")))
                .isNotEmpty();
        Browsers.screenshot(browser, "08-product");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(jobUrl);
        Browsers.screenshot(browser, "07-job-phone");
    }

    @Test
    void aWrongTokenIsRefused() {
        signIn("not-the-token");
        waiting(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("sign-in-error")).isEmpty());
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("not accepted");
        Browsers.screenshot(browser, "00-sign-in-refused");
        browser.get(base + "/console/jobs");
        assertThat(browser.getCurrentUrl()).contains("/console/sign-in");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        ApiClient api = new ApiClient(port, TOKEN);
        String photo = Samples.upload(api, "front.jpg", Samples.photo("kiln-mug", "front.jpg"));
        String product = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(TOKEN);
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/jobs"));

        Path page = Files.createTempFile("cross-site", ".html");
        Files.writeString(page, """
                <!DOCTYPE html><html><body>
                <form id="f" method="post" action="%s/console/new">
                  <input name="job_type" value="marketing_creation"><input name="product_id" value="%s">
                  <input name="name" value="Forged"><input name="kept" value="%s"><input name="idempotency_key" value="forged-1">
                </form><script>document.getElementById('f').submit();</script></body></html>""".formatted(base, product, photo));
        browser.get(page.toUri().toString());
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().startsWith(base));
        assertThat(browser.getCurrentUrl()).doesNotContain("/console/jobs/job_");
        assertThat(api.get("/v1/jobs?product_id=" + product).json().get("items").size())
                .as("no job was made")
                .isZero();
        Files.deleteIfExists(page);
    }
}
