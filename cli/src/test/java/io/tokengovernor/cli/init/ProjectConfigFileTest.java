package io.tokengovernor.cli.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_complete_config() throws IOException {
        ProjectConfig config = ProjectConfigFile.read(write("""
                {"name":"demo","fileCount":12,"apiCalls":30,"taskComplexity":"VERY_COMPLEX",
                 "repository":"octocat/demo","defaultBranch":"trunk","callsPerMinute":7}"""));

        assertThat(config.inspection()).isEqualTo(new ProjectInspection(12, 30, Complexity.VERY_COMPLEX,
                ProjectInspection.Source.PROJECT_CONFIG));
        assertThat(config.repository()).contains("octocat/demo");
        assertThat(config.defaultBranch()).isEqualTo("trunk");
        assertThat(config.callsPerMinute()).isEqualTo(7);
    }

    @Test
    void fills_in_the_defaults() {
        ProjectConfig config = ProjectConfigFile.read(write("{\"fileCount\":0,\"apiCalls\":0,\"taskComplexity\":\"SIMPLE\"}"));

        assertThat(config.repository()).isEmpty();
        assertThat(config.defaultBranch()).isEqualTo("main");
        assertThat(config.callsPerMinute()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"}|fileCount:",
            "{\"fileCount\":-1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"}|fileCount:",
            "{\"fileCount\":\"12\",\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"}|fileCount:",
            "{\"fileCount\":1.5,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"}|fileCount:",
            "{\"fileCount\":1,\"apiCalls\":1e12,\"taskComplexity\":\"SIMPLE\"}|apiCalls:",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"simple\"}|taskComplexity:",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\",\"filecount\":3}|filecount",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\",\"repository\":\"nope\"}|repository:",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\",\"callsPerMinute\":0}|callsPerMinute:",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\",\"defaultBranch\":\"a b\"}|defaultBranch:",
            "[1,2]|the file",
            "{\"fileCount\":1,\"fileCount\":2,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"}|Duplicate field",
            "{\"fileCount\":1,\"apiCalls\":1,\"taskComplexity\":\"SIMPLE\"} {}|not JSON",
            "{\"fileCount\":1,|not JSON"})
    void names_the_field_of_every_problem(String content, String named) {
        Path file = write(content);

        assertThatThrownBy(() -> ProjectConfigFile.read(file)).isInstanceOf(InvalidProjectConfig.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(named);
    }

    @Test
    void reports_every_problem_at_once() {
        Path file = write("{\"fileCount\":-1,\"apiCalls\":\"x\",\"taskComplexity\":\"HUGE\"}");

        assertThatThrownBy(() -> ProjectConfigFile.read(file)).isInstanceOfSatisfying(InvalidProjectConfig.class,
                invalid -> assertThat(invalid.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("fileCount"))
                        .anySatisfy(p -> assertThat(p).startsWith("apiCalls"))
                        .anySatisfy(p -> assertThat(p).startsWith("taskComplexity")));
    }

    @Test
    void an_empty_file_is_refused() {
        Path file = write("");

        assertThatThrownBy(() -> ProjectConfigFile.read(file)).isInstanceOf(InvalidProjectConfig.class)
                .hasMessageContaining("empty");
    }

    private Path write(String content) {
        try {
            return Files.writeString(dir.resolve("project_config.json"), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
