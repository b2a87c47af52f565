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
}
