package io.tokengovernor.cli.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.setup.SetupStep.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/** The Setup agent with the real github-api client against WireMock serving GitHub's response shapes. */
class SetupAgentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void creates_everything_on_an_empty_account_and_a_second_apply_changes_nothing() throws IOException {
        SetupPlan plan = plan("octocat", 600);
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.repository(false).branch("token-gov/simulation-1", false).protection(false);
            plan.files().forEach((path, content) -> github.file(path, null).fileAfterPut(path, content));
            GovernedCalls calls = fastCalls(600);

            List<SetupStep> first = new SetupAgent(github.client(), calls).apply(plan);

            assertThat(first).extracting(SetupStep::outcome).containsOnly(Outcome.CREATED);
            assertThat(first).extracting(SetupStep::what).contains("repository octocat/demo",
                    "file .github/pull_request_template.md", "file .github/workflows/setup_workflow.json",
                    "file .github/workflows/pr_workflow.json", "file .github/workflows/simulation_workflow.json",
                    "file .github/workflows/token-gov.yml", "branch token-gov/simulation-1");
            var writes = github.writes();
            JsonNode created = JSON.readTree(writes.get(0).getBodyAsString());
            assertThat(writes.get(0).getUrl()).isEqualTo("/user/repos");
            assertThat(created.get("name").asText()).isEqualTo("demo");
            assertThat(created.get("private").asBoolean()).isTrue();
            assertThat(created.get("auto_init").asBoolean()).isTrue();
            JsonNode protection = JSON.readTree(writes.get(writes.size() - 1).getBodyAsString());
            assertThat(protection.at("/required_pull_request_reviews/required_approving_review_count").asInt())
                    .isEqualTo(1);
            assertThat(protection.get("required_status_checks").toString()).contains("\"governed\"");
            assertThat(protection.at("/required_status_checks/strict").asBoolean()).isTrue();
            assertThat(protection.get("enforce_admins").asBoolean()).isTrue();
            JsonNode ref = JSON.readTree(writes.stream().filter(w -> w.getUrl().endsWith("/git/refs")).findFirst()
                    .orElseThrow().getBodyAsString());
            assertThat(ref.get("ref").asText()).isEqualTo("refs/heads/token-gov/simulation-1");
            assertThat(ref.get("sha").asText()).isEqualTo(GitHubMock.SHA);

            int writesBefore = github.writes().size();
            List<SetupStep> second = new SetupAgent(github.client(), fastCalls(600)).apply(plan);

