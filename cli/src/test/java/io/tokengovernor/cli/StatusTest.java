package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusTest {

    private final FakeGovernor governor = new FakeGovernor();

    StatusTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    private static String project(String id, String name, int tier, long budget, long used, String window) {
        return """
                {"id":"%s","name":"%s","owner":"ana","tier":%d,"tokenBudget":%d,"budgetWindow":"%s",\
                "softLimit":null,"webhookUrl":null,"usedTokens":%d,"reservedTokens":0,"remainingTokens":%d,\
                "createdAt":"2025-01-31T18:00:00Z","updatedAt":"2025-01-31T18:00:00Z"}"""
                .formatted(id, name, tier, budget, window, used, budget - used);
    }

    @Test
    void withoutArgumentsAllProjectsAreListedInAnAlignedTable() {
        governor.answer("GET", "/api/projects?page=0&size=50", 200, "{\"items\":["
                + project("p-1", "demo", 1, 100000, 2500, "DAILY") + ","
                + project("p-22", "big-refactor", 2, 5000000, 0, "NONE")
                + "],\"page\":0,\"size\":50,\"total\":2}");

        CliRun run = CliRun.of("status", "--server", governor.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "ID    NAME          TIER   BUDGET  USED  REMAINING  WINDOW",
                "p-1   demo             1   100000  2500      97500  DAILY",
                "p-22  big-refactor     2  5000000     0    5000000  NONE");
    }

    @Test
    void everyPageIsReadUntilTheTotalIsReached() {
        StringBuilder firstPage = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 50; i++) {
            firstPage.append(i == 0 ? "" : ",").append(project("p-" + i, "n" + i, 1, 10, 0, "NONE"));
        }
        governor.answer("GET", "/api/projects?page=0&size=50", 200,
                firstPage + "],\"page\":0,\"size\":50,\"total\":51}");
        governor.answer("GET", "/api/projects?page=1&size=50", 200,
                "{\"items\":[" + project("p-last", "last", 2, 10, 0, "NONE") + "],\"page\":1,\"size\":50,\"total\":51}");

        CliRun run = CliRun.of("status", "--server", governor.url());

        assertThat(run.outLines()).hasSize(52).last().asString().startsWith("p-last");
    }

    @Test
    void anEmptyServerSaysSo() {
        governor.answer("GET", "/api/projects?page=0&size=50", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");

        CliRun run = CliRun.of("status", "--server", governor.url());

        assertThat(run.outLines()).containsExactly("No projects registered.");
    }

    @Test
    void theStatusOfOneThingIsPrintedAsKeysAndValuesWithNestedFieldsFlattened() {
        governor.answer("GET", "/api/status/task/t-1", 200, """
                {"level":"task","id":"t-1","state":"RUNNING","budget":5000,"used":1200,\
                "counts":{"checkpoints":3},"futureField":true,"tags":["a","b"]}""");

        CliRun run = CliRun.of("status", "TASK", "t-1", "--server", governor.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "level               task",
                "id                  t-1",
                "state               RUNNING",
                "budget              5000",
                "used                1200",
                "counts.checkpoints  3",
                "futureField         true",
                "tags                a, b");
    }

    @Test
    void withJsonTheStatusDocumentIsPrintedExactly() {
        String status = "{\"level\":\"project\",\"id\":\"p-1\",\"counts\":{\"tasks\":2}}";
        governor.answer("GET", "/api/status/project/p-1", 200, status);

        CliRun run = CliRun.of("--json", "status", "project", "p-1", "--server", governor.url());

        assertThat(run.out()).isEqualTo(status + System.lineSeparator());
    }

    @Test
    void anUnknownIdExits4WithTheServersDetail() {
        governor.answer("GET", "/api/status/agent/nobody", 404, """
                {"type":"https://tokengovernor.io/problems/not-found","title":"Not Found","status":404,\
                "detail":"agent nobody not found"}""");

        CliRun run = CliRun.of("status", "agent", "nobody", "--server", governor.url());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).containsExactly("error: agent nobody not found");
    }

    @Test
    void aLevelWithoutIdOrAnUnknownLevelIsAUsageError() {
        CliRun withoutId = CliRun.of("status", "task", "--server", governor.url());
        CliRun unknownLevel = CliRun.of("status", "galaxy", "g-1", "--server", governor.url());

        assertThat(withoutId.exitCode()).isEqualTo(2);
        assertThat(withoutId.err()).startsWith("Missing ID");
        assertThat(unknownLevel.exitCode()).isEqualTo(2);
        assertThat(governor.received()).isEmpty();
    }

    private static final String PULL = """
            {"repository":"octocat/demo","number":7,"title":"Add the parser","url":"https://github.com/octocat/demo/pull/7",\
            "branch":"token-gov/parser","baseBranch":"main","state":"MERGED","approvals":1,"changesRequested":0,\
            "merged":true,"tokens":12345,"taskIds":["t-1"]}""";

    @Test
    void prs_lists_the_projects_pull_requests_with_state_reviews_and_tokens() {
        governor.answer("GET", "/api/projects/p-1/pulls", 200, "[" + PULL + "]");

        CliRun run = CliRun.of("status", "--prs", "--project", "p-1", "--server", governor.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly(
                "PR              STATE   APPROVED  CHANGES  TOKENS  BRANCH            TITLE           URL",
                "octocat/demo#7  MERGED         1        0  12,345  token-gov/parser  Add the parser  https://github.com/octocat/demo/pull/7");
    }

    @Test
    void refresh_asks_the_server_to_ask_github_and_says_what_failed() {
        governor.answer("POST", "/api/projects/p-1/pulls/refresh", 200, """
                {"refreshed":1,"failures":["GitHub could not tell how octocat/demo#8 stands: 502"],"pulls":[%s]}"""
                .formatted(PULL));

        CliRun run = CliRun.of("status", "--prs", "--refresh", "--project", "p-1", "--server", governor.url());
        CliRun json = CliRun.of("--json", "status", "--prs", "--refresh", "--project", "p-1", "--server", governor.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("Asked GitHub: 1 pull request(s) brought up to date, 1 failed:");
        assertThat(run.outLines().get(1)).contains("octocat/demo#8");
        assertThat(run.out()).contains("octocat/demo#7  MERGED");
        assertThat(json.out()).contains("\"refreshed\":1");
        assertThat(governor.received()).extracting(FakeGovernor.Received::method).containsOnly("POST");
    }

    @Test
    void prs_without_a_project_is_a_usage_error_and_an_unknown_project_exits_4() {
        governor.answer("GET", "/api/projects/nope/pulls", 404, """
                {"type":"https://tokengovernor.io/problems/not-found","title":"Not found","status":404,\
                "detail":"No project nope"}""");

        CliRun noProject = CliRun.of("status", "--prs", "--server", governor.url());
        CliRun unknown = CliRun.of("status", "--prs", "--project", "nope", "--server", governor.url());

        assertThat(noProject.exitCode()).isEqualTo(2);
        assertThat(noProject.err()).contains("status --prs --project ID");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).contains("No project nope");
    }
}
