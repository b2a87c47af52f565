package io.tokengovernor.cli.simulation;

import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.simulation.InvalidPolicy;
import io.tokengovernor.core.simulation.Policy;
import io.tokengovernor.core.simulation.PolicyFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The replay policy as flags, laid over a policy file when one is given. */
public final class PolicyOptions {

    @Option(names = "--ccusage", required = true,
            description = "Replay Claude Code's JSONL logs (CLAUDE_CONFIG_DIR, else ~/.config/claude and ~/.claude).")
    boolean ccusage;

    @Option(names = "--policy", paramLabel = "FILE", description = "A JSON policy file; the flags below override it.")
    Path file;

    @Option(names = "--task-budget", paramLabel = "N",
            description = "Tokens per session (task) over its whole life, like a task budget on the server.")
    Long taskBudget;

    @Option(names = "--project-budget", paramLabel = "N", description = "Tokens per log project folder and window.")
    Long projectBudget;

    @Option(names = "--window", paramLabel = "W",
            description = "NONE, ROLLING_5H, DAILY, WEEKLY or MONTHLY. Default: NONE.")
    String window;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "IANA zone of windows and timeline days. Default: UTC.")
    String timezone;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Default checkpoint threshold (share of a budget). Default: 0.9.")
    Double threshold;

    @Option(names = "--min", paramLabel = "X", description = "Lowest adaptive threshold. Default: 0.5.")
    Double min;

    @Option(names = "--max", paramLabel = "X", description = "Highest adaptive threshold. Default: 0.95.")
    Double max;

    @Option(names = "--safety-factor", paramLabel = "F",
            description = "Resume when the project has remaining estimate × F tokens. Default: 1.2.")
    Double safetyFactor;

    @Option(names = "--checkpoint-grace", paramLabel = "SECONDS",
            description = "Time to save a requested checkpoint before a pause takes effect. Default: 60.")
    Long grace;

    /** @throws InvalidPolicy when the file or the flags make no valid policy */
    Policy policy() {
        Policy base = file != null ? PolicyFile.read(read(file)) : null;
        long task = taskBudget != null ? taskBudget : base != null ? base.taskBudget() : 0;
        long project = projectBudget != null ? projectBudget : base != null ? base.projectBudget() : 0;
        if (task == 0 && project == 0) {
            throw new InvalidPolicy("give --task-budget, --project-budget or a --policy file with a budget");
        }
        Policy policy = base != null ? base : Policy.of(task, project);
        ThresholdSettings thresholds = policy.thresholds();
        try {
            thresholds = new ThresholdSettings(threshold != null ? threshold : thresholds.defaultThreshold(),
                    min != null ? min : thresholds.min(), max != null ? max : thresholds.max());
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicy("--threshold/--min/--max: " + e.getMessage());
        }
        SchedulerRules rules = policy.rules();
        if (safetyFactor != null) {
            try {
                rules = new SchedulerRules(rules.resumesPerMinute(), safetyFactor, rules.agingHoursPerTier(),
                        rules.backfill(), rules.maxProjectShare(), rules.passIntervalSeconds());
            } catch (IllegalArgumentException e) {
                throw new InvalidPolicy("--safety-factor: " + e.getMessage());
            }
        }
        return new Policy(task, project,
                window != null ? PolicyFile.window(window) : policy.window(),
                timezone != null ? PolicyFile.zone(timezone) : policy.zone(),
                thresholds, grace != null ? grace : policy.checkpointGraceSeconds(), rules);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicy("policy file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }
}
