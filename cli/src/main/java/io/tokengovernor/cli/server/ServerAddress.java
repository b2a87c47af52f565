package io.tokengovernor.cli.server;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Where the server lives: the --server option, else $TOKEN_GOV_URL, else the local default. */
public record ServerAddress(URI base) {

    public static final String DEFAULT = "http://localhost:9080";

    public static ServerAddress resolve(CommandLine commandLine, String option, String environment) {
        if (option != null) {
            return parse(commandLine, option, "--server");
        }
        if (environment != null && !environment.isBlank()) {
            return parse(commandLine, environment, "TOKEN_GOV_URL");
        }
        return parse(commandLine, DEFAULT, "the default server");
    }

    private static ServerAddress parse(CommandLine commandLine, String value, String source) {
        // A trailing slash would double up with the "/api/..." paths; a context root such as /governor is kept.
        String trimmed = value.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null) {
                return new ServerAddress(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, same as a URI without scheme or host
        }
        throw new ParameterException(commandLine,
                source + " must be an http(s) URL such as " + DEFAULT + ", not '" + value + "'");
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
