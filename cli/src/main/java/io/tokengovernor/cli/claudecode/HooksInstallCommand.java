package io.tokengovernor.cli.claudecode;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerProblem;
import io.tokengovernor.cli.server.ServerCallFailed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "install",
        description = {"Merge TokenGovernor's hooks into Claude Code's settings, beside the hooks already there.",
                "Running it again changes nothing. The API key is not written: Claude Code sends $TOKEN_GOV_API_KEY",
                "(export it in the shell that runs Claude Code)."},
        footer = {"", "Example:", "  token-gov hooks install --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11"})
public class HooksInstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsScope where;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project the sessions work for.")
    String projectId;

    @Option(names = "--task-budget", paramLabel = "TOKENS",
            description = "Budget of each session's task; default: the project's budget.")
    Long taskBudget;

    @Option(names = "--fail-closed",
            description = "Refuse prompts and tools when the server cannot be reached (default: fail open).")
    boolean failClosed;

    @Option(names = "--command", paramLabel = "PATH",
            description = "How Claude Code runs token-gov for the relay hooks (default: token-gov if it is on the "
                    + "PATH, else this launcher's path).")
    String launcher;

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        HookOutput output = new HookOutput(spec.commandLine(), root.wantsJson());
        if (!projectId.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return output.fail(ExitCode.USAGE, "--project must be a project's UUID, not '" + projectId + "'");
        }
        if (taskBudget != null && taskBudget < 1) {
            return output.fail(ExitCode.USAGE, "--task-budget must be a positive number of tokens");
        }
        GovernorServer server = root.connect(spec.commandLine());
        String serverNote = checkProject(server);
        if (serverNote == null) {
            return output.fail(ExitCode.NOT_FOUND, "the server knows no project " + projectId + "; nothing was written");
        }
        Path file = where.file(root.environment());
        ClaudeSettings settings;
        try {
            settings = ClaudeSettings.read(file);
        } catch (IllegalArgumentException e) {
            return output.fail(ExitCode.USAGE, e.getMessage());
        }
        GovernorHooks hooks = new GovernorHooks(server.base(), projectId.toLowerCase(java.util.Locale.ROOT),
                taskBudget, failClosed, launcher != null ? launcher : defaultLauncher(root.environment()));
        boolean changed = settings.install(hooks);
        if (changed) {
            settings.write();
        }
        boolean keyMissing = root.environment().getOrDefault(GovernorHooks.API_KEY_ENV, "").isBlank();
        output.installed(file, changed, settings.ours().size(), serverNote,
                keyMissing ? "Export " + GovernorHooks.API_KEY_ENV + " (the project's key) in the shell that runs Claude "
                        + "Code; the hooks send it." : null);
        return ExitCode.OK.code();
    }

    /** "ok" when the project exists, a warning when the server cannot be asked, null when it has no such project. */
    private String checkProject(GovernorServer server) {
        try {
            server.get("/api/projects/" + GovernorServer.segment(projectId));
            return "the server knows the project";
        } catch (ServerProblem problem) {
            return problem.status() == 404 ? null : "the server answered " + problem.status() + "; installed anyway";
        } catch (ServerCallFailed failed) {
            return "the server did not answer (" + failed.getMessage() + "); installed anyway";
        }
    }

    static String defaultLauncher(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, "token-gov"))) {
                return "token-gov";
            }
        }
        String own = System.getProperty("token-gov.launcher");
        return own != null && !own.isBlank() ? own : "token-gov";
    }
}
