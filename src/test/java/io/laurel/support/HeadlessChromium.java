package io.laurel.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a fresh profile per test. Start it per
 * test rather than in {@code @BeforeAll}: Surefire shows a skipped test with its reason, an aborted class not
 * at all.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Every browser test keeps its screenshots below here: overwrite your own, delete nothing. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Starts the browser (1280×900 window), or skips the calling test when Chromium or chromedriver is not
     * installed. {@code extraArguments} are added to the command line, e.g. {@code --lang=zh-CN}.
     */
    public static HeadlessChromium start(String... extraArguments) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser test skipped: " + CHROMIUM + " is missing (apt-get install chromium; .ci/run does this)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "Browser test skipped: " + CHROMEDRIVER
                + " is missing (apt-get install chromium-driver; .ci/run does this)");
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("laurel-chromium-");
        // Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed
        // network refuses.
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile));
        arguments.addAll(List.of(extraArguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(arguments);
        // The driver is given explicitly, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait that ignores stale elements: AngularJS (Tasklist) re-renders lists while a condition looks at them. */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
