package io.tokengovernor.system;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.setup.GitHubMock;
import io.tokengovernor.cli.setup.RepositoryFiles;
import io.tokengovernor.system.GovernorApi.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull requests on the real server: the real token-gov opens one through the mocked GitHub and records it, the
 * server lists it with the tokens of its task, and asks GitHub (WireMock, through github-api on the server side) how
 * it stands — on demand and by its timer — picking up reviews and the merge.
 */
class PullsIT {

    private static final String REPOSITORY = "octocat/governed";
    private static GitHubMock github;

    @TempDir
    Path workTree;

    @BeforeAll
    static void startGitHub() throws Exception {
        github = new GitHubMock("octocat", "governed", "octocat");
        github.repository(true).file(RepositoryFiles.PR_TEMPLATE, RepositoryFiles.prTemplate()).gitData(Map.of());
        TestServerSettings.ensureGitHub(github.base());
    }

    @AfterAll
    static void stopGitHub() {
        github.close();
    }

    @Test
    void the_pr_agent_records_its_pr_and_a_refresh_picks_up_the_reviews_and_the_merge() throws Exception {
        Project project = project("pulls");
        String task = task(project.id(), 1_200, 300);
        Files.writeString(workTree.resolve("project_config.json"), """
                {"fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE","repository":"%s","callsPerMinute":600}"""
                .formatted(REPOSITORY));
        CliIT.Run inspected = CliIT.tokenGovWith(Map.of(), "init", "--inspect", "--dir", workTree.toString(),
                "--project", project.id());
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        Files.createDirectories(workTree.resolve("src"));
        Files.writeString(workTree.resolve("src/Feature.java"), "class Feature {}\n");
        String branch = "token-gov/feature-" + project.id().substring(0, 8);
        github.branch(branch, false).opensPullRequest(5, branch).pullStands(5, branch, "open", false);

        CliIT.Run opened = CliIT.tokenGovWith(Map.of("GITHUB_TOKEN", "ghp_cli", "TOKEN_GOV_API_KEY", project.key()),
                "commit", "--pr", "--template", "--task", task, "--branch", branch, "--title", "Add the feature",
                "--dir", workTree.toString(), "--github-url", github.base(), "src/Feature.java");

        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("Opened pull request #5").contains("Recorded for project " + project.id());
        JsonNode listed = get("/api/projects/" + project.id() + "/pulls").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asInt()).isEqualTo(5);
        assertThat(listed.get(0).get("repository").asText()).isEqualTo(REPOSITORY);
        assertThat(listed.get(0).get("branch").asText()).isEqualTo(branch);
        assertThat(listed.get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(listed.get(0).get("tokens").asLong()).as("the task's tokens").isEqualTo(1_500);
        assertThat(listed.get(0).get("taskIds").get(0).asText()).isEqualTo(task);
        String body = GovernorApi.JSON.readTree(github.writes().stream()
                .filter(w -> w.getUrl().endsWith("/pulls")).reduce((a, b) -> b).orElseThrow().getBodyAsString())
                .get("body").asText();
        assertThat(body).contains("Task: " + task).contains("version 1 (").contains("1,500 tokens");
        CliIT.Run shown = CliIT.tokenGovWith(Map.of("TOKEN_GOV_API_KEY", project.key()), "status", "--prs",
                "--project", project.id());
        assertThat(shown.out()).contains(REPOSITORY + "#5  OPEN").contains("1,500");

        github.pullStands(5, branch, "closed", true, "ana:CHANGES_REQUESTED", "bo:COMMENTED", "ana:APPROVED");
        CliIT.Run refreshed = CliIT.tokenGovWith(Map.of("TOKEN_GOV_API_KEY", project.key()), "--json", "status",
                "--prs", "--refresh", "--project", project.id());

        assertThat(refreshed.exit()).as(refreshed.err()).isZero();
        JsonNode answer = GovernorApi.JSON.readTree(refreshed.out());
        assertThat(answer.get("refreshed").asInt()).isEqualTo(1);
        assertThat(answer.get("failures")).isEmpty();
        JsonNode pull = get("/api/projects/" + project.id() + "/pulls").json().get(0);
        assertThat(pull.get("state").asText()).isEqualTo("MERGED");
        assertThat(pull.get("merged").asBoolean()).isTrue();
        assertThat(pull.get("mergedAt").asText()).startsWith("2026-12-05T11:00:00");
        assertThat(pull.get("approvals").asInt()).as("ana's latest review approves; bo only commented").isEqualTo(1);
        assertThat(pull.get("changesRequested").asInt()).isZero();
        assertThat(pull.path("refreshedAt").asText()).isNotBlank();
        assertThat(github.server.findAll(getRequestedFor(urlPathEqualTo("/repos/" + REPOSITORY + "/pulls/5/reviews")))
                .get(0).getHeader("Authorization")).as("the server's own token").contains(TestServerSettings.GITHUB_TOKEN_VALUE);
    }

