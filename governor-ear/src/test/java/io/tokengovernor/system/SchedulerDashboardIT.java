package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.patch;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The scheduler and packages pages in a real browser (Debian's headless Chromium) against the running
 * server: a task queued because its project ran out of tokens shows up in the queue and leaves it after
 * a budget raise and a confirmed "Resume"; a package lists its tasks with estimate against use. Element
 * ids are the Faces client ids listed at the top of {@code scheduler.xhtml} and {@code packages.xhtml}.
 */
class SchedulerDashboardIT extends BrowserTest {

    private static final String BASE = GovernorApi.BASE + "/dashboard";

    private static final By QUEUE_ROWS = By.cssSelector("[id='schedulerForm:queue_data'] > tr");
    private static final By PACKAGE_ROWS = By.cssSelector("[id='packagesForm:packages_data'] > tr[data-ri]");

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    @Test
    void aTaskQueuedForLackOfTokensIsShownAndLeavesTheQueueWhenResumedAfterABudgetRaise() {
        String projectName = "scheduler-dashboard-it " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(newId(), projectName, 3_000);
        String taskId = queuedByProject(projectId);

        browser.get(BASE + "/scheduler?project=" + projectId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedulerForm:project_label"),
                projectName));
        wait.until(driver -> rows(QUEUE_ROWS).size() == 1 && rows(QUEUE_ROWS).get(0).contains(projectName));
        assertThat(rows(QUEUE_ROWS).get(0)).contains("3,000 / 100,000");
        assertThat(browser.findElement(By.cssSelector("[id='schedulerForm:queue:0:resume']")).isDisplayed()).isTrue();

        assertThat(patch("/api/projects/" + projectId, "{\"tokenBudget\":1000000}").status()).isEqualTo(200);
        browser.findElement(By.id("schedulerForm:queue:0:resume")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("schedulerForm:confirmYes"))).click();

        // the confirmed resume, or a scheduler pass that got there first: either way the task runs again
        wait.until(driver -> "RUNNING".equals(state(taskId)));
        browser.findElement(By.id("schedulerForm:refresh")).click();
        wait.until(driver -> rows(QUEUE_ROWS).size() == 1 && rows(QUEUE_ROWS).get(0).contains("The queue is empty"));
    }

    @Test
    void resumingAQueuedTaskWithoutTokensSaysWhyItStaysQueued() {
        String projectName = "scheduler-dashboard-it refused " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(newId(), projectName, 3_000);
        String taskId = queuedByProject(projectId);

        browser.get(BASE + "/scheduler?project=" + projectId);
        wait.until(driver -> rows(QUEUE_ROWS).size() == 1 && rows(QUEUE_ROWS).get(0).contains(projectName));
        browser.findElement(By.id("schedulerForm:queue:0:resume")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("schedulerForm:confirmYes"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedulerForm:messages"),
                "not resumed: the project has"));
        assertThat(state(taskId)).isEqualTo("QUEUED");
    }

    @Test
    void invalidRulesAreRefusedWithEachProblemAndTheRulesInForceStay() {
        String before = get("/api/scheduler/rules").body();
        browser.get(BASE + "/scheduler");
        WebElement draft = wait.until(ExpectedConditions.elementToBeClickable(By.id("rulesForm:rulesDraft")));
        draft.clear();
        draft.sendKeys("{\"resumesPerMinute\":0,\"safetyFactor\":\"high\"}");
        browser.findElement(By.id("rulesForm:saveRules")).click();

        wait.until(driver -> driver.findElements(By.cssSelector("[id='rulesForm:rulesMessages'] li")).size() == 2);
        assertThat(browser.findElement(By.id("rulesForm:rulesMessages")).getText())
                .contains("resumesPerMinute", "safetyFactor");
        assertThat(get("/api/scheduler/rules").body()).isEqualTo(before);
        assertThat(browser.findElement(By.id("rulesForm:rulesText")).getText()).contains("\"resumesPerMinute\"");
    }

    @Test
    void aPackageListsItsTasksWithEstimateAgainstUseAndTheirTimeline() {
        String projectName = "packages-dashboard-it " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(newId(), projectName, 1_000_000);
        String first = registerTask(projectId, 3_000);
        String second = registerTask(projectId, 5_000);
        assertThat(post("/api/packages/register", """
                {"projectId":"%s","taskIds":["%s","%s"],"priority":3}""".formatted(projectId, first, second))
                .status()).isEqualTo(201);
        post("/api/tasks/" + first + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"packages-it started it\"}");
        InspectorFlowIT.report(first, "package", 1_400);

        browser.get(BASE + "/packages?project=" + projectId);
        wait.until(driver -> rows(PACKAGE_ROWS).size() == 1);
        assertThat(rows(PACKAGE_ROWS).get(0)).contains(projectName, "1,500 / 8,000", "1 REGISTERED", "1 RUNNING");

        browser.findElement(By.cssSelector("[id='packagesForm:packages_data'] .ui-row-toggler")).click();
        By tasks = By.cssSelector("[id='packagesForm:packages:0:tasks_data'] > tr");
        wait.until(driver -> rows(tasks).size() == 2);
        assertThat(String.join("\n", rows(tasks))).contains("1,500 / 3,000", "0 / 5,000");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("packagesForm:packages:0:timeline"),
                "packages-it started it"));
    }

    @Test
    void onAPhoneBothPagesFitTheScreenWidth() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        for (String page : List.of("/scheduler", "/packages")) {
            browser.get(BASE + page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1")));
            assertThat(script("return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("pixels %s is wider than the screen", page).isEqualTo(0L);
        }
    }

    /** A running task with a saved checkpoint that spends its whole project's 3,000 tokens: paused and queued. */
    private String queuedByProject(String projectId) {
        String taskId = registerTask(projectId, 3_000);
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"x\"}");
        assertThat(post("/api/usage", """
                {"eventId":"%s","taskId":"%s","timestamp":"2026-11-29T10:00:00Z","inputTokens":3000,"outputTokens":0}"""
                .formatted(newId(), taskId)).status()).isBetween(200, 299);
        wait.until(driver -> "QUEUED".equals(state(taskId)));
        return taskId;
    }

    private static String registerTask(String projectId, long estimate) {
        return post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":100000,"estimatedTokens":%d}""".formatted(projectId, estimate))
                .json().get("id").asText();
    }

    private static String state(String taskId) {
        return get("/api/tasks/" + taskId).json().get("state").asText();
    }

    private List<String> rows(By rows) {
        return browser.findElements(rows).stream().map(WebElement::getText).toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
