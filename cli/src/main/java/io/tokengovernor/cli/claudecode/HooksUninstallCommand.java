package io.tokengovernor.cli.claudecode;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", description = "Remove TokenGovernor's hooks (and only them) from Claude Code's settings.")
public class HooksUninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsScope where;

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        HookOutput output = new HookOutput(spec.commandLine(), root.wantsJson());
        Path file = where.file(root.environment());
        if (!Files.exists(file)) {
            output.uninstalled(file, false);
            return ExitCode.OK.code();
        }
        ClaudeSettings settings;
        try {
            settings = ClaudeSettings.read(file);
        } catch (IllegalArgumentException e) {
            return output.fail(ExitCode.USAGE, e.getMessage());
        }
        boolean changed = settings.uninstall();
        if (changed) {
            settings.write();
        }
        output.uninstalled(file, changed);
        return ExitCode.OK.code();
    }
}