    @Test
    void the_setup_and_pr_agents_are_metered_tasks_and_init_status_weighs_them_against_the_work() throws Exception {
        Project project = project("phase-0-overhead");
        task(project.id(), 30_000, 6_000);
        task(project.id(), 20_000, 4_000);
        Files.writeString(workTree.resolve("project_config.json"), """
                {"fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE","repository":"%s","callsPerMinute":600}"""
                .formatted(REPOSITORY));
        Map<String, String> asProject = Map.of("GITHUB_TOKEN", "ghp_cli", "TOKEN_GOV_API_KEY", project.key());
        assertThat(CliIT.tokenGovWith(asProject, "init", "--inspect", "--dir", workTree.toString(), "--project",
                project.id()).exit()).isZero();
        var plan = io.tokengovernor.cli.setup.PlanFile.read(workTree.resolve("workflow_plan.json"));
        plan.files().forEach((path, content) -> {
            if (!path.equals(RepositoryFiles.PR_TEMPLATE)) {
                github.file(path, null).fileAfterPut(path, content);
            }
        });
        github.protection(false);
        plan.branches().stream().filter(name -> !name.equals("main")).forEach(name -> github.branch(name, false));
        String branch = "token-gov/metered-" + project.id().substring(0, 8);
        github.branch(branch, false).opensPullRequest(11, branch);
        Files.writeString(workTree.resolve("NOTES.md"), "metered\n");

        CliIT.Run applied = CliIT.tokenGovWith(asProject, "init", "--apply", "--dir", workTree.toString(),
                "--github-url", github.base(), "--project", project.id());
        CliIT.Run committed = CliIT.tokenGovWith(asProject, "commit", "--pr", "--template", "--branch", branch,
                "--dir", workTree.toString(), "--github-url", github.base(), "NOTES.md");

        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(committed.exit()).as(committed.err()).isZero();
        JsonNode tasks = get("/api/tasks?size=500&projectId=" + project.id()).json().get("items");
        Map<String, String> phase0 = new java.util.HashMap<>();
        for (JsonNode task : tasks) {
            if (java.util.Set.of("setup", "pr").contains(task.path("agentType").asText())) {
                phase0.put(task.get("agentType").asText(), task.get("id").asText());
                assertThat(task.get("state").asText()).as(task.toString()).isEqualTo("COMPLETED");
            }
        }
        assertThat(phase0).containsOnlyKeys("setup", "pr");
        JsonNode pull = get("/api/projects/" + project.id() + "/pulls").json().get(0);
        assertThat(pull.get("taskIds")).extracting(JsonNode::asText).containsExactly(phase0.get("pr"));
        // The agents call no model themselves; a model call made under their tasks (a summary written by a
        // model, say) lands in the ledger like any other: one each here.
        report(phase0.get("setup"), 300, 100);
        report(phase0.get("pr"), 450, 150);

        CliIT.Run status = CliIT.tokenGovWith(asProject, "init", "--status", "--dir", workTree.toString(),
                "--github-url", github.base(), "--project", project.id());
        CliIT.Run json = CliIT.tokenGovWith(asProject, "--json", "init", "--status", "--dir", workTree.toString(),
                "--github-url", github.base(), "--project", project.id());

        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("Phase 0 overhead: 1,000 tokens of the setup and PR agents against 60,000"
                + " of the project's work: 1.67 % (within the 2 % target).");
        JsonNode overhead = GovernorApi.JSON.readTree(json.out()).get("phase0");
        assertThat(overhead.get("tokens").asLong()).isEqualTo(1_000);
        assertThat(overhead.get("workTokens").asLong()).isEqualTo(60_000);
        assertThat(overhead.get("share").asDouble()).isLessThan(0.02);
        assertThat(overhead.get("withinTarget").asBoolean()).isTrue();
    }

