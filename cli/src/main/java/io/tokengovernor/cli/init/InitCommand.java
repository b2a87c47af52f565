package io.tokengovernor.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.core.plan.PlanRole;
import io.tokengovernor.core.plan.PlannedAgent;
import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.plan.RoleEstimates;
import io.tokengovernor.core.plan.WorkflowPlan;
import io.tokengovernor.core.registry.Complexity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init",
        description = {"Phase 0: inspect a project and plan its agents.",
                "--inspect reads project_config.json (its schema: `token-gov init --schema`), or counts the working",
                "tree when there is none, allocates 1 to 5 agents by the seed's criteria and writes workflow_plan.json.",
                "With --project the estimates come from the server's estimator and the plan is stored there,",
                "versioned (GET /api/projects/{id}/plans)."},
        footer = {"", "Examples:", "  token-gov init --inspect", "  token-gov init --inspect project_config.json --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11"})
public class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--inspect", description = "Inspect the project and write its workflow plan.")
    boolean inspect;

    @Option(names = "--schema", description = "Print the JSON Schema of project_config.json and stop.")
    boolean schema;

    @Option(names = "--apply", description = {"The Setup agent: make the GitHub repository match workflow_plan.json",
            "(create or adopt it, commit the PR template and workflow templates, create the branches, protect the",
            "default branch). Needs $GITHUB_TOKEN. Applying again changes nothing."})
    boolean apply;

    @Option(names = "--status", description = "Compare the repository with workflow_plan.json, changing nothing.")
    boolean status;

    @Option(names = "--github-url", paramLabel = "URL", defaultValue = "https://api.github.com",
            description = "GitHub's API, or GitHub Enterprise's (https://HOST/api/v3). Default: ${DEFAULT-VALUE}.")
    String githubUrl;

    @Parameters(arity = "0..1", paramLabel = "CONFIG",
            description = "The project_config.json to read. Default: DIR/project_config.json if it exists.")
    Path configFile;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR", description = "The project's working tree.")
    Path dir;

    @Option(names = "--complexity", defaultValue = "COMPLEX", paramLabel = "LEVEL",
            description = "Task complexity when there is no project_config.json: SIMPLE, COMPLEX (default) or VERY_COMPLEX.")
    Complexity complexity;

    @Option(names = "--project", paramLabel = "ID",
            description = "Store the plan as this project's next version and estimate with its history.")
    String projectId;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the plan. Default: DIR/workflow_plan.json.")
    Path out;

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), root.wantsJson());
        try {
            if (schema) {
                console.printJson(schemaText());
                return ExitCode.OK.code();
            }
            if (apply || status) {
                return new SetupRun(root, console, spec.commandLine().getErr(), githubUrl, projectId,
                        () -> root.connect(spec.commandLine()))
                        .run(out != null ? out : dir.resolve("workflow_plan.json"), apply);
            }
            if (!inspect) {
                spec.commandLine().getErr().println("Say --inspect, --apply, --status or --schema.");
                return ExitCode.USAGE.code();
            }
            return inspect(root, console);
        } catch (InvalidProjectConfig invalid) {
            spec.commandLine().getErr().println(invalid.getMessage());
            return ExitCode.BAD_FILE.code();
        } catch (ServerCallFailed failure) {
            console.report(failure);
            return failure.exitCode().code();
        } finally {
            console.flush();
        }
    }

    private int inspect(TokenGov root, Console console) {
        Path config = configFile != null ? configFile : dir.resolve("project_config.json");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            spec.commandLine().getErr().println("No such file: " + configFile);
            return ExitCode.USAGE.code();
        }
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("No such folder: " + dir);
            return ExitCode.USAGE.code();
        }
        ProjectConfig project = Files.isRegularFile(config) ? ProjectConfigFile.read(config)
                : ProjectConfig.counted(WorkingTree.inspect(dir, complexity));
        GovernorServer server = projectId == null ? null : root.connect(spec.commandLine());
        RoleEstimates estimates = server == null ? RoleEstimates.heuristic() : fromServer(server);
        WorkflowPlan plan = WorkflowPlan.of(project.inspection(), project.defaultBranch(), project.callsPerMinute(),
                estimates);
        PlanDocument document = PlanDocument.of(plan, project.repository(), server == null ? "HEURISTIC" : "SERVER");
        String written = server == null ? document.json()
                : server.post("/api/projects/" + GovernorServer.segment(projectId) + "/plans", document).raw();
        Path target = out != null ? out : dir.resolve("workflow_plan.json");
        write(target, written);
        if (console.wantsJson()) {
            console.printJson(written);
            return ExitCode.OK.code();
        }
        report(console, project, plan, document, target, server == null ? null : PlanDocument.parse(written));
        return ExitCode.OK.code();
    }

    private RoleEstimates fromServer(GovernorServer server) {
        Map<String, Long> known = new HashMap<>();
        return (role, level) -> known.computeIfAbsent(role + "/" + level, key -> server.get("/api/estimate?complexity="
                + level.name() + "&agentType=" + role.agentType() + "&projectId=" + GovernorServer.segment(projectId))
                .json().path("estimate").asLong());
    }

    private void report(Console console, ProjectConfig project, WorkflowPlan plan, PlanDocument document, Path target,
            JsonNode stored) {
        ProjectInspection inspection = project.inspection();
        console.line((inspection.source() == ProjectInspection.Source.PROJECT_CONFIG ? "Read project_config.json: "
                : "No project_config.json: counted the working tree (hidden folders and "
                        + String.join(", ", WorkingTree.SKIPPED.stream().sorted().toList()) + " left out; "
                        + WorkingTree.CALLS_PER_FILE + " API calls assumed per file): ")
                + inspection.fileCount() + " files, " + inspection.apiCalls() + " API calls, "
                + inspection.taskComplexity() + " tasks");
        console.line(plan.allocation().agents() + (plan.allocation().agents() == 1 ? " agent" : " agents") + ": "
                + plan.allocation().reason());
        Table table = Table.withColumns("AGENT", "ROLES", "BRANCH", "TOKENS", "CALLS/MIN", "CONTEXT");
        for (PlannedAgent agent : plan.agents()) {
            table.row(agent.id(), agent.roles().stream().map(PlanRole::name).collect(Collectors.joining(",")),
                    agent.branch(), String.format(Locale.ROOT, "%,d", agent.estimatedTokens()),
                    String.valueOf(agent.callsPerMinute()), String.format(Locale.ROOT, "%,d", agent.contextTokens()));
        }
        console.print(table);
        console.line(String.format(Locale.ROOT, "Estimated %,d tokens, of which Phase 0 (setup and PRs) %,d (%.2f %%);"
                + " estimates from %s.", plan.estimatedTokens(), plan.phase0Tokens(), plan.phase0Share() * 100,
                document.estimateSource().equals("SERVER") ? "the server's estimator" : "the complexity heuristic"));
        console.line("Wrote " + target + (stored == null ? " (not stored: say --project ID to store it)"
                : "; stored as version " + stored.path("version").asInt() + " of project " + projectId));
    }

    private static void write(Path target, String json) {
        try {
            Files.writeString(target, PlanDocument.pretty(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static String schemaText() {
        try (var in = InitCommand.class.getResourceAsStream(ProjectConfigFile.SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
