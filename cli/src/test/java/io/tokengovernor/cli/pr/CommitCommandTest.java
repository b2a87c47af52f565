package io.tokengovernor.cli.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.setup.GitHubMock;
import io.tokengovernor.cli.setup.RepositoryFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token-gov commit --pr --template} as a user runs it: the real github-api client against WireMock serving
 * GitHub's documented response shapes, and the governor's REST API served by a second WireMock.
 */
class CommitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11";
    private static final String TASK = "5d6e7f80-1111-4222-8333-944455556666";
    private static final String BRANCH = "token-gov/add-parser";
    private static final String TEMPLATE = RepositoryFiles.prTemplate();

    @TempDir
    Path dir;

    private GitHubMock github;
    private final WireMockServer governor = new WireMockServer(options().dynamicPort());

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        github = new GitHubMock("octocat", "demo", "octocat");
        github.repository(true).branch(BRANCH, false).file(RepositoryFiles.PR_TEMPLATE, TEMPLATE);
        governor.start();
        governor.stubFor(post(urlPathEqualTo("/api/tasks/register")).willReturn(jsonAnswer(201, "{}")));
        governor.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/tasks/[^/]+/transitions"))
                .willReturn(jsonAnswer(200, "{}")));
        Files.writeString(dir.resolve("workflow_plan.json"), """
                {"projectId":"%s","version":3,"repository":"octocat/demo","defaultBranch":"main",
                 "branches":["main","token-gov/simulation-1"],
                 "agents":[{"id":"agent-1","roles":["SETUP","PR"],"branch":"main","estimatedTokens":1500,"callsPerMinute":600,"contextTokens":8000},
                           {"id":"agent-2","roles":["SIMULATION"],"branch":"token-gov/simulation-1","estimatedTokens":9000,"callsPerMinute":600,"contextTokens":8000}]}
                """.formatted(PROJECT));
        Files.writeString(dir.resolve("README.md"), "# demo\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Parser.java"), "class Parser {}\n");
    }

    @AfterEach
    void stop() {
        github.close();
        governor.stop();
    }

    @Test
    void commits_through_the_git_data_api_opens_the_pr_from_the_template_and_records_it() throws IOException {
        github.gitData(Map.of("README.md", blobSha("# demo\n"), "src/Parser.java", blobSha("class Old {}\n")))
                .opensPullRequest(7, BRANCH);
        governorKnowsTheTask(1_500, 300);
        governor.stubFor(post(urlPathEqualTo("/api/projects/" + PROJECT + "/pulls")).willReturn(jsonAnswer(201, """
                {"repository":"octocat/demo","number":7,"tokens":1800,"taskIds":["%s"]}""".formatted(TASK))));

        Run run = run(true, "commit", "--pr", "--template", "--task", TASK, "--branch", BRANCH, "--title",
                "Add the parser", "--dir", dir.toString(), "--github-url", github.base(), "--server", governor.baseUrl());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Opened pull request #7: https://github.com/octocat/demo/pull/7")
                .contains("with 2 file(s): src/Parser.java, workflow_plan.json")
                .contains("Recorded for project " + PROJECT + " (1800 tokens so far)");
        List<String> writes = github.writes().stream().map(w -> w.getMethod().value() + " " + w.getUrl()).toList();
        assertThat(writes).as("the Git Data API in order: blobs, tree, commit, ref, then the PR").containsExactly(
                "POST /repos/octocat/demo/git/blobs", "POST /repos/octocat/demo/git/blobs",
                "POST /repos/octocat/demo/git/trees", "POST /repos/octocat/demo/git/commits",
                "POST /repos/octocat/demo/git/refs", "POST /repos/octocat/demo/pulls");
        List<JsonNode> bodies = new ArrayList<>();
        for (var write : github.writes()) {
            bodies.add(JSON.readTree(write.getBodyAsString()));
        }
        assertThat(decoded(bodies.get(0))).isEqualTo("class Parser {}\n");
        assertThat(decoded(bodies.get(1))).contains("\"projectId\"");
        JsonNode tree = bodies.get(2);
        assertThat(tree.get("base_tree").asText()).isEqualTo(GitHubMock.TREE);
        assertThat(tree.get("tree")).extracting(e -> e.get("path").asText() + " " + e.get("mode").asText() + " "
                + e.get("type").asText()).containsExactly("src/Parser.java 100644 blob", "workflow_plan.json 100644 blob");
        JsonNode commit = bodies.get(3);
        assertThat(commit.get("tree").asText()).isEqualTo(GitHubMock.NEW_TREE);
        assertThat(commit.get("parents").get(0).asText()).isEqualTo(GitHubMock.SHA);
        assertThat(commit.get("message").asText()).startsWith("Add the parser").contains("Task: " + TASK);
        assertThat(bodies.get(4).get("ref").asText()).isEqualTo("refs/heads/" + BRANCH);
        assertThat(bodies.get(4).get("sha").asText()).isEqualTo(GitHubMock.COMMIT);
        JsonNode pull = bodies.get(5);
        assertThat(pull.get("head").asText()).isEqualTo(BRANCH);
        assertThat(pull.get("base").asText()).isEqualTo("main");
        assertThat(pull.get("title").asText()).isEqualTo("Add the parser");
        assertThat(pull.get("body").asText())
                .contains("- Task: " + TASK + " — write the parser")
                .contains("- Plan: workflow_plan.json version 3 (agent-1: SETUP, PR; agent-2: SIMULATION)")
                .contains("- Tokens spent on this change: 1,800 tokens (task " + TASK)
                .contains("- `src/Parser.java`").doesNotContain("{{").doesNotContain("README.md");
        JsonNode recorded = JSON.readTree(governor.findAll(postRequestedFor(urlPathEqualTo("/api/projects/" + PROJECT
                + "/pulls"))).get(0).getBodyAsString());
        assertThat(recorded.get("number").asInt()).isEqualTo(7);
        assertThat(recorded.get("branch").asText()).isEqualTo(BRANCH);
        assertThat(recorded.get("url").asText()).isEqualTo("https://github.com/octocat/demo/pull/7");
        JsonNode agentTask = JSON.readTree(governor.findAll(postRequestedFor(urlPathEqualTo("/api/tasks/register")))
                .get(0).getBodyAsString());
        assertThat(agentTask.get("agentType").asText()).as("the PR agent's run is a governed task").isEqualTo("pr");
        assertThat(agentTask.get("projectId").asText()).isEqualTo(PROJECT);
        assertThat(recorded.get("taskIds")).extracting(JsonNode::asText)
                .containsExactly(TASK, agentTask.get("id").asText());
        assertThat(governor.findAll(postRequestedFor(urlPathEqualTo("/api/tasks/" + agentTask.get("id").asText()
                + "/transitions")))).extracting(r -> tree(r.getBodyAsString()).get("to").asText())
                .containsExactly("RUNNING", "COMPLETED");
    }

    @Test
    void the_plan_alone_is_committed_this_way_and_json_says_what_was_done() throws IOException {
        github.gitData(Map.of("README.md", blobSha("# demo\n"), "src/Parser.java", blobSha("class Parser {}\n")))
                .opensPullRequest(8, BRANCH);
        governor.stubFor(post(urlPathEqualTo("/api/projects/" + PROJECT + "/pulls")).willReturn(jsonAnswer(201,
                "{\"number\":8,\"tokens\":0}")));

        Run run = run(true, "--json", "commit", "--pr", "--template", "--branch", BRANCH, "--dir", dir.toString(),
                "--github-url", github.base(), "--server", governor.baseUrl(), "workflow_plan.json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("number").asInt()).isEqualTo(8);
        assertThat(answer.get("files")).extracting(JsonNode::asText).containsExactly("workflow_plan.json");
        assertThat(answer.get("commit").asText()).isEqualTo(GitHubMock.COMMIT);
        assertThat(answer.get("projectId").asText()).as("the stored plan's project").isEqualTo(PROJECT);
        assertThat(answer.get("retries").asInt()).isZero();
        String body = JSON.readTree(github.writes().get(github.writes().size() - 1).getBodyAsString()).get("body").asText();
        assertThat(body).contains("none named").contains("not metered");
    }

    @Test
    void a_502_is_retried_with_backoff_and_a_secondary_rate_limit_is_waited_out() throws IOException {
        github.gitData(Map.of()).opensPullRequest(9, BRANCH);
        github.server.stubFor(post(urlPathEqualTo("/repos/octocat/demo/git/trees")).inScenario("flaky tree")
                .whenScenarioStateIs(STARTED).willReturn(GitHubMock.json(502, "{\"message\":\"Server Error\"}"))
                .willSetStateTo("recovered"));
        github.server.stubFor(post(urlPathEqualTo("/repos/octocat/demo/git/trees")).inScenario("flaky tree")
                .whenScenarioStateIs("recovered").willReturn(GitHubMock.json(201, """
                        {"sha":"%s","url":"%s/repos/octocat/demo/git/trees/%s","tree":[],"truncated":false}"""
                        .formatted(GitHubMock.NEW_TREE, github.base(), GitHubMock.NEW_TREE))));
        github.server.stubFor(post(urlPathEqualTo("/repos/octocat/demo/pulls")).inScenario("limited")
                .whenScenarioStateIs(STARTED).willReturn(GitHubMock.json(403,
                        "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you"
                                + " try again.\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                        .withHeader("Retry-After", "1")).willSetStateTo("waited"));
        github.server.stubFor(post(urlPathEqualTo("/repos/octocat/demo/pulls")).inScenario("limited")
                .whenScenarioStateIs("waited").willReturn(GitHubMock.json(201, github.pull(9, BRANCH, "open", false))));
        governor.stubFor(post(urlPathEqualTo("/api/projects/" + PROJECT + "/pulls")).willReturn(jsonAnswer(201,
                "{\"number\":9,\"tokens\":0}")));

        long start = System.nanoTime();
        Run run = run(true, "--json", "commit", "--pr", "--template", "--branch", BRANCH, "--dir", dir.toString(),
                "--github-url", github.base(), "--server", governor.baseUrl(), "src");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("retries").asInt()).as("the 502 once").isEqualTo(1);
        assertThat(github.server.findAll(postRequestedFor(urlPathEqualTo("/repos/octocat/demo/git/trees")))).hasSize(2);
        assertThat(github.server.findAll(postRequestedFor(urlPathEqualTo("/repos/octocat/demo/pulls")))).hasSize(2);
        assertThat(System.nanoTime() - start).as("waited as Retry-After said").isGreaterThan(900_000_000L);
    }

    @Test
    void nothing_to_commit_is_refused_and_nothing_is_created() throws IOException {
        github.gitData(Map.of("src/Parser.java", blobSha("class Parser {}\n")));

        Run run = run(false, "commit", "--pr", "--template", "--branch", BRANCH, "--dir", dir.toString(),
                "--github-url", github.base(), "src/Parser.java");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing to commit: the files named match main of octocat/demo.");
        assertThat(github.writes()).isEmpty();
        assertThat(governor.getAllServeEvents()).as("no task registered for a run that changed nothing").isEmpty();
    }

    @Test
    void an_unknown_path_a_missing_token_or_a_missing_flag_is_refused_before_github_is_asked() {
        Run unknown = run(false, "commit", "--pr", "--template", "--dir", dir.toString(), "--github-url",
                github.base(), "src/Nowhere.java");
        Run outside = run(false, "commit", "--pr", "--template", "--dir", dir.toString(), "--github-url",
                github.base(), "../elsewhere.txt");
        Map<String, String> noToken = Map.of();
        Run tokenless = runWith(noToken, "commit", "--pr", "--template", "--dir", dir.toString(), "--github-url",
                github.base());
        Run noTemplate = run(false, "commit", "--pr", "--dir", dir.toString(), "--github-url", github.base());

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No such file in the working tree: src/Nowhere.java");
        assertThat(outside.exit()).isEqualTo(2);
        assertThat(outside.err()).contains("outside the working tree");
        assertThat(tokenless.exit()).isEqualTo(2);
        assertThat(tokenless.err()).contains("Set GITHUB_TOKEN");
        assertThat(noTemplate.exit()).isEqualTo(2);
        assertThat(noTemplate.err()).contains("say --pr --template");
        assertThat(github.server.getAllServeEvents()).as("GitHub never asked").isEmpty();
        assertThat(governor.getAllServeEvents()).as("the governor never asked").isEmpty();
    }

    @Test
    void a_taken_branch_or_a_repository_without_the_template_creates_nothing() throws IOException {
        github.gitData(Map.of());
        github.branch("token-gov/taken", true);

        Run taken = run(false, "commit", "--pr", "--template", "--branch", "token-gov/taken", "--dir", dir.toString(),
                "--github-url", github.base());
        github.server.stubFor(get(urlPathEqualTo("/repos/octocat/demo/contents/" + RepositoryFiles.PR_TEMPLATE))
                .atPriority(1).willReturn(GitHubMock.json(404, "{\"message\":\"Not Found\"}")));
        Run noTemplate = run(false, "commit", "--pr", "--template", "--branch", BRANCH, "--dir", dir.toString(),
                "--github-url", github.base());

        assertThat(taken.exit()).isEqualTo(5);
        assertThat(taken.err()).contains("The branch token-gov/taken already exists");
        assertThat(noTemplate.exit()).isEqualTo(4);
        assertThat(noTemplate.err()).contains("No .github/pull_request_template.md on main: run token-gov init --apply");
        assertThat(github.writes()).isEmpty();
    }

    private void governorKnowsTheTask(long own, long subagent) {
        governor.stubFor(get(urlPathEqualTo("/api/tasks/" + TASK)).willReturn(jsonAnswer(200, """
                {"id":"%s","projectId":"%s","usedTokens":%d,"description":"write the parser","state":"RUNNING"}"""
                .formatted(TASK, PROJECT, own))));
        governor.stubFor(get(urlPathEqualTo("/api/tasks")).withQueryParam("projectId", equalTo(PROJECT))
                .willReturn(jsonAnswer(200, """
                        {"items":[{"id":"%s","projectId":"%s","usedTokens":%d},
                                  {"id":"aaaaaaaa-1111-4222-8333-944455556666","parentTaskId":"%s","usedTokens":%d},
                                  {"id":"bbbbbbbb-1111-4222-8333-944455556666","usedTokens":99999}],
                         "page":0,"size":500,"total":3}""".formatted(TASK, PROJECT, own, TASK, subagent))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonAnswer(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String decoded(JsonNode blob) {
        assertThat(blob.get("encoding").asText()).isEqualTo("base64");
        return new String(Base64.getMimeDecoder().decode(blob.get("content").asText()), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String blobSha(String content) {
        return new ChangedFile("x", content.getBytes(StandardCharsets.UTF_8), false).blobSha();
    }

    private Run run(boolean withServerKey, String... args) {
        Map<String, String> environment = new HashMap<>(Map.of("GITHUB_TOKEN", "ghp_test"));
        if (withServerKey) {
            environment.put("TOKEN_GOV_API_KEY", "project-key");
        }
        return runWith(environment, args);
    }

    private static Run runWith(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TokenGov.commandLine(new TokenGov(new HashMap<>(environment)), new PrintWriter(out),
                new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
