package io.tokengovernor.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.system.GovernorApi.Answer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The inspector page and a project's page in a real browser (Debian's headless Chromium) against the
 * running server: a task pushed over its threshold through the REST API shows up with its CHECKPOINT
 * directive, near its threshold and with its checkpoint, and its project's usage chart has data.
 * Element ids are the Faces client ids listed at the top of {@code inspector.xhtml} and {@code project.xhtml}.
 */
class InspectorDashboardIT extends BrowserTest {

    private static final String BASE = GovernorApi.BASE + "/dashboard";

    private static final By DIRECTIVE_ROWS = By.cssSelector("[id='inspectorForm:directives_data'] > tr");
    private static final By NEAR_THRESHOLD_ROWS = By.cssSelector("[id='inspectorForm:nearThreshold_data'] > tr");
    private static final By CHECKPOINT_ROWS = By.cssSelector("[id='inspectorForm:checkpoints_data'] > tr");
    private static final By CHART_CANVAS = By.id("projectForm:usageChart_canvas");

    @Test
    void aTaskOverItsThresholdIsShownWithACheckpointDirectiveNearItsThresholdAndWithItsCheckpoint() {
        String projectName = "inspector-it " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(GovernorApi.newId(), projectName, 100_000);
        String taskId = runningTask(projectId, 1_000);
        report(taskId, "2026-11-29T10:00:00Z", 900);

        browser.get(BASE + "/inspector?project=" + projectId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inspectorForm:project_label"),
                projectName));

        wait.until(driver -> rows(DIRECTIVE_ROWS).size() == 1);
        assertThat(rows(DIRECTIVE_ROWS).get(0)).contains(projectName, "RUNNING", "950 / 1,000");
        assertThat(browser.findElement(By.id("inspectorForm:directives:0:action")).getText()).isEqualTo("CHECKPOINT");
        assertThat(rows(NEAR_THRESHOLD_ROWS)).singleElement().asString().contains("95%", "REQUESTED");
        assertThat(rows(CHECKPOINT_ROWS)).singleElement().asString().contains("THRESHOLD", "not saved yet");
    }

    @Test
    void theProjectFilterNarrowsTheInspectorToOneProject() {
        String shownName = "inspector-it shown " + UUID.randomUUID().toString().substring(0, 8);
        String shown = GovernorApi.registerProject(GovernorApi.newId(), shownName, 100_000);
        String hidden = GovernorApi.registerProject(GovernorApi.newId(), "inspector-it hidden", 100_000);
        String shownTask = runningTask(shown, 1_000);
        String hiddenTask = runningTask(hidden, 1_000);
        report(shownTask, "2026-11-29T10:00:00Z", 100);
        report(hiddenTask, "2026-11-29T10:00:00Z", 100);

        browser.get(BASE + "/inspector");
        wait.until(driver -> rows(DIRECTIVE_ROWS).stream().anyMatch(row -> row.contains("inspector-it hidden")));
        choose("inspectorForm:project", shownName);

        wait.until(driver -> rows(DIRECTIVE_ROWS).size() == 1 && rows(DIRECTIVE_ROWS).get(0).contains(shownName));
        assertThat(browser.findElement(By.id("inspectorForm:directives:0:action")).getText()).isEqualTo("CONTINUE");
    }

    @Test
    void aProjectsPageDrawsItsTokenUsageOverTime() {
        String projectName = "inspector-it chart " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(GovernorApi.newId(), projectName, 100_000);
        String taskId = runningTask(projectId, 10_000);
        report(taskId, "2026-11-29T08:15:00Z", 900);
        report(taskId, "2026-11-29T10:00:00Z", 900);

        browser.get(BASE + "/projects");
        // narrow the table to this project first, as a user would among many
        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(By.id("projectsForm:nameFilter")));
        filter.sendKeys(projectName);
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(projectName)));
        link.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(CHART_CANVAS));

        assertThat(browser.findElement(By.id("projectForm:projectName")).getText()).isEqualTo(projectName);
        assertThat(browser.getCurrentUrl()).contains("id=" + projectId);
        wait.until(driver -> script("return !!(PF('usageChart') && PF('usageChart').chart)").equals(Boolean.TRUE));
        assertThat(script("return PF('usageChart').chart.data.labels"))
                .isEqualTo(List.of("11-29 08:00", "11-29 09:00", "11-29 10:00"));
        assertThat(script("return PF('usageChart').chart.data.datasets[0].data")).isEqualTo(List.of(950L, 0L, 950L));
        assertThat(script("return PF('usageChart').chart.data.datasets[1].data"))
                .isEqualTo(List.of(950L, 950L, 1900L));
        Number canvasWidth = (Number) script("return document.getElementById('projectForm:usageChart_canvas').width");
        assertThat(canvasWidth.intValue()).as("the canvas is drawn").isPositive();
    }

    @Test
    void aProjectWithoutUsageSaysSoInsteadOfDrawingAnEmptyChart() {
        String projectId = GovernorApi.registerProject(GovernorApi.newId(), "inspector-it quiet", 100_000);

        browser.get(BASE + "/project?id=" + projectId);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projectForm:noUsage"), "No usage yet"));
        assertThat(browser.findElements(CHART_CANVAS)).isEmpty();
    }

    @Test
    void onAPhoneTheInspectorFitsTheScreenWidth() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        browser.get(BASE + "/inspector");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inspectorForm:directives")));

        assertThat(script("return window.innerWidth")).isEqualTo(375L);
        assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("pixels the page is wider than the screen").isLessThanOrEqualTo(1);
    }

    private static String runningTask(String projectId, long budget) {
        Answer task = GovernorApi.post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":%d,"description":"inspector-it task"}""".formatted(projectId, budget));
        assertThat(task.status()).as(task.body()).isBetween(200, 201);
        String taskId = task.json().get("id").asText();
        Answer running = GovernorApi.post("/api/tasks/" + taskId + "/transitions",
                "{\"to\":\"RUNNING\",\"reason\":\"inspector-it started it\"}");
        assertThat(running.status()).as(running.body()).isEqualTo(200);
        return taskId;
    }

    /** Reports {@code input} + 50 output tokens at {@code timestamp}. */
    private static void report(String taskId, String timestamp, long input) {
        Answer answer = GovernorApi.post("/api/usage", """
                {"eventId":"%s","taskId":"%s","timestamp":"%s","inputTokens":%d,"outputTokens":50}"""
                .formatted(UUID.randomUUID(), taskId, timestamp, input));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu, which draws its own list instead of a native select,
     * narrowing its filter box first as a user would with a long list.
     */
    private void choose(String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(menuId + "_panel")));
        browser.findElement(By.id(menuId + "_filter")).sendKeys(label);
        By option = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
    }

    private List<String> rows(By rows) {
        return browser.findElements(rows).stream().map(WebElement::getText).toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
