package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFoldersTest {

    @TempDir
    Path home;

    @Test
    void findsEveryJsonlUnderProjectsInPathOrder() throws Exception {
        Path root = home.resolve("claude");
        for (String file : new String[]{"projects/b/s2.jsonl", "projects/a/s1.jsonl", "projects/a/s1/subagents/agent-1.jsonl",
            "projects/a/notes.txt", "projects/a/.jsonl"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
        }

        LogFolders folders = LogFolders.from(Map.of("CLAUDE_CONFIG_DIR", root + ", " + home.resolve("missing"), "HOME", home.toString()));

        assertThat(folders.logFiles()).extracting(path -> root.relativize(path).toString())
                .containsExactly("projects/a/s1.jsonl", "projects/a/s1/subagents/agent-1.jsonl", "projects/b/s2.jsonl");
    }

    @Test
    void acceptsTheProjectsFolderItselfAndExpandsTheHomeFolder() throws Exception {
        Files.createDirectories(home.resolve(".claude/projects"));

        LogFolders folders = LogFolders.from(Map.of("CLAUDE_CONFIG_DIR", "~/.claude/projects", "HOME", home.toString()));

        assertThat(folders.roots()).containsExactly(home.resolve(".claude"));
    }

    @Test
    void aConfiguredFolderWithoutProjectsIsAnError() {
        assertThatThrownBy(() -> LogFolders.from(Map.of("CLAUDE_CONFIG_DIR", home.resolve("nothing").toString(), "HOME", home.toString())))
                .isInstanceOf(NoLogFolder.class).hasMessageContaining("No valid Claude data directories");
    }

    @Test
    void withoutConfigurationUsesXdgConfigAndTheHomeFolder() throws Exception {
        Files.createDirectories(home.resolve(".config/claude/projects"));
        Files.createDirectories(home.resolve(".claude/projects"));

        assertThat(LogFolders.from(Map.of("HOME", home.toString())).roots())
                .containsExactly(home.resolve(".config/claude"), home.resolve(".claude"));
    }

    @Test
    void sessionsComeFromTheFileOrTheFolderOfSubagents() {
        assertThat(LogPath.of(Path.of("/h/.claude/projects/p/s1.jsonl"))).isEqualTo(new LogPath("p", "s1", "p"));
        assertThat(LogPath.of(Path.of("/h/.claude/projects/p/s1/subagents/agent-a.jsonl"))).isEqualTo(new LogPath("p", "s1", "p"));
        assertThat(LogPath.of(Path.of("/h/.claude/projects/p/s1/chat.jsonl"))).isEqualTo(new LogPath("p", "s1", "p"));
    }
}
