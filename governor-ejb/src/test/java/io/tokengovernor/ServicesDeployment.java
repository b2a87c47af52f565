package io.tokengovernor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every integration test deploys: the services with their entities, persistence unit
 * and migrations, governor-core, and the runtime libraries the EAR carries (Flyway, …). The tests
 * ride along in the same packages, with AssertJ for their assertions.
 */
public final class ServicesDeployment {

    private ServicesDeployment() {
    }

    public static WebArchive create() {
        WebArchive archive = ShrinkWrap.create(WebArchive.class, "governor-it.war")
                .addPackages(true, "io.tokengovernor")
                .addAsResource("META-INF/persistence.xml")
                .addAsLibraries(jarsIn(buildPath("it.libs")))
                .addAsLibrary(jarOf(Assertions.class));
        addResourceTree(archive, buildPath("it.classes"), "db");
        return archive;
    }

    /** A directory of the build, passed in by failsafe (see governor-ejb/pom.xml). */
    private static Path buildPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the ITs through"
                    + " 'mvn verify' (failsafe sets it)");
        }
        return Path.of(value);
    }

    private static File[] jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).map(Path::toFile).toArray(File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the libraries in " + folder, e);
        }
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
        }
    }

    /**
     * Adds a resource folder file by file, the empty {@code flyway.location} markers included:
     * Liberty lists a class-path folder to Flyway only when it holds a file.
     */
    private static void addResourceTree(WebArchive archive, Path root, String folder) {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            files.filter(Files::isRegularFile).forEach(file -> archive.addAsResource(file.toFile(),
                    root.relativize(file).toString().replace(File.separatorChar, '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the resources under " + root.resolve(folder), e);
        }
    }
}
