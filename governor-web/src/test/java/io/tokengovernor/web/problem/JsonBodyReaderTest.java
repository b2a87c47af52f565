package io.tokengovernor.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.core.json.MalformedJson;
import io.tokengovernor.web.projects.ProjectRequest;
import io.tokengovernor.web.usage.UsageBatchRequest;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

    private static final Annotation[] NONE = new Annotation[0];
    private static final MediaType MERGE_PATCH = new MediaType("application", "merge-patch+json");

    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void it_reads_request_classes_sent_as_json_or_a_json_suffix() {
        assertThat(reader.isReadable(ProjectRequest.class, ProjectRequest.class, NONE,
                MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(reader.isReadable(ProjectRequest.class, ProjectRequest.class, NONE, MERGE_PATCH)).isTrue();
    }

    @Test
    void it_leaves_text_bytes_streams_json_p_values_and_other_media_types_alone() {
        assertThat(reader.isReadable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(reader.isReadable(byte[].class, byte[].class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(reader.isReadable(InputStream.class, InputStream.class, NONE, MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
        assertThat(reader.isReadable(JsonObject.class, JsonObject.class, NONE, MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
        assertThat(reader.isReadable(ProjectRequest.class, ProjectRequest.class, NONE,
                MediaType.TEXT_PLAIN_TYPE)).isFalse();
    }

    @Test
    void a_valid_body_becomes_its_request_class_with_nested_lists() throws Exception {
        Object read = read(UsageBatchRequest.class, """
                {"events":[{"eventId":"e1","taskId":"3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11",\
                "timestamp":"2026-11-29T10:00:00Z","inputTokens":12,"outputTokens":3}],"later":{"x":[1]}}""");

        assertThat(read).isInstanceOfSatisfying(UsageBatchRequest.class,
                batch -> assertThat(batch.events).singleElement()
                        .satisfies(event -> assertThat(event.inputTokens).isEqualTo(12L)));
    }

    @Test
    void the_body_that_hung_the_server_is_refused_at_once_naming_where() {
        assertThatThrownBy(() -> read(ProjectRequest.class, "{\"a\":{\"b\":1"))
                .isInstanceOfSatisfying(MalformedJson.class, refused -> {
                    assertThat(refused.field()).contains("a.b");
                    assertThat(refused.reason()).startsWith("Unexpected end-of-input");
                });
    }

    @Test
    void a_number_that_does_not_fit_is_refused_rather_than_wrapped() {
        assertThatThrownBy(() -> read(ProjectRequest.class, """
                {"name":"x","owner":"o","tier":1,"tokenBudget":18446744073709551621}"""))
                .isInstanceOfSatisfying(MalformedJson.class,
                        refused -> assertThat(refused.field()).contains("tokenBudget"));
    }

    private Object read(Class<?> type, String body) throws Exception {
        @SuppressWarnings("unchecked")
        Class<Object> target = (Class<Object>) type;
        return reader.readFrom(target, type, NONE, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
