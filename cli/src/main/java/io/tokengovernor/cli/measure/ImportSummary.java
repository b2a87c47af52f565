package io.tokengovernor.cli.measure;

/** What an import did. */
final class ImportSummary {

    int files;
    int skippedLines;
    int events;
    int accepted;
    int duplicates;
    int tasksRegistered;

    String toJson() {
        return "{\"files\":" + files + ",\"events\":" + events + ",\"accepted\":" + accepted + ",\"duplicates\":"
                + duplicates + ",\"tasksRegistered\":" + tasksRegistered + ",\"skippedLines\":" + skippedLines + "}";
    }

    String describe(String project) {
        return "Imported " + accepted + " new usage events into " + project + " (" + duplicates
                + " already recorded) from " + files + " log files; " + tasksRegistered + " tasks registered"
                + (skippedLines > 0 ? "; " + skippedLines + " lines skipped as malformed" : "") + ".";
    }
}
