package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegisterProjectTest {

    private static final String PROJECT = """
            {"id":"0b7f5e0e-3c1e-4a53-9d5e-2f1a7c9b8e11","name":"demo","owner":"ana","tier":1,\
            "tokenBudget":100000,"budgetWindow":"DAILY","softLimit":80000,"webhookUrl":null,\
            "usedTokens":0,"reservedTokens":0,"remainingTokens":100000,\
            "createdAt":"2025-01-31T18:00:00Z","updatedAt":"2025-01-31T18:00:00Z"}""";

    private static final String VALIDATION_PROBLEM = """
            {"type":"https://tokengovernor.io/problems/validation","title":"Invalid input","status":400,\
            "detail":"The project registration is invalid.",\
            "errors":[{"field":"tokenBudget","message":"must be >= 0"},{"field":"name","message":"must not be blank"}]}""";

    private final FakeGovernor governor = new FakeGovernor();

    RegisterProjectTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    private CliRun register(String... extra) {
        return CliRun.of(registerArgs(extra));
    }

    private String[] registerArgs(String... extra) {
        String[] base = {"register", "--server", governor.url(), "--name", "demo", "--owner", "ana",
                "--budget", "100000", "--tier", "1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    @Test
    void registeringSendsTheOptionsAsTypedJsonAndPrintsOneLine() throws Exception {
        governor.answer("POST", "/api/projects/register", 201, PROJECT);

        CliRun run = register("--window", "daily", "--soft-limit", "80000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Registered project demo (0b7f5e0e-3c1e-4a53-9d5e-2f1a7c9b8e11) budget 100000 tier 1 window DAILY");
        assertThat(run.err()).isEmpty();
        FakeGovernor.Received request = governor.onlyRequest();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("name").isTextual()).isTrue();
        assertThat(body.get("name").asText()).isEqualTo("demo");
        assertThat(body.get("owner").asText()).isEqualTo("ana");
        assertThat(body.get("tier").isInt()).isTrue();
        assertThat(body.get("tier").asInt()).isEqualTo(1);
        assertThat(body.get("tokenBudget").isIntegralNumber()).isTrue();
        assertThat(body.get("tokenBudget").asLong()).isEqualTo(100000L);
        assertThat(body.get("budgetWindow").asText()).isEqualTo("DAILY");
        assertThat(body.get("softLimit").asLong()).isEqualTo(80000L);
        assertThat(body.has("id")).as("the server generates the id").isFalse();
        assertThat(body.has("webhookUrl")).as("unset options are left out").isFalse();
    }

    @Test
    void aGivenIdIsSent() throws Exception {
        governor.answer("POST", "/api/projects/register", 201, PROJECT);

        register("--id", "0b7f5e0e-3c1e-4a53-9d5e-2f1a7c9b8e11");

        JsonNode body = new ObjectMapper().readTree(governor.onlyRequest().body());
        assertThat(body.get("id").asText()).isEqualTo("0b7f5e0e-3c1e-4a53-9d5e-2f1a7c9b8e11");
    }

    @Test
    void theApiKeyInTheAnswerIsPrintedOnItsOwnLine() {
        governor.answer("POST", "/api/projects/register", 201,
                PROJECT.replace("\"name\":\"demo\"", "\"name\":\"demo\",\"apiKey\":\"tg_secret42\""));

        CliRun run = register();

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("API key: tg_secret42");
    }

    @Test
    void anIdenticalReRegistrationIsReportedAsUnchanged() {
        governor.answer("POST", "/api/projects/register", 200, PROJECT);

        CliRun run = register();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Already registered, unchanged: project demo (");
    }

    @Test
    void withJsonTheServersAnswerIsPrintedExactly() {
        governor.answer("POST", "/api/projects/register", 201, PROJECT);

        CliRun run = register("--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(PROJECT + System.lineSeparator());
    }

    @Test
    void aValidationProblemPrintsTheDetailAndEachFieldErrorAndExits3() {
        governor.answer("POST", "/api/projects/register", 400, VALIDATION_PROBLEM);

        CliRun run = register();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "error: The project registration is invalid.",
                "  tokenBudget: must be >= 0",
                "  name: must not be blank");
    }

    @Test
    void withJsonAProblemIsPrintedToStdoutAsReceived() {
        governor.answer("POST", "/api/projects/register", 422, VALIDATION_PROBLEM);

        CliRun run = register("--json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo(VALIDATION_PROBLEM + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aConflictExits5() {
        governor.answer("POST", "/api/projects/register", 409, """
                {"type":"https://tokengovernor.io/problems/conflict","title":"Conflict","status":409,\
                "detail":"project 0b7f5e0e registered with different content"}""");

        CliRun run = register("--id", "0b7f5e0e");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.errLines()).containsExactly("error: project 0b7f5e0e registered with different content");
    }

    @Test
    void aMissingApiKeyExits6() {
        governor.answer("POST", "/api/projects/register", 401, """
                {"type":"about:blank","title":"Unauthorized","status":401}""");

        CliRun run = register();

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.errLines()).containsExactly("error: Unauthorized");
    }

    @Test
    void aServerErrorWithoutProblemJsonExits7AndNamesTheRequest() {
        governor.answer("POST", "/api/projects/register", 500, "text/html", "<html>Error 500</html>");

        CliRun run = register();

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.errLines()).containsExactly("error: HTTP 500 from POST /api/projects/register");
    }

    @Test
    void aSuccessWithoutJsonExits7() {
        governor.answer("POST", "/api/projects/register", 201, "text/html", "<html>hello</html>");

        CliRun run = register();

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: unexpected answer");
    }

    @Test
    void theApiKeyIsSentAsBearerTokenAndTheOptionBeatsTheEnvironment() {
        governor.answer("POST", "/api/projects/register", 201, PROJECT);
        Map<String, String> environment = Map.of("TOKEN_GOV_API_KEY", "from-env");

        CliRun.withEnvironment(environment, registerArgs());
        CliRun.withEnvironment(environment, registerArgs("--api-key", "from-option"));
        CliRun.of(registerArgs());

        assertThat(governor.received()).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer from-env", "Bearer from-option", null);
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.of("register", "--server", governor.url(), "--name", "demo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("Usage: token-gov register");
        assertThat(governor.received()).isEmpty();
    }

    @Test
    void aBudgetThatIsNotANumberIsAUsageError() {
        CliRun run = CliRun.of("register", "--server", governor.url(), "--name", "demo", "--owner", "ana",
                "--budget", "lots", "--tier", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--budget'");
        assertThat(governor.received()).isEmpty();
    }
}
