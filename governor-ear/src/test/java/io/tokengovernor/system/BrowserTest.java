package io.tokengovernor.system;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A fresh headless Chromium for each test of a dashboard page, closed afterwards. */
abstract class BrowserTest {

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private HeadlessChromium chromium;

    /** How long explicit waits wait for the page. */
    protected Duration patience() {
        return Duration.ofSeconds(20);
    }

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
        wait = chromium.waiting(patience());
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }
}
