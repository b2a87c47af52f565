package io.tokengovernor.cli.pr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which files of the working tree a PR carries. Named paths (files, or folders for the files in them) are taken as
 * they are; without paths, every file of the working tree. Either way a file is a change only when its Git blob id
 * differs from the default branch's tree (or the branch lacks it), so an unchanged file never makes a commit. Hidden
 * folders other than {@code .github} and folders of build output are not the project's work and are left out of the
 * walk; nothing is ever deleted (a file missing here may simply not be checked out).
 */
public final class LocalChanges {

    /** Folders of build output and tools, never the project's own work. */
    static final Set<String> SKIPPED = Set.of("target", "build", "dist", "out", "node_modules", "__pycache__", "venv");

    private LocalChanges() {
    }

    /** Refuses a named path that is not a file or folder inside the working tree, before anything is asked of GitHub. */
    public static void check(Path root, List<Path> paths) {
        Path base = root.toAbsolutePath().normalize();
        for (Path named : paths) {
            Path file = (named.isAbsolute() ? named : base.resolve(named)).normalize();
            if (!file.startsWith(base)) {
                throw new IllegalArgumentException(named + " is outside the working tree " + root);
            }
            if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("No such file in the working tree: " + named);
            }
        }
    }

    /**
     * The files to commit, in path order.
     *
     * @param onBranch path to blob id on the default branch
     * @throws IllegalArgumentException for a path that is not in the working tree
     */
    public static List<ChangedFile> of(Path root, List<Path> paths, Map<String, String> onBranch) {
        Path base = root.toAbsolutePath().normalize();
        Map<String, Path> candidates = new TreeMap<>();
        if (paths.isEmpty()) {
            walk(base, base, candidates);
        }
        check(root, paths);
        for (Path named : paths) {
            Path file = (named.isAbsolute() ? named : base.resolve(named)).normalize();
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                walk(base, file, candidates);
            } else {
                candidates.put(repositoryPath(base, file), file);
            }
        }
        List<ChangedFile> changes = new ArrayList<>();
        candidates.forEach((path, file) -> {
            ChangedFile changed = new ChangedFile(path, read(file), Files.isExecutable(file));
            if (!changed.blobSha().equals(onBranch.get(path))) {
                changes.add(changed);
            }
        });
        return changes;
    }

    private static void walk(Path base, Path from, Map<String, Path> into) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(base) && (name.startsWith(".") && !name.equals(".github")
                            || SKIPPED.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        into.put(repositoryPath(base, file), file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working tree " + from, e);
        }
    }

    private static String repositoryPath(Path base, Path file) {
        return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