            assertThat(second).extracting(SetupStep::outcome).containsOnly(Outcome.UNCHANGED);
            assertThat(second).hasSameSizeAs(first);
            assertThat(github.writes()).hasSize(writesBefore);
        }
    }

    @Test
    void adopts_an_existing_repository_and_changes_only_what_differs() throws IOException {
        SetupPlan plan = plan("octocat", 600);
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.repository(true).branch("token-gov/simulation-1", true).protection(false);
            plan.files().forEach((path, content) -> github.file(path, content));
            github.file(RepositoryFiles.PR_TEMPLATE, "an old template\n")
                    .fileAfterPut(RepositoryFiles.PR_TEMPLATE, plan.files().get(RepositoryFiles.PR_TEMPLATE));

            List<SetupStep> checked = new SetupAgent(github.client(), fastCalls(600)).check(plan);

            assertThat(github.writes()).as("checking writes nothing").isEmpty();
            assertThat(outcomes(checked)).containsEntry("file " + RepositoryFiles.PR_TEMPLATE, Outcome.DIFFERS)
                    .containsEntry("repository octocat/demo", Outcome.UNCHANGED)
                    .containsEntry("branch token-gov/simulation-1", Outcome.UNCHANGED);
            assertThat(checked.get(checked.size() - 1).outcome()).isEqualTo(Outcome.MISSING);

            List<SetupStep> applied = new SetupAgent(github.client(), fastCalls(600)).apply(plan);

            assertThat(outcomes(applied)).containsEntry("file " + RepositoryFiles.PR_TEMPLATE, Outcome.UPDATED)
                    .containsEntry("repository octocat/demo", Outcome.UNCHANGED);
            assertThat(applied.get(applied.size() - 1).outcome()).isEqualTo(Outcome.CREATED);
            assertThat(github.writes()).extracting(w -> w.getMethod().value() + " " + w.getUrl()).containsExactly(
                    "PUT /repos/octocat/demo/contents/" + RepositoryFiles.PR_TEMPLATE,
                    "PUT /repos/octocat/demo/branches/main/protection");
            JsonNode update = JSON.readTree(github.writes().get(0).getBodyAsString());
            assertThat(update.get("sha").asText()).as("an update names the blob it replaces")
                    .isEqualTo("3d21ec53a331a6f037a91c368710b99387d012c1");
        }
    }

    @Test
    void an_organisations_repository_is_created_in_the_organisation() throws IOException {
        SetupPlan plan = plan("acme", 600);
        try (GitHubMock github = new GitHubMock("acme", "demo", "octocat")) {
            github.repository(false).branch("token-gov/simulation-1", false).protection(false);
            plan.files().forEach((path, content) -> github.file(path, null).fileAfterPut(path, content));

            new SetupAgent(github.client(), fastCalls(600)).apply(plan);

            assertThat(github.writes().get(0).getUrl()).isEqualTo("/orgs/acme/repos");
        }
    }

    @Test
    void a_502_is_retried_with_backoff_and_a_404_is_an_answer() throws IOException {
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.server.stubFor(get(urlPathEqualTo("/repos/octocat/flaky")).inScenario("flaky")
                    .whenScenarioStateIs(STARTED).willReturn(GitHubMock.json(502, "{\"message\":\"Server Error\"}"))
                    .willSetStateTo("once"));
            github.server.stubFor(get(urlPathEqualTo("/repos/octocat/flaky")).inScenario("flaky")
                    .whenScenarioStateIs("once").willReturn(GitHubMock.json(200, github.repository())));
            github.server.stubFor(get(urlPathEqualTo("/repos/octocat/down"))
                    .willReturn(GitHubMock.json(503, "{\"message\":\"Unavailable\"}")));
            GovernedCalls calls = fastCalls(600);

            assertThat(calls.call(() -> github.client().getRepository("octocat/flaky")).getName()).isEqualTo("demo");
            assertThat(calls.retried()).isEqualTo(1);
            assertThatThrownBy(() -> calls.call(() -> github.client().getRepository("octocat/gone")))
                    .isInstanceOf(org.kohsuke.github.GHFileNotFoundException.class);
            assertThat(calls.retried()).as("a 404 is not retried").isEqualTo(1);
            assertThatThrownBy(() -> calls.call(() -> github.client().getRepository("octocat/down")))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(503));
            assertThat(calls.retried()).as("three retries, then the failure").isEqualTo(1 + GovernedCalls.RETRIES);
        }
    }

    @Test
    void a_secondary_rate_limit_is_waited_out_as_retry_after_says() throws IOException {
        try (GitHubMock github = new GitHubMock("octocat", "demo", "octocat")) {
            github.server.stubFor(get(urlPathEqualTo("/repos/octocat/limited")).inScenario("limited")
                    .whenScenarioStateIs(STARTED).willReturn(GitHubMock.json(403,
                            "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before"
                                    + " you try again.\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                            .withHeader("Retry-After", "1")).willSetStateTo("waited"));
            github.server.stubFor(get(urlPathEqualTo("/repos/octocat/limited")).inScenario("limited")
                    .whenScenarioStateIs("waited").willReturn(GitHubMock.json(200, github.repository())));

            long start = System.nanoTime();
            var repository = fastCalls(600).call(() -> github.client().getRepository("octocat/limited"));

            assertThat(repository.getName()).isEqualTo("demo");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited as Retry-After said")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(github.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo("/repos/octocat/limited")))).hasSize(2);
        }
    }

    static SetupPlan plan(String owner, int callsPerMinute) throws IOException {
        JsonNode plan = JSON.readTree("""
                {"branches":["main","token-gov/simulation-1"],"agents":[
                  {"id":"setup","roles":["SETUP"],"branch":"main","estimatedTokens":500,"contextTokens":8000},
                  {"id":"pr","roles":["PR"],"branch":"main","estimatedTokens":1000,"contextTokens":8000},
                  {"id":"simulation-1","roles":["SIMULATION"],"branch":"token-gov/simulation-1","estimatedTokens":9000,"contextTokens":8000}]}""");
        return new SetupPlan(owner, "demo", "main", List.of("main", "token-gov/simulation-1"),
                RepositoryFiles.of(plan, "main", callsPerMinute), callsPerMinute);
    }

    private static GovernedCalls fastCalls(int perMinute) {
        return new GovernedCalls(perMinute, io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME,
                wait -> Thread.sleep(wait.toMillis()), Duration.ofMillis(10));
    }

    private static Map<String, Outcome> outcomes(List<SetupStep> steps) {
        return steps.stream().collect(java.util.stream.Collectors.toMap(SetupStep::what, SetupStep::outcome));
    }
}
