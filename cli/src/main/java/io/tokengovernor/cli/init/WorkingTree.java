package io.tokengovernor.cli.init;

import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The inspection of a project that has no {@code project_config.json}: its files counted in the working tree
 * (hidden folders and build output left out), and two external calls assumed per file — one to read it into a
 * model's context, one to write it back — since nothing else tells how many calls the work will make.
 */
final class WorkingTree {

    /** Folders of build output and tools, never the project's own work. */
    static final Set<String> SKIPPED = Set.of("target", "build", "dist", "out", "node_modules", "__pycache__", "venv");
    static final int CALLS_PER_FILE = 2;

    private WorkingTree() {
    }

    static ProjectInspection inspect(Path root, Complexity complexity) {
        long files = countFiles(root);
        return new ProjectInspection(files, files * CALLS_PER_FILE, complexity,
                ProjectInspection.Source.WORKING_TREE);
    }

    static long countFiles(Path root) {
        long[] count = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the files of " + root, e);
        }
        return count[0];
    }
}
