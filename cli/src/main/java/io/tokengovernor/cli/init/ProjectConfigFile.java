package io.tokengovernor.cli.init;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.plan.WorkflowPlan;
import io.tokengovernor.core.registry.Complexity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code project_config.json}: one JSON object (members named once), valid against the JSON Schema shipped
 * with the CLI ({@code project_config.schema.json}, the one definition of the format). Every problem is reported at
 * once, each with the field it is about.
 */
final class ProjectConfigFile {

    static final String SCHEMA_RESOURCE = "project_config.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Schema SCHEMA = loadSchema();

    private ProjectConfigFile() {
    }

    static ProjectConfig read(Path file) {
        JsonNode document;
        try {
            document = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new InvalidProjectConfig(file, List.of("not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (document == null || document.isMissingNode()) {
            throw new InvalidProjectConfig(file, List.of("empty: it must hold one JSON object"));
        }
        List<Error> errors = SCHEMA.validate(document);
        if (!errors.isEmpty()) {
            throw new InvalidProjectConfig(file, errors.stream().map(ProjectConfigFile::describe).sorted().toList());
        }
        ProjectInspection inspection = new ProjectInspection(document.get("fileCount").asLong(),
                document.get("apiCalls").asLong(), Complexity.valueOf(document.get("taskComplexity").asText()),
                ProjectInspection.Source.PROJECT_CONFIG);
        return new ProjectConfig(inspection, Optional.ofNullable(document.get("repository")).map(JsonNode::asText),
                document.path("defaultBranch").asText(ProjectConfig.DEFAULT_BRANCH),
                document.path("callsPerMinute").asInt(WorkflowPlan.DEFAULT_CALLS_PER_MINUTE));
    }

    /** "fileCount: must have a minimum value of 0"; the location is a JSON pointer, shown as a dotted field path. */
    private static String describe(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String member = error.getProperty();
        if (member != null && "required".equals(error.getKeyword())) {
            return fieldOf(pointer + "/" + member) + ": is required";
        }
        if (member != null && "additionalProperties".equals(error.getKeyword())) {
            return fieldOf(pointer + "/" + member) + ": is not a field of project_config.json (see its schema)";
        }
        return fieldOf(pointer) + ": " + error.getMessage();
    }

    private static String fieldOf(String pointer) {
        return pointer.isEmpty() || pointer.equals("/") ? "the file" : pointer.substring(1).replace('/', '.');
    }

    private static Schema loadSchema() {
        try (InputStream schema = ProjectConfigFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the CLI");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
