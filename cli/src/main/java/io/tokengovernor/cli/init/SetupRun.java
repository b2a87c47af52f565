package io.tokengovernor.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.setup.GovernedCalls;
import io.tokengovernor.cli.setup.PlanFile;
import io.tokengovernor.cli.setup.Phase0Tasks;
import io.tokengovernor.core.plan.Phase0Overhead;
import io.tokengovernor.cli.setup.SetupAgent;
import io.tokengovernor.cli.setup.SetupPlan;
import io.tokengovernor.cli.setup.SetupStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/** {@code init --apply} and {@code init --status}: the Setup agent against GitHub, and what it reports. */
final class SetupRun {

    static final String TOKEN_ENV = "GITHUB_TOKEN";

    private final TokenGov root;
    private final Console console;
    private final PrintWriter err;
    private final String githubUrl;
    private final String projectId;
    private final java.util.function.Supplier<GovernorServer> server;

    SetupRun(TokenGov root, Console console, PrintWriter err, String githubUrl, String projectId,
            java.util.function.Supplier<GovernorServer> server) {
        this.root = root;
        this.console = console;
        this.err = err;
        this.githubUrl = githubUrl;
        this.projectId = projectId;
        this.server = server;
    }

    int run(Path planFile, boolean change) {
        String token = root.environment().get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            err.println("Set " + TOKEN_ENV + " to a GitHub token that may create repositories and protect branches.");
            return ExitCode.USAGE.code();
        }
        SetupPlan plan;
        try {
            plan = PlanFile.read(planFile);
        } catch (IllegalArgumentException unusable) {
            err.println(unusable.getMessage());
            return ExitCode.USAGE.code();
        }
        GovernedCalls calls = new GovernedCalls(plan.callsPerMinute());
        // applying is a governed task of the project's setup agent; looking (--status) is not work
        String task = projectId != null && change ? Phase0Tasks.start(server.get(), projectId, "setup",
                "Setup agent: token-gov init --apply " + plan.fullName()) : null;
        List<SetupStep> steps;
        try {
            GitHub github = new GitHubBuilder().withEndpoint(githubUrl).withOAuthToken(token).build();
            SetupAgent agent = new SetupAgent(github, calls);
            steps = change ? agent.apply(plan) : agent.check(plan);
        } catch (IOException e) {
            int exit = io.tokengovernor.cli.setup.GitHubFailure.report(e, githubUrl, err);
            if (task != null) {
                Phase0Tasks.finish(server.get(), task, false, "GitHub: " + e.getMessage());
            }
            return exit;
        }
        if (task != null) {
            Phase0Tasks.finish(server.get(), task, true, calls.calls() + " GitHub calls");
        }
        JsonNode project = projectId == null ? null
                : server.get().get("/api/projects/" + GovernorServer.segment(projectId)).json();
        Phase0Overhead overhead = projectId == null ? null : Phase0Tasks.overhead(server.get(), projectId);
        report(plan, steps, calls, change, project, overhead);
        return ExitCode.OK.code();
    }

    private void report(SetupPlan plan, List<SetupStep> steps, GovernedCalls calls, boolean change, JsonNode project,
            Phase0Overhead overhead) {
        long changes = steps.stream().filter(step -> step.outcome().isChange()).count();
        long matched = steps.stream().filter(step -> step.outcome().matched()).count();
        if (console.wantsJson()) {
            ObjectNode json = PlanDocument.parse("{}").deepCopy();
            json.put("repository", plan.fullName()).put("applied", change).put("changes", changes)
                    .put("matching", matched).put("steps", steps.size()).put("githubCalls", calls.calls())
                    .put("retries", calls.retried());
            ArrayNode list = json.putArray("items");
            steps.forEach(step -> list.addObject().put("what", step.what()).put("outcome", step.outcome().name()));
            if (project != null) {
                json.put("projectId", projectId).put("usedTokens", project.path("usedTokens").asLong());
                json.putObject("phase0").put("tokens", overhead.phase0Tokens()).put("workTokens", overhead.workTokens())
                        .put("share", Double.isInfinite(overhead.share()) ? null : overhead.share())
                        .put("target", Phase0Overhead.TARGET).put("withinTarget", overhead.withinTarget());
            }
            console.printJson(json.toString());
            return;
        }
        steps.forEach(step -> console.line(step.line()));
        if (change) {
            console.line(changes == 0 ? "Nothing changed: " + plan.fullName() + " already matches the plan."
                    : changes + " change(s) made to " + plan.fullName() + ".");
        } else {
            console.line(matched + " of " + steps.size() + " as the plan wants"
                    + (matched == steps.size() ? "." : ": token-gov init --apply makes the rest."));
        }
        console.line(calls.calls() + " GitHub call(s), " + calls.retried() + " retried, at most "
                + plan.callsPerMinute() + " a minute.");
        if (project != null) {
            console.line("Tokens spent by project " + projectId + " so far: " + project.path("usedTokens").asLong());
            console.line(String.format(java.util.Locale.ROOT, "Phase 0 overhead: %,d tokens of the setup and PR agents"
                    + " against %,d of the project's work: %s (%s the %.0f %% target).", overhead.phase0Tokens(),
                    overhead.workTokens(), overhead.shareText(), overhead.withinTarget() ? "within" : "OVER",
                    Phase0Overhead.TARGET * 100));
        }
    }
}
