package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workflow plan page in a real browser (Debian's headless Chromium) against the running server: plans stored
 * through {@code POST /api/projects/{id}/plans} show their allocation and why, their agents' roles, branches,
 * estimates and limits, and the list of versions; older versions open from the list; a version that does not exist
 * is a message; a project without a plan says how to make one. Element ids are the Faces client ids listed at the
 * top of {@code plans.xhtml}.
 */
class PlansDashboardIT extends BrowserTest {

    private static final String BASE = GovernorApi.BASE + "/dashboard";

    private static final By HEADLINE = By.id("plansForm:allocationHeadline");
    private static final By APPLIED = By.cssSelector("[id='plansForm:criteria_data'] > tr.criterion-applied");
    private static final By AGENT_ROWS = By.cssSelector("[id='plansForm:agents_data'] > tr");
    private static final By HISTORY_ROWS = By.cssSelector("[id='plansForm:history_data'] > tr");
    private static final By MESSAGES = By.id("plansForm:messages");

    @Test
    void the_current_plan_shows_its_allocation_and_why_its_roles_and_the_history_of_plans() {
        String name = "plans-it " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = projectWithTwoPlans(name);

        browser.get(BASE + "/project?id=" + projectId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("projectForm:plansLink"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "2 agents"));
        assertThat(browser.getCurrentUrl()).contains("project=" + projectId);
        assertThat(text(By.id("plansForm:shownVersion"))).isEqualTo("version 2 of 2");
        assertThat(text(By.id("plansForm:allocationReason")))
                .contains("12 files, 5 API calls", "only the file count", "the smaller count");
        assertThat(browser.findElements(APPLIED)).singleElement().extracting(WebElement::getText).asString()
                .contains("2–3 agents", "10–50 files or 20–100 API calls", "applied");
        assertThat(text(By.id("plansForm:inspection"))).contains("12", "COMPLEX", "project_config.json",
                "octocat/plans", "token-gov/simulation-1");

        List<String> agents = rows(AGENT_ROWS);
        assertThat(agents).hasSize(2);
        assertThat(agents.get(0)).contains("setup+pr", "SETUP", "PR", "main", "2,000", "8,000");
        assertThat(agents.get(0)).doesNotContain("SIMULATION");
        assertThat(agents.get(1)).contains("simulation-1", "SIMULATION", "token-gov/simulation-1", "15,000");
        assertThat(text(By.id("plansForm:totals"))).contains("17,000 tokens in all", "(Phase 0): 2,000 (11.8%)",
                "(simulation): 15,000");

        List<String> history = rows(HISTORY_ROWS);
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).contains("v2", "17,000", "current", "shown");
        assertThat(history.get(1)).contains("v1", "121,500").doesNotContain("current");
        assertThat(browser.findElement(By.id("navPlans")).getAttribute("class")).contains("active");
        assertThat(browser.findElements(By.id("plansForm:olderNote"))).isEmpty();
    }

    @Test
    void an_older_version_opens_from_the_history_with_its_own_allocation_and_the_current_one_is_a_click_away() {
        String projectId = projectWithTwoPlans("plans-it versions " + UUID.randomUUID().toString().substring(0, 8));
        browser.get(BASE + "/plans?project=" + projectId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "2 agents"));

        browser.findElement(By.id("plansForm:history:1:view")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "3 agents"));
        assertThat(browser.getCurrentUrl()).contains("version=1");
        assertThat(text(By.id("plansForm:shownVersion"))).isEqualTo("version 1 of 2");
        assertThat(text(By.id("plansForm:allocationReason"))).contains("30 files, 40 API calls", "both measures",
                "the larger count");
        assertThat(rows(AGENT_ROWS)).hasSize(3);
        assertThat(rows(AGENT_ROWS).get(2)).contains("simulation-1", "120,000");
        assertThat(text(By.id("plansForm:olderNote"))).contains("version 1, an older plan", "version 2 is current");
        assertThat(rows(HISTORY_ROWS).get(1)).contains("v1", "shown");
        assertThat(rows(HISTORY_ROWS).get(0)).contains("current").doesNotContain("shown");

        browser.findElement(By.id("plansForm:currentLink")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "2 agents"));
        assertThat(browser.findElements(By.id("plansForm:olderNote"))).isEmpty();
    }

    @Test
    void a_version_that_is_not_the_projects_is_a_message_and_the_current_plan_is_shown() {
        String projectId = projectWithTwoPlans("plans-it bad version " + UUID.randomUUID().toString().substring(0, 8));

        browser.get(BASE + "/plans?project=" + projectId + "&version=9");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "no plan version 9"));
        assertThat(text(MESSAGES)).contains("its versions are 1 to 2", "version 2, is shown");
        assertThat(text(HEADLINE)).isEqualTo("2 agents");

        browser.get(BASE + "/plans?project=" + projectId + "&version=%3Cb%3Eone%3C%2Fb%3E");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "'<b>one</b>' is not a plan version"));
        assertThat(text(HEADLINE)).isEqualTo("2 agents");
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    void a_project_without_a_plan_says_how_to_make_one_and_an_unknown_project_says_so() {
        String projectId = GovernorApi.registerProject(newId(), "plans-it empty", 10_000);

        browser.get(BASE + "/plans?project=" + projectId);
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plansForm:noPlan")));
        assertThat(empty.getText()).contains("No workflow plan yet", "token-gov init --inspect --project " + projectId);
        assertThat(browser.findElements(HEADLINE)).isEmpty();

        String unknown = newId();
        browser.get(BASE + "/plans?project=" + unknown);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plansForm:notFound"))).getText())
                .contains("No such project", unknown);
    }

    @Test
    void the_navigation_opens_the_page_and_the_project_menu_shows_the_chosen_projects_plan() {
        String name = "plans-it menu " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = projectWithTwoPlans(name);

        browser.get(BASE + "/projects");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("navPlans"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plansForm:chooseProject")));

        choose("plansForm:project", name);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "2 agents"));
        assertThat(browser.getCurrentUrl()).contains("project=" + projectId);
        assertThat(rows(HISTORY_ROWS)).hasSize(2);
    }

    @Test
    void on_a_phone_the_plan_fits_the_screen_width() {
        String projectId = projectWithTwoPlans("plans-it phone " + UUID.randomUUID().toString().substring(0, 8));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));

        browser.get(BASE + "/plans?project=" + projectId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(HEADLINE, "2 agents"));
        assertThat(script("return document.documentElement.scrollWidth - window.innerWidth")).isEqualTo(0L);
    }

    /** A project with two plans: version 1 gives 3 agents (30 files, 40 calls), version 2 gives 2 (12 files, 5 calls). */
    private static String projectWithTwoPlans(String name) {
        String projectId = GovernorApi.registerProject(newId(), name, 1_000_000);
        assertThat(post("/api/projects/" + projectId + "/plans", PlansIT.validPlan().toString()).status())
                .isEqualTo(201);
        assertThat(post("/api/projects/" + projectId + "/plans", """
                {"inspection":{"fileCount":12,"apiCalls":5,"taskComplexity":"COMPLEX","source":"PROJECT_CONFIG"},
                 "allocation":{"band":"TWO_TO_THREE","agents":2,"reason":"12 files, 5 API calls"},
                 "repository":"octocat/plans","defaultBranch":"main","branches":["main","token-gov/simulation-1"],
                 "agents":[
                  {"id":"setup+pr","roles":["SETUP","PR"],"branch":"main","estimatedTokens":2000,"callsPerMinute":5,"contextTokens":8000},
                  {"id":"simulation-1","roles":["SIMULATION"],"branch":"token-gov/simulation-1","estimatedTokens":15000,"callsPerMinute":5,"contextTokens":8000}],
                 "estimatedTokens":17000,"phase0Tokens":2000,"phase0Share":0.1176,"estimateSource":"SERVER"}""")
                .status()).isEqualTo(201);
        return projectId;
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

    private List<String> rows(By rows) {
        return browser.findElements(rows).stream().map(WebElement::getText).toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