    @Test
    void the_timer_refreshes_open_pull_requests_by_itself() throws Exception {
        Project project = project("pulls-timer");
        github.pullStands(6, "token-gov/timer", "open", false);
        assertThat(post("/api/projects/" + project.id() + "/pulls", record(6, "token-gov/timer", null), project.key())
                .status()).isEqualTo(201);

        github.pullStands(6, "token-gov/timer", "closed", false, "cy:CHANGES_REQUESTED");

        JsonNode pull = awaitPull(project.id(), p -> p.get("state").asText().equals("CLOSED"), Duration.ofSeconds(30));
        assertThat(pull.get("changesRequested").asInt()).isEqualTo(1);
        assertThat(pull.get("merged").asBoolean()).isFalse();
    }

    @Test
    void a_pull_request_github_cannot_tell_about_stays_as_it_was_and_the_failure_is_logged() throws Exception {
        Project project = project("pulls-failing", "http://127.0.0.1:9/webhook");
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/repos/" + REPOSITORY
                + "/pulls/7")).willReturn(GitHubMock.json(502, "{\"message\":\"Server Error\"}")));
        // recorded as closed: the timer asks only about open ones, an on-demand refresh about every one
        assertThat(post("/api/projects/" + project.id() + "/pulls", record(7, "token-gov/failing", "CLOSED"),
                project.key()).status()).isEqualTo(201);
        Instant before = Instant.now().minusSeconds(1);

        Answer refreshed = post("/api/projects/" + project.id() + "/pulls/refresh", "", project.key());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refreshed").asInt()).isZero();
        assertThat(refreshed.json().get("failures").get(0).asText()).contains(REPOSITORY + "#7").contains("GitHub answered 502");
        assertThat(github.server.findAll(getRequestedFor(urlPathEqualTo("/repos/" + REPOSITORY + "/pulls/7"))))
                .as("the first try and 3 retries").hasSize(4);
        JsonNode pull = get("/api/projects/" + project.id() + "/pulls").json().get(0);
        assertThat(pull.get("state").asText()).isEqualTo("CLOSED");
        assertThat(pull.path("refreshedAt").isMissingNode() || pull.get("refreshedAt").isNull()).isTrue();
        JsonNode errors = get("/api/errors?projectId=" + project.id() + "&since=" + before).json();
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("source").asText()).isEqualTo("github");
            assertThat(error.get("detail").asText()).contains(REPOSITORY + "#7");
        });
        assertThat(get("/api/projects/" + project.id() + "/webhooks").json()).as("the project's webhook is told")
                .anySatisfy(delivery -> assertThat(delivery.get("event").asText()).isEqualTo("error"));
    }

    @Test
    void bad_input_is_a_problem_and_changes_nothing() {
        Project project = project("pulls-refused");
        Project other = project("pulls-other");
        String foreignTask = task(other.id(), 10, 10);
        String path = "/api/projects/" + project.id() + "/pulls";

        for (String body : new String[] {"{\"repository\":\"no-slash\",\"number\":0,\"branch\":\"b\",\"baseBranch\":\"main\",\"title\":\"\"}",
            record(8, "token-gov/b", "DRAFT"), "{\"repository\":\"octocat/x\",\"number\":1,\"url\":\"https://github.com/x\","
                    + "\"branch\":\"b\",\"baseBranch\":\"main\",\"title\":\"t\",\"taskIds\":[\"" + foreignTask + "\"]}"}) {
            Answer refused = post(path, body, project.key());
            assertThat(ProblemAnswer.check(refused.status(), refused.contentType(), refused.body())).as(body).isNull();
            assertThat(refused.status()).isEqualTo(400);
        }
        Answer invalid = post(path, "{\"repository\":\"no-slash\",\"number\":0}", project.key());
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("field").asText())
                .contains("repository", "number", "url", "branch", "baseBranch", "title");
        Answer foreign = post(path, record(9, "token-gov/b", null), other.key());
        Answer anonymous = post(path, record(9, "token-gov/b", null), null);
        Answer unknown = get("/api/projects/" + newId() + "/pulls");
        Answer unknownRefresh = post("/api/projects/" + newId() + "/pulls/refresh", "");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(ProblemAnswer.check(unknown.status(), unknown.contentType(), unknown.body())).isNull();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknownRefresh.status()).isEqualTo(404);
        assertThat(get(path).json()).isEmpty();
        assertThat(get("/api/config").body()).doesNotContain(TestServerSettings.GITHUB_TOKEN_VALUE);
        assertThat(messagesLog()).as("the server's log").doesNotContain(TestServerSettings.GITHUB_TOKEN_VALUE)
                .contains("Open pull requests are refreshed from GitHub at " + github.base() + " with a token");
    }

    private static String messagesLog() {
        try {
            return Files.readString(TestServerSettings.SERVER_DIR.resolve("logs/messages.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String record(int number, String branch, String state) {
        return """
                {"repository":"%s","number":%d,"url":"https://github.com/%s/pull/%d","branch":"%s","baseBranch":"main",\
                "title":"token-gov"%s}""".formatted(REPOSITORY, number, REPOSITORY, number, branch,
                state == null ? "" : ",\"state\":\"" + state + "\"");
    }

    private static JsonNode awaitPull(String projectId, java.util.function.Predicate<JsonNode> wanted, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode pull = null;
        while (Instant.now().isBefore(deadline)) {
            pull = get("/api/projects/" + projectId + "/pulls").json().get(0);
            if (wanted.test(pull)) {
                return pull;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the timer did not bring the pull request up to date within " + limit + ": " + pull);
    }

    private record Project(String id, String key) {
    }

    private static Project project(String name) {
        return project(name, null);
    }

    private static Project project(String name, String webhookUrl) {
        String id = newId();
        Answer created = post("/api/projects/register", """
                {"id":"%s","name":"%s","owner":"octocat","tier":1,"tokenBudget":1000000%s}""".formatted(id, name,
                webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\",\"webhookSecret\":\"s3cret\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Project(id, created.json().get("apiKey").asText());
    }

    private static void report(String task, long input, long output) {
        assertThat(post("/api/usage", """
                {"eventId":"%s","taskId":"%s","timestamp":"%s","model":"claude-sonnet-4-5","inputTokens":%d,"outputTokens":%d}"""
                .formatted(newId(), task, Instant.now(), input, output)).status()).isEqualTo(200);
    }

    private static String task(String projectId, long input, long output) {
        String task = newId();
        assertThat(post("/api/tasks/register", """
                {"id":"%s","projectId":"%s","agentType":"coder","complexity":"SIMPLE"}""".formatted(task, projectId))
                .status()).isEqualTo(201);
        assertThat(post("/api/usage", """
                {"eventId":"%s","taskId":"%s","timestamp":"%s","model":"claude-sonnet-4-5","inputTokens":%d,"outputTokens":%d}"""
                .formatted(newId(), task, Instant.now(), input, output)).status()).isEqualTo(200);
        return task;
    }
}
