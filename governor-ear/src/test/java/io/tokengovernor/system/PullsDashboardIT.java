package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.cli.setup.GitHubMock;
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
 * The pull request history page in a real browser (Debian's headless Chromium) against the running server: pull
 * requests recorded through {@code POST /api/projects/{id}/pulls} are listed newest first with their state, reviews,
 * the tokens their tasks spent and a link to GitHub, and narrowed by state; a project without one says how to open
 * one. Element ids are the Faces client ids listed at the top of {@code pulls.xhtml}.
 */
class PullsDashboardIT extends BrowserTest {

    private static final String BASE = GovernorApi.BASE + "/dashboard";

    private static final By ROWS = By.cssSelector("[id='pullsForm:pulls_data'] > tr");
    private static final By COUNT = By.id("pullsForm:pulls:pullCount");

    @Test
    void recorded_pull_requests_are_listed_newest_first_with_state_reviews_tokens_and_links_to_github() {
        String name = "pulls-it " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = projectWithThreePulls(name);

        browser.get(BASE + "/project?id=" + projectId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("projectForm:pullsLink"))).click();

        wait.until(driver -> rows().size() == 3);
        assertThat(browser.getCurrentUrl()).contains("project=" + projectId);
        assertThat(rows().get(0)).contains("#9", "octocat/demo", "drop the old cache", "token-gov/pr-9 → main", "CLOSED",
                "0 tasks");
        assertThat(rows().get(1)).contains("#8", "MERGED", "2,600", "1 task");
        assertThat(rows().get(2)).contains("#7", "add the retry", "OPEN", "not asked yet", "1,200");
        assertThat(text(COUNT)).contains("3 pull requests", "3,800 tokens");

        WebElement link = browser.findElement(By.id("pullsForm:pulls:2:link"));
        assertThat(link.getAttribute("href")).isEqualTo("https://github.com/octocat/demo/pull/7");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        assertThat(browser.findElement(By.id("navPulls")).getAttribute("class")).contains("active");
    }

    @Test
    void the_state_buttons_and_the_state_in_the_address_narrow_the_list() {
        String projectId = projectWithThreePulls("pulls-it states " + UUID.randomUUID().toString().substring(0, 8));
        browser.get(BASE + "/pulls?project=" + projectId);
        wait.until(driver -> rows().size() == 3);

        stateButton("Merged (1)").click();
        wait.until(driver -> rows().size() == 1 && rows().get(0).contains("#8"));
        assertThat(text(COUNT)).contains("1 pull request", "2,600 tokens");

        stateButton("All (3)").click();
        wait.until(driver -> rows().size() == 3);

        browser.get(BASE + "/pulls?project=" + projectId + "&state=open");
        wait.until(driver -> rows().size() == 1 && rows().get(0).contains("#7"));

        browser.get(BASE + "/pulls?project=" + projectId + "&state=%3Cb%3Estale%3C%2Fb%3E");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pullsForm:messages"),
                "'<b>stale</b>' is not a pull request state"));
        wait.until(driver -> rows().size() == 3);
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    void a_project_without_pull_requests_says_how_to_open_one_and_the_navigation_leads_to_the_menu() {
        String name = "pulls-it empty " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = GovernorApi.registerProject(newId(), name, 10_000);

        browser.get(BASE + "/projects");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("navPulls"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pullsForm:chooseProject")));
        choose("pullsForm:project", name);

        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pullsForm:noPulls")));
        assertThat(browser.getCurrentUrl()).contains("project=" + projectId);
        assertThat(empty.getText()).contains("No pull request yet", "token-gov commit --pr --template");
        assertThat(browser.findElements(ROWS)).isEmpty();

        browser.get(BASE + "/pulls?project=" + newId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pullsForm:notFound")));
    }

    @Test
    void refresh_from_github_shows_the_merge_and_the_reviews_and_says_what_github_could_not_tell() throws Exception {
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.repository(true).pullStands(7, "token-gov/pr-7", "closed", true, "ana:CHANGES_REQUESTED",
                    "bo:APPROVED", "cy:CHANGES_REQUESTED");
            TestServerSettings.ensureGitHub(github.base());
            String projectId = GovernorApi.registerProject(newId(), "pulls-it refresh", 100_000);
            // recorded as closed, so only this refresh asks GitHub about them (the timer asks about open ones)
            record(projectId, 7, "add the retry", "CLOSED", null);
            record(projectId, 8, "gone from GitHub", "CLOSED", null);

            browser.get(BASE + "/pulls?project=" + projectId);
            wait.until(driver -> rows().size() == 2);
            assertThat(rows().get(1)).contains("#7", "CLOSED", "not asked yet");
            browser.findElement(By.id("pullsForm:refresh")).click();

            wait.until(driver -> rows().size() == 2 && rows().get(1).contains("MERGED"));
            assertThat(rows().get(1)).contains("#7", "1 approval, 2 change requests", "2026-12-05 11:00:00")
                    .doesNotContain("not asked yet");
            assertThat(rows().get(0)).contains("#8", "CLOSED", "not asked yet");
            assertThat(text(By.id("pullsForm:messages"))).contains("GitHub could not tell how octocat/demo#8 stands");
            assertThat(text(By.id("growl_container"))).contains("1 pull request brought up to date from GitHub");
        }
    }

    @Test
    void on_a_phone_the_list_fits_the_screen_width() {
        String projectId = projectWithThreePulls("pulls-it phone " + UUID.randomUUID().toString().substring(0, 8));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));

        browser.get(BASE + "/pulls?project=" + projectId);
        wait.until(driver -> rows().size() == 3);
        assertThat(((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth")).isEqualTo(0L);
    }

    /** #7 open (a task that spent 1,200 tokens), #8 merged (2,600), #9 closed without tasks, recorded in that order. */
    private static String projectWithThreePulls(String name) {
        String projectId = GovernorApi.registerProject(newId(), name, 1_000_000);
        String retry = task(projectId, 1_100);
        String docs = task(projectId, 2_500);
        record(projectId, 7, "add the retry", null, retry);
        record(projectId, 8, "document the retry", "MERGED", docs);
        record(projectId, 9, "drop the old cache", "CLOSED", null);
        return projectId;
    }

    private static String task(String projectId, long input) {
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":100000}""".formatted(projectId)).json().get("id").asText();
        InspectorFlowIT.report(taskId, "pulls", input);
        return taskId;
    }

    private static void record(String projectId, int number, String title, String state, String taskId) {
        Answer answer = post("/api/projects/" + projectId + "/pulls", """
                {"repository":"octocat/demo","number":%d,"url":"https://github.com/octocat/demo/pull/%d",
                 "branch":"token-gov/pr-%d","baseBranch":"main","title":"%s"%s%s}""".formatted(number, number, number,
                title, state == null ? "" : ",\"state\":\"" + state + "\"",
                taskId == null ? "" : ",\"taskIds\":[\"" + taskId + "\"]"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private WebElement stateButton(String label) {
        return browser.findElements(By.cssSelector("[id='pullsForm:state'] .ui-button")).stream()
                .filter(button -> button.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no state button " + label));
    }

    private void choose(String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(menuId + "_panel")));
        browser.findElement(By.id(menuId + "_filter")).sendKeys(label);
        By option = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private List<String> rows() {
        return browser.findElements(ROWS).stream().map(WebElement::getText).toList();
    }
}
