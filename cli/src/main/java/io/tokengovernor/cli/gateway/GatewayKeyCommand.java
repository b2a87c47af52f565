package io.tokengovernor.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The upstream key the gateway holds for a project. The key is read from an environment variable or from standard
 * input, never from the command line, where it would stay in the shell's history and the process list.
 */
@Command(name = "gateway-key", description = {"Store or delete the upstream API key the gateway uses for a project's "
        + "calls (encrypted at rest, never shown again).",
        "set reads the key from $TOKEN_GOV_UPSTREAM_KEY (or the variable --key-env names), or from standard input "
                + "with --key-stdin."},
        subcommands = {GatewayKeyCommand.Set.class, GatewayKeyCommand.Delete.class, GatewayKeyCommand.Status.class})
public class GatewayKeyCommand {

    static final String DEFAULT_KEY_ENV = "TOKEN_GOV_UPSTREAM_KEY";

    abstract static class OfProject extends ServerCommand {
        @Option(names = "--project", required = true, paramLabel = "ID")
        String projectId;

        String path() {
            return "/api/projects/" + GovernorServer.segment(projectId) + "/gateway-key";
        }

        void show(ServerAnswer answer, Console console) {
            if (console.wantsJson()) {
                console.printJson(answer.raw());
                return;
            }
            Table table = Table.withColumns("PROVIDER", "STORED AT");
            for (Iterator<Map.Entry<String, JsonNode>> held = answer.json().path("held").fields(); held.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = held.next();
                table.row(entry.getKey(), entry.getValue().asText());
            }
            if (table.isEmpty()) {
                console.line("The gateway holds no upstream key for project " + projectId + ".");
            } else {
                console.print(table);
            }
        }
    }

    @Command(name = "set", description = "Store (or replace) the project's upstream key of a provider.")
    static class Set extends OfProject {
        @Option(names = "--provider", defaultValue = "anthropic", description = "anthropic (default) or openai")
        String provider;
        @Option(names = "--key-env", paramLabel = "VAR", defaultValue = DEFAULT_KEY_ENV,
                description = "Environment variable holding the key (default ${DEFAULT-VALUE}).")
        String keyEnv;
        @Option(names = "--key-stdin", description = "Read the key from the first line of standard input.")
        boolean keyStdin;

        @Override
        protected void run(GovernorServer server, Console console) {
            String key = keyStdin ? firstLineOfStdin()
                    : ((io.tokengovernor.cli.TokenGov) spec.root().userObject()).environment().get(keyEnv);
            if (key == null || key.isBlank()) {
                throw new ParameterException(spec.commandLine(), keyStdin ? "standard input held no key"
                        : "$" + keyEnv + " is not set: put the key there, or pass it on standard input with --key-stdin");
            }
            show(server.put(path(), Map.of("provider", provider, "key", key.strip())), console);
        }

        private static String firstLineOfStdin() {
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "delete", description = "Delete the project's upstream key (of one provider, or both).")
    static class Delete extends OfProject {
        @Option(names = "--provider", description = "anthropic or openai (default: both)")
        String provider;

        @Override
        protected void run(GovernorServer server, Console console) {
            show(server.delete(path() + (provider == null ? "" : "?provider=" + GovernorServer.segment(provider))),
                    console);
        }
    }

    @Command(name = "status", description = "Which providers the gateway holds a key for (never the keys).")
    static class Status extends OfProject {
        @Override
        protected void run(GovernorServer server, Console console) {
            show(server.get(path()), console);
        }
    }
}
