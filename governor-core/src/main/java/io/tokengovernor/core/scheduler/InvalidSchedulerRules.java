package io.tokengovernor.core.scheduler;

import java.util.List;

/** Scheduler rules that cannot be used, with every problem found, so that all can be fixed at once. */
public class InvalidSchedulerRules extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public InvalidSchedulerRules(List<RuleProblem> problems) {
        super("invalid scheduler rules: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
