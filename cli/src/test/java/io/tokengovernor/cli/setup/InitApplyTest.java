package io.tokengovernor.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.cli.TokenGov;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token-gov init --inspect}, {@code --status} and {@code --apply} as a user runs them, GitHub mocked. */
class InitApplyTest {

    @TempDir
    Path project;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void inspect_then_status_then_apply_twice_then_status() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":30,"apiCalls":40,"taskComplexity":"COMPLEX","repository":"octocat/demo","callsPerMinute":600}""");
        assertThat(run(Map.of(), "init", "--inspect", "--dir", project.toString()).exit()).isZero();
        SetupPlan plan = PlanFile.read(project.resolve("workflow_plan.json"));
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.repository(false).branch("token-gov/simulation-1", false).protection(false);
            plan.files().forEach((path, content) -> github.file(path, null).fileAfterPut(path, content));
            Map<String, String> environment = Map.of("GITHUB_TOKEN", "ghp_test");
            String[] common = {"--dir", project.toString(), "--github-url", github.base()};

            Run before = run(environment, args("init", "--status", common));
            assertThat(before.exit()).as(before.err()).isZero();
            assertThat(before.out()).contains("repository octocat/demo: missing").contains("0 of 1 as the plan wants");
            assertThat(github.writes()).isEmpty();

            Run first = run(environment, args("init", "--apply", common));
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("repository octocat/demo: created").contains("8 change(s) made");

            Run second = run(environment, args("init", "--apply", common));
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).contains("Nothing changed: octocat/demo already matches the plan.");

            Run after = run(environment, "init", "--status", "--json", "--dir", project.toString(), "--github-url", github.base());
            assertThat(after.exit()).isZero();
            assertThat(after.out()).contains("\"changes\":0").contains("\"matching\":8").contains("\"steps\":8");
        }
    }

    @Test
    void without_a_token_or_a_repository_nothing_is_called_and_the_user_is_told_what_to_do() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE"}""");
        run(Map.of(), "init", "--inspect", "--dir", project.toString());

        Run noToken = run(Map.of(), "init", "--apply", "--dir", project.toString(), "--github-url", "http://127.0.0.1:9");
        Run noRepository = run(Map.of("GITHUB_TOKEN", "t"), "init", "--apply", "--dir", project.toString(),
                "--github-url", "http://127.0.0.1:9");
        Run noPlan = run(Map.of("GITHUB_TOKEN", "t"), "init", "--apply", "--dir", project.resolve("nowhere").toString());

        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("GITHUB_TOKEN");
        assertThat(noRepository.exit()).isEqualTo(2);
        assertThat(noRepository.err()).contains("names no GitHub repository");
        assertThat(noPlan.exit()).isEqualTo(2);
        assertThat(noPlan.err()).contains("run token-gov init --inspect first");
    }

    @Test
    void an_unreachable_github_is_a_clear_error_after_the_retries() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE","repository":"octocat/demo","callsPerMinute":600}""");
        run(Map.of(), "init", "--inspect", "--dir", project.toString());

        Run down = run(Map.of("GITHUB_TOKEN", "t"), "init", "--status", "--dir", project.toString(), "--github-url",
                "http://127.0.0.1:9");

        assertThat(down.exit()).isEqualTo(8);
        assertThat(down.err()).contains("could not be reached");
    }

    private static String[] args(String first, String second, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TokenGov.commandLine(new TokenGov(new HashMap<>(environment)), new PrintWriter(out),
                new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
