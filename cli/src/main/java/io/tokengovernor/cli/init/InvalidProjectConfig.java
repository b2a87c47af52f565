package io.tokengovernor.cli.init;

import java.nio.file.Path;
import java.util.List;

/** A {@code project_config.json} that is not JSON or does not follow its schema: every problem, each with its field. */
final class InvalidProjectConfig extends RuntimeException {

    private final List<String> problems;

    InvalidProjectConfig(Path file, List<String> problems) {
        super(file + " is not a valid project_config.json:" + String.join("", problems.stream()
                .map(problem -> System.lineSeparator() + "  " + problem).toList()));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
