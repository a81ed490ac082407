package dev.campaignstudio.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the console's browser tests, driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}); Selenium Manager is never asked to download anything. When either is
 * missing the tests are skipped, loudly, except under CI=true, where they fail. Paths: STUDIO_TEST_CHROMIUM and
 * STUDIO_TEST_CHROMEDRIVER, else /usr/bin/chromium and /usr/bin/chromedriver.
 */
public final class Browsers {

    /** Where the tests save screenshots of each page, for a reviewer. */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Browsers() {}

    /** A headless Chromium at a laptop's window size. */
    public static WebDriver chromium() {
        Path browser = Path.of(env("STUDIO_TEST_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("STUDIO_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            String why = "Chromium (" + browser + ") or chromedriver (" + driver + ") is missing";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(
                        why
                                + "; CI=true requires the browser tests to run. Install them: apt-get install -y chromium chromium-driver");
            }
            System.err.println("SKIPPING browser tests: " + why + " (apt-get install -y chromium chromium-driver)");
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--mute-audio",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,900",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        chrome.manage().window().setSize(new Dimension(1280, 900));
        return chrome;
    }

    /** Saves the whole page (up to 4000 px tall) as {@code target/console-screenshots/<name>.png}. */
    public static void screenshot(WebDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight");
            int tall = Math.min(4000, Math.max(window.getHeight(), ((Number) height).intValue() + 140));
            driver.manage().window().setSize(new Dimension(window.getWidth(), tall));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
