package io.tokengovernor.core.simulation;

import java.util.List;

/** A replay policy that cannot be used, with every problem found so that all can be fixed at once. */
public class InvalidPolicy extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidPolicy(String problem) {
        this(List.of(problem));
    }

    public InvalidPolicy(List<String> problems) {
        super("invalid policy: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
