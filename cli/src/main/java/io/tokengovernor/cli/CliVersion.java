package io.tokengovernor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar, so {@code -V} never disagrees with the build. */
public final class CliVersion implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.tokengovernor/cli/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"token-gov " + current(), "Java " + System.getProperty("java.version")};
    }

    static String current() {
        try (InputStream in = CliVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "development build"; // running from target/classes, e.g. in tests
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
