package io.tokengovernor.cli;

import io.tokengovernor.cli.inspector.ConfigCommand;
import io.tokengovernor.cli.inspector.ErrorsCommand;
import io.tokengovernor.cli.measure.MeasureCommand;
import io.tokengovernor.cli.project.RegisterProjectCommand;
import io.tokengovernor.cli.scheduler.EstimateCommand;
import io.tokengovernor.cli.scheduler.SchedulerCommand;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAddress;
import io.tokengovernor.cli.simulation.OptimizeCommand;
import io.tokengovernor.cli.simulation.SimulateCommand;
import io.tokengovernor.cli.status.StatusCommand;
import io.tokengovernor.cli.task.TaskCommand;
import io.tokengovernor.cli.workpackage.PackageCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code token-gov} command: a REST client of the TokenGovernor server.
 * Its options are inherited, so they may stand before or after any subcommand.
 * A new subcommand is one small class listed in {@code subcommands}.
 */
@Command(name = "token-gov",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "Talks to a TokenGovernor server: register projects, tasks and packages, show their status.",
        subcommands = {RegisterProjectCommand.class, TaskCommand.class, PackageCommand.class, StatusCommand.class,
                ConfigCommand.class, ErrorsCommand.class, MeasureCommand.class, EstimateCommand.class,
                SchedulerCommand.class, io.tokengovernor.cli.usage.UsageCommand.class, SimulateCommand.class,
                OptimizeCommand.class, io.tokengovernor.cli.claudecode.HooksCommand.class,
                io.tokengovernor.cli.claudecode.RunCommand.class, io.tokengovernor.cli.init.InitCommand.class,
                io.tokengovernor.cli.pr.CommitCommand.class,
                io.tokengovernor.cli.gateway.GatewayKeyCommand.class})
public class TokenGov {

    static final String SERVER_ENV = "TOKEN_GOV_URL";
    static final String API_KEY_ENV = "TOKEN_GOV_API_KEY";

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Server base URL. Default: $" + SERVER_ENV + ",%nelse " + ServerAddress.DEFAULT + ".")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", scope = ScopeType.INHERIT,
            description = "Sent as 'Authorization: Bearer KEY'. Default: $" + API_KEY_ENV + ".")
    String apiKey;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the server's JSON answer as received (errors too), for scripts.")
    boolean json;

    // Injected rather than read through System.getenv so tests can prove option-over-environment precedence.
    private final Map<String, String> environment;

    public TokenGov() {
        this(System.getenv());
    }

    public TokenGov(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment the command runs in (injected by tests). */
    public Map<String, String> environment() {
        return environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new TokenGov()).execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests so both run the same thing. */
    public static CommandLine commandLine(TokenGov command) {
        CommandLine commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // Claude Code's project folders start with '-' (-home-dev-app): --project=-home-dev-app is a value
                .setAllowOptionsAsOptionParameters(true)
                .setUsageHelpAutoWidth(true);
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList())
                .footerHeading("%nEnvironment:%n")
                .footer("  " + SERVER_ENV + "      server base URL (overridden by --server)",
                        "  " + API_KEY_ENV + "  API key (overridden by --api-key)");
        return commandLine;
    }

    public static CommandLine commandLine(TokenGov command, PrintWriter out, PrintWriter err) {
        return commandLine(command).setOut(out).setErr(err);
    }

    public boolean wantsJson() {
        return json;
    }

    /** The API key in force: --api-key, else $TOKEN_GOV_API_KEY. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey).or(() -> Optional.ofNullable(environment.get(API_KEY_ENV)))
                .filter(key -> !key.isBlank());
    }

    /** The server to talk to; a bad address is a usage error of {@code command}, the subcommand being run. */
    public GovernorServer connect(CommandLine command) {
        ServerAddress address = ServerAddress.resolve(command, server, environment.get(SERVER_ENV));
        String key = Optional.ofNullable(apiKey).orElse(environment.get(API_KEY_ENV));
        return new GovernorServer(address, Optional.ofNullable(key).filter(k -> !k.isBlank()), CliVersion.current());
    }
}
