package io.tokengovernor.web.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://tokengovernor.io/problems/";

    @Schema(description = "Stable URI naming the kind of problem", example = TYPE_BASE + "validation")
    public String type;
    @Schema(example = "Validation failed")
    public String title;
    @Schema(example = "400")
    public int status;
    @Schema(description = "What went wrong, for a person")
    public String detail;
    @Schema(description = "The offending fields, for validation problems")
    public List<FieldProblem> errors;

    public Problem() {
    }

    Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
        this.type = TYPE_BASE + type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : errors;
    }

    public static Response response(String type, String title, int status, String detail, List<FieldProblem> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, errors))
                .build();
    }

    /** One field of the request and what is wrong with it. */
    @Schema(name = "FieldProblem")
    public static class FieldProblem {
        @Schema(example = "tokenBudget")
        public String field;
        @Schema(example = "must be greater than or equal to 0")
        public String message;

        public FieldProblem() {
        }

        public FieldProblem(String field, String message) {
            this.field = field;
            this.message = message;
        }
    }
}
