package io.tokengovernor.faces.scheduler;

import io.tokengovernor.scheduler.boundary.ManualResume.Outcome;

/** The sentence a manual resume's outcome becomes on the page: the task, and why it did not resume. */
public final class ResumeReport {

    private static final int SHORT_ID = 8;

    private ResumeReport() {
    }

    public static String sentence(Outcome outcome) {
        String task = "Task " + shortId(outcome.taskId());
        return outcome.resumed() ? task + " " + outcome.reason() : task + " not resumed: " + outcome.reason();
    }

    /** The first characters tell tasks apart, as in the tables. */
    static String shortId(String id) {
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID) + "…";
    }
}
