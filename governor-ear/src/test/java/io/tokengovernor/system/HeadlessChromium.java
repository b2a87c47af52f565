package io.tokengovernor.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile, for the browser tests; the flags keep it off
 * the network it cannot reach here. Tells clearly what to install when it is missing.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chrome.binary", "/usr/bin/chromium"));
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static HeadlessChromium open() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": install it with 'apt-get install -y chromium chromium-driver' "
                    + "or point -Dchrome.binary at a Chrome/Chromium binary.");
        }
        if (System.getProperty("webdriver.chrome.driver") == null) {
            if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
                fail("No chromedriver at " + CHROMEDRIVER + ": install it with 'apt-get install -y chromium-driver' "
                        + "or point -Dwebdriver.chrome.driver at one matching the browser.");
            }
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        }
        try {
            Path profile = Files.createTempDirectory("governor-it-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
            ChromeDriver driver = new ChromeDriver(options);
            driver.manage().window().setSize(new Dimension(1280, 900));
            return new HeadlessChromium(profile, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting(Duration patience) {
        WebDriverWait wait = new WebDriverWait(driver, patience);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
