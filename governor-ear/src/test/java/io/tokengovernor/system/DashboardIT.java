package io.tokengovernor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the running server: registering
 * a project, the validation path, the light/dark switch, the phone layout and a task's transitions.
 * Element ids are the Faces client ids listed at the top of each page ({@code projects.xhtml} …).
 */
class DashboardIT extends BrowserTest {

    private static final String SERVER = System.getProperty("governor.url", "http://localhost:9080");
    private static final String BASE = SERVER + "/dashboard";
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private static final By REGISTER_BUTTON = By.id("projectsForm:registerProject");
    private static final By REGISTER_DIALOG = By.id("registerDialog");
    private static final By NAME = By.id("registerForm:name");
    private static final By OWNER = By.id("registerForm:owner");
    private static final By TOKEN_BUDGET = By.id("registerForm:tokenBudget");
    private static final By SAVE = By.id("registerForm:saveProject");
    private static final By NAME_FILTER = By.id("projectsForm:nameFilter");
    private static final By TABLE_ROWS = By.cssSelector("[id='projectsForm:projects_data'] > tr");
    private static final By PROJECT_COUNT = By.id("projectsForm:projects:projectCount");
    private static final By THEME_TOGGLE = By.id("themeForm:themeToggle");
    private static final By THEME_STYLESHEET = By.cssSelector("link[href*='theme.css']");

    @Test
    void aProjectRegisteredThroughTheDialogAppearsInTheTable() {
        String name = "dashboard-it " + UUID.randomUUID().toString().substring(0, 8);
        openProjects();

        openRegisterDialog();
        type(NAME, name);
        type(OWNER, "dashboard-it@example.org");
        choose("registerForm:tier", "1 (high priority)");
        type(TOKEN_BUDGET, "250000");
        browser.findElement(SAVE).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Project " + name + " registered"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(REGISTER_DIALOG));

        type(NAME_FILTER, name);
        wait.until(driver -> rowTexts().size() == 1 && rowTexts().get(0).contains(name));
        assertThat(rowTexts().get(0))
                .contains("dashboard-it@example.org")
                .contains("0 / 250,000");
    }

    @Test
    void anInvalidRegistrationSaysWhatToFixAndRegistersNothing() {
        openProjects();
        int before = projectCount();

        openRegisterDialog();
        type(OWNER, "dashboard-it@example.org");
        type(TOKEN_BUDGET, "-5");
        browser.findElement(SAVE).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registerForm:nameMessage"),
                "Enter a project name."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registerForm:tokenBudgetMessage"),
                "The token budget must be 0 or more."));
        assertThat(browser.findElement(REGISTER_DIALOG).isDisplayed()).as("the dialog stays open").isTrue();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(PROJECT_COUNT));
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void theThemeToggleLinksTheDarkStylesheetRemembersItAndSwitchesBack() {
        openProjects();
        assertThat(themeStylesheet()).contains("saga-blue");

        browser.findElement(THEME_TOGGLE).click();
        wait.until(driver -> themeStylesheet().contains("arya-blue"));
        assertThat(bodyBrightness()).as("the page background is dark").isLessThan(100);

        browser.get(BASE + "/projects");
        wait.until(driver -> themeStylesheet().contains("arya-blue"));
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.navigate().refresh();
        wait.until(driver -> themeStylesheet().contains("arya-blue"));

        browser.findElement(THEME_TOGGLE).click();
        wait.until(driver -> themeStylesheet().contains("saga-blue"));
        assertThat(bodyBrightness()).as("the page background is light").isGreaterThan(200);
    }

    @Test
    void theTasksPageFiltersByProjectAndShowsATasksTransitions() throws Exception {
        String projectName = "dashboard-it tasks " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = post("/api/projects/register", Map.of("name", projectName,
                "owner", "dashboard-it@example.org", "tier", 2, "tokenBudget", 100_000)).get("id").asText();
        String taskId = post("/api/tasks/register", Map.of("projectId", projectId, "complexity", "SIMPLE",
                "description", "dashboard-it task")).get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", Map.of("to", "RUNNING", "reason", "dashboard-it started it"));

        browser.get(BASE + "/tasks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasksForm:tasks")));
        choose("tasksForm:project", projectName);
        By taskRows = By.cssSelector("[id='tasksForm:tasks_data'] > tr");
        wait.until(driver -> {
            List<WebElement> rows = driver.findElements(taskRows);
            return rows.size() == 1 && rows.get(0).getText().contains(projectName);
        });
        assertThat(browser.findElement(taskRows).getText()).contains("SIMPLE", "RUNNING");

        browser.findElement(By.id("tasksForm:tasks:0:showTransitions")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transitionsDialog")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transitionsForm:transitions"),
                "dashboard-it started it"));
        assertThat(browser.findElement(By.id("transitionsForm")).getText())
                .contains(taskId, "REGISTERED", "RUNNING", "registered");
    }

    @Test
    void onAPhoneTheProjectsPageFitsTheScreenWidth() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        openProjects();

        assertThat(script("return window.innerWidth")).isEqualTo(375L);
        assertThat(horizontalOverflow()).as("pixels the page is wider than the screen").isLessThanOrEqualTo(1);

        openRegisterDialog();
        Number dialogRight = (Number) script(
                "return document.getElementById('registerDialog').getBoundingClientRect().right");
        assertThat(dialogRight.doubleValue()).as("the dialog's right edge").isLessThanOrEqualTo(376);
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(1);
    }

    /** Sets up data through the REST API, as an agent would; the dashboard is what is under test. */
    private static JsonNode post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVER + path))
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private void openProjects() {
        browser.get(BASE + "/projects");
        wait.until(ExpectedConditions.visibilityOfElementLocated(PROJECT_COUNT));
    }

    private void openRegisterDialog() {
        browser.findElement(REGISTER_BUTTON).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(REGISTER_DIALOG));
        wait.until(ExpectedConditions.elementToBeClickable(NAME));
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu, which draws its own list instead of a native select.
     * A menu with a filter box is narrowed first, as a user would with a long list.
     */
    private void choose(String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(menuId + "_panel")));
        List<WebElement> filter = browser.findElements(By.id(menuId + "_filter"));
        if (!filter.isEmpty()) {
            filter.get(0).sendKeys(label);
        }
        By option = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
    }

    private List<String> rowTexts() {
        return browser.findElements(TABLE_ROWS).stream().map(WebElement::getText).toList();
    }

    private int projectCount() {
        String text = browser.findElement(PROJECT_COUNT).getText().strip();
        Matcher number = LEADING_NUMBER.matcher(text);
        assertThat(number.find()).as("project count in '%s'", text).isTrue();
        return Integer.parseInt(number.group(1));
    }

    private String themeStylesheet() {
        return browser.findElement(THEME_STYLESHEET).getDomAttribute("href");
    }

    /** Mean of the red, green and blue of the body's background, 0 (black) to 255 (white). */
    private double bodyBrightness() {
        String colour = browser.findElement(By.tagName("body")).getCssValue("background-color");
        Matcher channels = Pattern.compile("(\\d+)\\D+(\\d+)\\D+(\\d+)").matcher(colour);
        assertThat(channels.find()).as("an rgb colour: %s", colour).isTrue();
        return (Integer.parseInt(channels.group(1)) + Integer.parseInt(channels.group(2))
                + Integer.parseInt(channels.group(3))) / 3.0;
    }

    private long horizontalOverflow() {
        return (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
