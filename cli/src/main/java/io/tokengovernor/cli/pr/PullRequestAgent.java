package io.tokengovernor.cli.pr;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.setup.GovernedCalls;
import io.tokengovernor.cli.setup.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeBuilder;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;

/**
 * Phase 0's PR agent: commits files to a new branch through GitHub's Git Data API — a blob per file, a tree on top
 * of the base branch's, a commit, the branch's ref — and opens a pull request whose body is the repository's PR
 * template filled in. No local Git and no push. Everything that can refuse (the base branch, the new branch already
 * taken, the template, no change at all) is checked before the first write, so a refusal creates nothing.
 */
public final class PullRequestAgent {

    private final GitHub github;
    private final GovernedCalls calls;

    public PullRequestAgent(GitHub github, GovernedCalls calls) {
        this.github = github;
        this.calls = calls;
    }

    /** Commits what differs from the base branch among {@code paths} (all the working tree when empty). */
    public OpenedPullRequest open(PullRequestRequest request, Path workingTree, List<Path> paths) throws IOException {
        GHRepository repository = repository(request.repository());
        String base = request.baseBranch();
        String head = sha(repository, base).orElseThrow(() -> new PullRequestRefused(ExitCode.NOT_FOUND, "The base branch " + base
                + " does not exist in " + request.repository() + ": run token-gov init --apply first."));
        if (sha(repository, request.branch()).isPresent()) {
            throw new PullRequestRefused(ExitCode.CONFLICT, "The branch " + request.branch() + " already exists in "
                    + request.repository() + ": name a new one with --branch.");
        }
        String template = template(repository, base);
        GHTree tree = calls.call(() -> repository.getTreeRecursive(head, 1));
        if (paths.isEmpty() && tree.isTruncated()) {
            throw new PullRequestRefused(ExitCode.USAGE, "The tree of " + base + " is too large for GitHub to list whole: name the"
                    + " paths to commit.");
        }
        Map<String, String> onBranch = new HashMap<>();
        for (GHTreeEntry entry : tree.getTree()) {
            if ("blob".equals(entry.getType())) {
                onBranch.put(entry.getPath(), entry.getSha());
            }
        }
        List<ChangedFile> files = LocalChanges.of(workingTree, paths, onBranch);
        if (files.isEmpty()) {
            throw new PullRequestRefused(ExitCode.USAGE, "Nothing to commit: " + (paths.isEmpty() ? "the working tree" : "the files named")
                    + " match " + base + " of " + request.repository() + ".");
        }
        String body = request.body().fill(template, files);
        request.beforeWrites().run();

        GHTreeBuilder newTree = repository.createTree().baseTree(tree.getSha());
        for (ChangedFile file : files) {
            String blob = calls.call(() -> repository.createBlob().binaryContent(file.content()).create().getSha());
            newTree.shaEntry(file.path(), blob, file.executable());
        }
        String treeSha = calls.call(newTree::create).getSha();
        String commit = calls.call(() -> repository.createCommit().message(request.commitMessage()).tree(treeSha)
                .parent(head).create()).getSHA1();
        calls.call(() -> repository.createRef("refs/heads/" + request.branch(), commit));
        GHPullRequest pull = calls.call(() -> repository.createPullRequest(request.title(), request.branch(), base,
                body));
        return new OpenedPullRequest(pull.getNumber(), pull.getHtmlUrl().toString(), request.branch(), base, commit,
                files.stream().map(ChangedFile::path).toList(), body);
    }

    private GHRepository repository(String fullName) throws IOException {
        try {
            return calls.call(() -> github.getRepository(fullName));
        } catch (GHFileNotFoundException absent) {
            throw new PullRequestRefused(ExitCode.NOT_FOUND, "No repository " + fullName + " on GitHub (or the token may not see it):"
                    + " run token-gov init --apply first.");
        }
    }

    private java.util.Optional<String> sha(GHRepository repository, String branch) throws IOException {
        try {
            return java.util.Optional.of(calls.call(() -> repository.getRef("heads/" + branch)).getObject().getSha());
        } catch (GHFileNotFoundException absent) {
            return java.util.Optional.empty();
        }
    }

    private String template(GHRepository repository, String base) throws IOException {
        try {
            GHContent content = calls.call(() -> repository.getFileContent(RepositoryFiles.PR_TEMPLATE, base));
            return calls.call(content::getContent);
        } catch (GHFileNotFoundException absent) {
            throw new PullRequestRefused(ExitCode.NOT_FOUND, "No " + RepositoryFiles.PR_TEMPLATE + " on " + base + ": run token-gov init"
                    + " --apply (the Setup agent adds it).");
        }
    }
}
