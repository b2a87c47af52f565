package io.tokengovernor.cli;

import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that makes one conversation with the server.
 * Turning failures into a message and an exit code happens here once, so every subcommand
 * reports errors the same way.
 */
public abstract class ServerCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), root.wantsJson());
        try {
            run(root.connect(spec.commandLine()), console);
            return ExitCode.OK.code();
        } catch (ServerCallFailed failure) {
            console.report(failure);
            return failure.exitCode().code();
        } finally {
            console.flush();
        }
    }

    protected abstract void run(GovernorServer server, Console console);
}
