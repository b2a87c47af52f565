package io.tokengovernor.cli.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GovernorHooks HOOKS = new GovernorHooks("http://localhost:9080",
            "3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11", null, false, "token-gov");
    private static final List<String> EVENTS = List.of("PreToolUse", "PostToolUse", "Stop", "SessionStart",
            "UserPromptSubmit", "Notification", "SubagentStop", "SessionEnd", "PreCompact");

    @TempDir
    Path dir;

    @Test
    void installing_keeps_every_foreign_hook_and_setting_installing_again_changes_nothing_and_uninstalling_restores_the_file()
            throws Exception {
        Random random = new Random(20261204);
        for (int round = 0; round < 200; round++) {
            ObjectNode original = foreignSettings(random);
            Path file = dir.resolve("settings-" + round + ".json");
            Files.writeString(file, original.toPrettyString());

            ClaudeSettings settings = ClaudeSettings.read(file);
            assertThat(settings.install(HOOKS)).isTrue();
            settings.write();
            JsonNode installed = JSON.readTree(file.toFile());
            assertThat(withoutOurs(installed)).as("round %d: foreign content untouched", round)
                    .isEqualTo(withoutEmpty(original));
            assertThat(ClaudeSettings.read(file).ours()).hasSize(GovernorHooks.EVENTS.size());

            ClaudeSettings again = ClaudeSettings.read(file);
            assertThat(again.install(HOOKS)).as("round %d: a second install changes nothing", round).isFalse();
            assertThat(again.text()).isEqualTo(Files.readString(file));

            ClaudeSettings removing = ClaudeSettings.read(file);
            assertThat(removing.uninstall()).isTrue();
            removing.write();
            assertThat(JSON.readTree(file.toFile())).as("round %d: uninstall removes exactly ours", round)
                    .isEqualTo(original);
        }
    }

    @Test
    void an_install_for_another_project_replaces_ours_instead_of_adding_a_second_set() throws Exception {
        Path file = dir.resolve("settings.json");
        ClaudeSettings settings = ClaudeSettings.read(file);
        settings.install(HOOKS);
        settings.write();
        ClaudeSettings moved = ClaudeSettings.read(file);
        assertThat(moved.install(new GovernorHooks("http://governor:9080", "5d6e7f80-1111-4222-8333-944455556666",
                50_000L, true, "/opt/token-gov/token-gov"))).isTrue();
        assertThat(moved.ours()).hasSize(GovernorHooks.EVENTS.size())
                .allSatisfy(hook -> assertThat(hook.getValue().toString()).contains("5d6e7f80-1111-4222-8333-944455556666")
                        .doesNotContain("3f2b8c1e"));
        assertThat(moved.ours()).filteredOn(hook -> "http".equals(hook.getValue().path("type").asText()))
                .allSatisfy(hook -> assertThat(hook.getValue().path("onFailure").asText()).isEqualTo("block"));
    }

    @Test
    void the_api_key_is_never_written_only_the_environment_variable_that_holds_it() {
        ObjectNode http = HOOKS.hookFor("PreToolUse");
        assertThat(http.path("headers").path("Authorization").asText()).isEqualTo("Bearer $TOKEN_GOV_API_KEY");
        assertThat(http.path("allowedEnvVars").get(0).asText()).isEqualTo("TOKEN_GOV_API_KEY");
        assertThat(HOOKS.hookFor("Stop").path("command").asText()).doesNotContain("--api-key");
    }

    @Test
    void a_file_that_is_not_a_json_object_is_refused_and_left_as_it_is() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"hooks\": [");
        assertThatThrownBy(() -> ClaudeSettings.read(broken)).hasMessageContaining("not valid JSON")
                .hasMessageContaining("nothing was changed");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[]");
        assertThatThrownBy(() -> ClaudeSettings.read(array)).hasMessageContaining("not a JSON object");
        Path badHooks = dir.resolve("bad-hooks.json");
        Files.writeString(badHooks, "{\"hooks\": 3}");
        assertThatThrownBy(() -> ClaudeSettings.read(badHooks)).hasMessageContaining("\"hooks\" is not an object");
        assertThat(Files.readString(broken)).isEqualTo("{\"hooks\": [");
    }

    /** Settings as users and tools (Claude-Flow) write them: other keys, other hooks, commands and http alike. */
    private static ObjectNode foreignSettings(Random random) {
        ObjectNode settings = JSON.createObjectNode();
        if (random.nextBoolean()) {
            settings.putObject("permissions").putArray("allow").add("Bash(npm test:*)");
        }
        if (random.nextBoolean()) {
            settings.put("model", "sonnet");
        }
        if (random.nextInt(4) == 0) {
            return settings;
        }
        ObjectNode hooks = settings.putObject("hooks");
        for (String event : EVENTS) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            ArrayNode groups = hooks.putArray(event);
            int count = 1 + random.nextInt(3);
            for (int g = 0; g < count; g++) {
                ObjectNode group = groups.addObject();
                if (random.nextBoolean()) {
                    group.put("matcher", random.nextBoolean() ? "Bash" : "Write|Edit");
                }
                ArrayNode list = group.putArray("hooks");
                int hookCount = 1 + random.nextInt(2);
                for (int h = 0; h < hookCount; h++) {
                    if (random.nextBoolean()) {
                        list.addObject().put("type", "command")
                                .put("command", "npx claude-flow@alpha hooks pre-command --id " + random.nextInt(1000));
                    } else {
                        list.addObject().put("type", "http").put("url", "http://localhost:7000/audit/" + g)
                                .put("timeout", 3);
                    }
                }
            }
        }
        return settings;
    }

    private static JsonNode withoutOurs(JsonNode settings) {
        ObjectNode copy = settings.deepCopy();
        JsonNode hooks = copy.path("hooks");
        hooks.fields().forEachRemaining(event -> {
            ArrayNode groups = (ArrayNode) event.getValue();
            for (int g = groups.size() - 1; g >= 0; g--) {
                ArrayNode list = (ArrayNode) groups.get(g).path("hooks");
                for (int h = list.size() - 1; h >= 0; h--) {
                    if (GovernorHooks.ours(list.get(h))) {
                        list.remove(h);
                    }
                }
                if (list.isEmpty()) {
                    groups.remove(g);
                }
            }
        });
        return withoutEmpty(copy);
    }

    private static JsonNode withoutEmpty(JsonNode settings) {
        ObjectNode copy = settings.deepCopy();
        if (copy.get("hooks") instanceof ObjectNode hooks) {
            List<String> empty = new java.util.ArrayList<>();
            hooks.fields().forEachRemaining(event -> {
                if (event.getValue().isEmpty()) {
                    empty.add(event.getKey());
                }
            });
            hooks.remove(empty);
            if (hooks.isEmpty()) {
                copy.remove("hooks");
            }
        }
        return copy;
    }
}
