package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.JSON;
import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.setup.GitHubMock;
import io.tokengovernor.cli.setup.PlanFile;
import io.tokengovernor.cli.setup.RepositoryFiles;
import io.tokengovernor.cli.setup.SetupPlan;
import io.tokengovernor.system.ClaudeCodeWorkspace.Run;
import io.tokengovernor.system.ScriptedModel.Turn;
import io.tokengovernor.system.ScriptedModel.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 0 from end to end, as a user goes through it: {@code init --inspect} on a sample project, {@code init
 * --apply} against GitHub (WireMock), the real Claude Code through {@code token-gov run} (the scripted Messages API)
 * writing a file, {@code commit --pr --template} opening the PR, and the server listing the PR with the tokens that
 * produced it. Named to run with the other Claude Code suites, before the ones that move the server's clock.
 */
class ClaudePhaseZeroIT {

    @TempDir
    Path root;

    private ScriptedModel model;
    private GitHubMock github;

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
        if (github != null) {
            github.close();
        }
    }

    @Test
    void inspect_apply_generate_with_claude_code_and_open_the_pr_that_the_server_shows_with_its_tokens()
            throws Exception {
        model = new ScriptedModel(request -> request.answersSoFar() == 0
                ? Turn.tool("mkdir -p src && printf 'class Greeting {}\\n' > src/Greeting.java", new Usage(1200, 80, 0, 0))
                : Turn.text("Wrote src/Greeting.java.", new Usage(1500, 40, 0, 0)));
        String projectId = newId();
        ClaudeCodeWorkspace user = new ClaudeCodeWorkspace(root, ClaudeCodeIT.registerProject(projectId, 2_000_000),
                model.url());
        Path project = user.project;
        Files.createDirectories(user.settings().getParent());
        // Claude Code 2.1.332 refuses a file-writing Bash command in -p mode unless edits are accepted
        Files.writeString(user.settings(), "{\"permissions\":{\"defaultMode\":\"acceptEdits\"}}");
        Files.writeString(project.resolve("README.md"), "# greeting\n");
        Files.writeString(project.resolve("project_config.json"), """
                {"name":"greeting","fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE","repository":"octocat/greeting",\
                "callsPerMinute":600}""");
        Map<String, String> env = new HashMap<>(user.environment());
        env.put("GITHUB_TOKEN", "ghp_end_to_end");

        Run inspected = user.tokenGov(env, "init", "--inspect", "--project", projectId);
        assertThat(inspected.exit()).as(inspected.toString()).isZero();
        assertThat(inspected.out()).contains("1 agent").contains("stored as version 1");

        github = new GitHubMock("octocat", "greeting", "octocat");
        SetupPlan plan = PlanFile.read(project.resolve("workflow_plan.json"));
        github.repository(false).protection(false);
        plan.files().forEach((path, content) -> github.file(path, null).fileAfterPut(path, content));
        plan.branches().stream().filter(branch -> !branch.equals("main")).forEach(branch -> github.branch(branch, false));
        Run applied = user.tokenGov(env, "init", "--apply", "--project", projectId, "--github-url", github.base());
        assertThat(applied.exit()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("repository octocat/greeting: created");

        String taskId = newId();
        Run generated = user.tokenGov(env, "run", "--project", projectId, "--task", taskId, "--budget", "200000",
                "--claude", ClaudeCodeWorkspace.CLAUDE.toString(), "--claude-arg=--allowedTools", "--claude-arg=Bash",
                "--", "write src/Greeting.java");
        assertThat(generated.exit()).as(generated.toString()).isZero();
        assertThat(project.resolve("src/Greeting.java")).hasContent("class Greeting {}");
        long spent = get("/api/tasks/" + taskId).json().path("usedTokens").asLong();
        assertThat(spent).as("metered from the transcript").isEqualTo(model.tokensAnswered()).isEqualTo(1200 + 80 + 1500 + 40);

        github.gitData(Map.of("README.md", new io.tokengovernor.cli.pr.ChangedFile("README.md",
                "# greeting\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false).blobSha()));
        github.branch("token-gov/greeting", false).opensPullRequest(1, "token-gov/greeting");
        Run committed = user.tokenGov(env, "--json", "commit", "--pr", "--template", "--task", taskId, "--branch",
                "token-gov/greeting", "--title", "Add the greeting", "--github-url", github.base(), "src");

        assertThat(committed.exit()).as(committed.toString()).isZero();
        assertThat(JSON.readTree(committed.out()).get("files")).extracting(JsonNode::asText)
                .containsExactly("src/Greeting.java");
        String body = JSON.readTree(github.writes().stream().filter(w -> w.getUrl().endsWith("/pulls"))
                .reduce((a, b) -> b).orElseThrow().getBodyAsString()).get("body").asText();
        assertThat(body).contains("Task: " + taskId).contains("version 1 (").contains("2,820 tokens");
        assertThat(github.writes().stream().map(w -> w.getUrl()).toList()).as("the template the Setup agent added")
                .contains("/repos/octocat/greeting/contents/" + RepositoryFiles.PR_TEMPLATE);
        JsonNode pulls = get("/api/projects/" + projectId + "/pulls").json();
        assertThat(pulls).hasSize(1);
        assertThat(pulls.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(pulls.get(0).get("title").asText()).isEqualTo("Add the greeting");
        assertThat(pulls.get(0).get("tokens").asLong()).as("the tokens that produced it").isEqualTo(spent);
        assertThat(pulls.get(0).get("taskIds")).extracting(JsonNode::asText).contains(taskId);

        Run status = user.tokenGov(env, "init", "--status", "--project", projectId, "--github-url", github.base());
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Phase 0 overhead: 0 tokens of the setup and PR agents against 2,820 of the"
                + " project's work: 0.00 % (within the 2 % target).");
    }
}
