package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Collects {@code *.jsonl} files. Symbolic links are neither followed nor collected, and an
 * unreadable folder hides only its own files: ccusage's walk behaves the same.
 */
final class JsonlCollector extends SimpleFileVisitor<Path> {

    private static final String EXTENSION = ".jsonl";

    private final List<Path> files;

    JsonlCollector(List<Path> files) {
        this.files = files;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String name = file.getFileName().toString();
        // ".jsonl" alone is a hidden file without an extension, not a log
        if (attributes.isRegularFile() && name.endsWith(EXTENSION) && name.length() > EXTENSION.length()) {
            files.add(file);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
        return FileVisitResult.CONTINUE;
    }
}
