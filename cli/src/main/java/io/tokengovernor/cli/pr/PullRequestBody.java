package io.tokengovernor.cli.pr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PR template filled in: {@code {{summary}}}, {@code {{task}}}, {@code {{planVersion}}}, {@code {{roles}}} and
 * {@code {{tokens}}} are replaced; anything else in the template stays as the repository has it.
 */
public record PullRequestBody(String title, String task, String planVersion, String roles, String tokens) {

    /** The body for these files. */
    public String fill(String template, List<ChangedFile> files) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("summary", summary(files));
        values.put("task", task);
        values.put("planVersion", planVersion);
        values.put("roles", roles);
        values.put("tokens", tokens);
        String body = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            body = body.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return body;
    }

    private String summary(List<ChangedFile> files) {
        StringBuilder summary = new StringBuilder(title).append("\n\n");
        summary.append(String.format(Locale.ROOT, "%d file(s), committed by `token-gov commit --pr`:", files.size()));
        files.forEach(file -> summary.append("\n- `").append(file.path()).append('`'));
        return summary.toString();
    }

    /** {@code 12,345 tokens} in the body's words. */
    public static String tokens(long tokens, String taskId) {
        return String.format(Locale.ROOT, "%,d tokens (task %s and its subtasks, as the governor counted them when this"
                + " PR was opened)", tokens, taskId);
    }
}
