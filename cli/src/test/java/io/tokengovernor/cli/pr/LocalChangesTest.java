package io.tokengovernor.cli.pr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalChangesTest {

    @TempDir
    Path dir;

    @Test
    void a_blob_id_is_the_one_git_computes() {
        // git hash-object of "hello\n" and of an empty file
        assertThat(file("hello\n").blobSha()).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(file("").blobSha()).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    @Test
    void the_working_tree_s_changes_are_the_files_whose_blob_differs_from_the_branch_or_that_it_lacks()
            throws IOException {
        write("README.md", "# demo\n");
        write("src/A.java", "class A {}\n");
        write("src/B.java", "class B {}\n");
        write(".github/workflows/ci.yml", "on: push\n");
        write(".git/config", "[core]\n");
        write(".claude/settings.json", "{}\n");
        write("target/classes/A.class", "binary");
        write("node_modules/x/index.js", "x");

        List<ChangedFile> changes = LocalChanges.of(dir, List.of(), Map.of("README.md", sha("# demo\n"),
                "src/A.java", sha("class A { int old; }\n"), "gone.txt", sha("deleted here")));

        assertThat(changes).extracting(ChangedFile::path).containsExactly(".github/workflows/ci.yml", "src/A.java",
                "src/B.java");
    }

    @Test
    void named_paths_are_files_or_folders_inside_the_working_tree() throws IOException {
        write("src/A.java", "class A {}\n");
        write("docs/guide.md", "guide\n");

        assertThat(LocalChanges.of(dir, List.of(Path.of("src")), Map.of())).extracting(ChangedFile::path)
                .containsExactly("src/A.java");
        assertThat(LocalChanges.of(dir, List.of(Path.of("docs/guide.md"), Path.of("src/A.java")), Map.of()))
                .extracting(ChangedFile::path).containsExactly("docs/guide.md", "src/A.java");
        assertThatThrownBy(() -> LocalChanges.check(dir, List.of(Path.of("src/../../x"))))
                .hasMessageContaining("outside the working tree");
        assertThatThrownBy(() -> LocalChanges.check(dir, List.of(Path.of("src/Missing.java"))))
                .hasMessageContaining("No such file in the working tree: src/Missing.java");
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static ChangedFile file(String content) {
        return new ChangedFile("x", content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String sha(String content) {
        return file(content).blobSha();
    }
}
