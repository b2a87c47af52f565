package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

    private static final String NO_PROJECTS = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}";

    private final FakeGovernor fromOption = new FakeGovernor().answer("GET", "/api/projects?page=0&size=50", 200, NO_PROJECTS);
    private final FakeGovernor fromEnvironment = new FakeGovernor().answer("GET", "/api/projects?page=0&size=50", 200, NO_PROJECTS);

    GlobalOptionsTest() throws Exception {
    }

    @AfterEach
    void stopServers() {
        fromOption.close();
        fromEnvironment.close();
    }

    @Test
    void theServerOptionBeatsTheEnvironment() {
        CliRun run = CliRun.withEnvironment(Map.of("TOKEN_GOV_URL", fromEnvironment.url()),
                "status", "--server", fromOption.url());

        assertThat(run.exitCode()).isZero();
        assertThat(fromOption.received()).hasSize(1);
        assertThat(fromEnvironment.received()).isEmpty();
    }

    @Test
    void theEnvironmentIsUsedWithoutServerOption() {
        CliRun run = CliRun.withEnvironment(Map.of("TOKEN_GOV_URL", fromEnvironment.url()), "status");

        assertThat(run.exitCode()).isZero();
        assertThat(fromEnvironment.received()).hasSize(1);
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() {
        CliRun run = CliRun.of("--server", fromOption.url(), "--json", "status");

        assertThat(run.out()).isEqualTo(NO_PROJECTS + System.lineSeparator());
    }

    @Test
    void aContextRootInTheServerUrlIsKeptAndATrailingSlashIgnored() {
        CliRun.of("status", "--server", fromOption.url() + "/governor/");

        assertThat(fromOption.onlyRequest().uri()).isEqualTo("/governor/api/projects?page=0&size=50");
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsAUsageError() {
        CliRun fromFlag = CliRun.of("status", "--server", "localhost:9080");
        CliRun fromEnv = CliRun.withEnvironment(Map.of("TOKEN_GOV_URL", "ftp://example.org"), "status");

        assertThat(fromFlag.exitCode()).isEqualTo(2);
        assertThat(fromFlag.err()).startsWith("--server must be an http(s) URL");
        assertThat(fromEnv.exitCode()).isEqualTo(2);
        assertThat(fromEnv.err()).startsWith("TOKEN_GOV_URL must be an http(s) URL");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("8    server unreachable").contains("9    the governor paused the work");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("-V");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("token-gov ");
    }

    @Test
    void aMissingOrUnknownSubcommandIsAUsageError() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("task").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    }
}
