package io.tokengovernor.cli.pr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.cli.setup.GitHubFailure;
import io.tokengovernor.cli.setup.GovernedCalls;
import io.tokengovernor.cli.setup.Phase0Tasks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.kohsuke.github.GitHubBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "commit",
        description = {"Phase 0's PR agent: commit files to a new branch through GitHub's Git Data API (no git push)",
                "and open a pull request whose body is the repository's .github/pull_request_template.md filled in",
                "with the task, the plan (version, roles) and the tokens the task spent.",
                "Without PATHS: every file of the working tree whose content differs from the default branch",
                "(hidden folders but .github, and build output, left out; nothing is deleted).",
                "Needs $GITHUB_TOKEN and workflow_plan.json (token-gov init --inspect). With a task or a stored",
                "plan the PR is recorded on the server (GET /api/projects/{id}/pulls)."},
        footer = {"", "Examples:", "  token-gov commit --pr --template workflow_plan.json",
                "  token-gov commit --pr --template --task 5d6e7f80-1111-4222-8333-944455556666 --title 'Add the parser' src/"})
public class CommitCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    @Spec
    CommandSpec spec;

    @Option(names = "--pr", description = "Commit through a pull request (the only way this command commits).")
    boolean pr;

    @Option(names = "--template", description = "Fill the repository's PR template in as the PR's body.")
    boolean template;

    @Option(names = "--branch", paramLabel = "B", description = "The new branch. Default: token-gov/pr-<UTC time>.")
    String branch;

    @Option(names = "--title", paramLabel = "T", description = "The PR's title and the commit's first line.")
    String title;

    @Option(names = "--task", paramLabel = "ID", description = "The task whose work this is: its tokens go in the body.")
    String taskId;

    @Option(names = "--project", paramLabel = "ID",
            description = "Record the PR for this project. Default: the task's project, else the stored plan's.")
    String projectId;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR", description = "The working tree. Default: .")
    Path dir;

    @Option(names = "--plan", paramLabel = "FILE", description = "The workflow plan. Default: DIR/workflow_plan.json.")
    Path planFile;

    @Option(names = "--github-url", paramLabel = "URL", defaultValue = "https://api.github.com",
            description = "GitHub's API, or GitHub Enterprise's (https://HOST/api/v3). Default: ${DEFAULT-VALUE}.")
    String githubUrl;

    @Parameters(arity = "0..*", paramLabel = "PATHS", description = "Files or folders to commit, in DIR.")
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        PrintWriter err = spec.commandLine().getErr();
        Console console = new Console(spec.commandLine().getOut(), err, root.wantsJson());
        try {
            return commit(root, console, err);
        } catch (ServerCallFailed failure) {
            console.report(failure);
            return failure.exitCode().code();
        } finally {
            console.flush();
        }
    }

    private int commit(TokenGov root, Console console, PrintWriter err) {
        if (!pr || !template) {
            err.println("token-gov commit commits through a pull request from the repository's template only:"
                    + " say --pr --template.");
            return ExitCode.USAGE.code();
        }
        String token = root.environment().get("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("Set GITHUB_TOKEN to a GitHub token that may push to the repository and open pull requests.");
            return ExitCode.USAGE.code();
        }
        PlanFacts plan;
        try {
            plan = PlanFacts.read(planFile != null ? planFile : dir.resolve("workflow_plan.json"));
            LocalChanges.check(dir, paths);
        } catch (IllegalArgumentException unusable) {
            err.println(unusable.getMessage());
            return ExitCode.USAGE.code();
        }
        String newBranch = branch != null ? branch
                : "token-gov/pr-" + BRANCH_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        if (!newBranch.matches("[A-Za-z0-9._/-]{1,200}") || newBranch.startsWith("/") || newBranch.contains("..")) {
            err.println("Not a branch name: " + newBranch + " (letters, digits, . _ / -)");
            return ExitCode.USAGE.code();
        }
        TaskTokens task = null;
        GovernorServer server = null;
        String project = projectId;
        if (taskId != null || projectId != null || plan.projectId() != null) {
            server = root.connect(spec.commandLine());
        }
        if (taskId != null) {
            task = TaskTokens.read(server, taskId);
            project = project != null ? project : task.projectId();
        }
        project = project != null ? project : plan.projectId();

        String prTitle = title != null ? title : defaultTitle();
        PullRequestBody body = new PullRequestBody(prTitle,
                task == null ? "none named (token-gov commit --task ID links the PR to the task that produced it)"
                        : task.taskId() + (task.description().isBlank() ? "" : " — " + task.description()),
                plan.version() == null ? "— (not stored on the server)" : String.valueOf(plan.version()),
                plan.roles(),
                task == null ? "not metered (no task named)" : PullRequestBody.tokens(task.tokens(), task.taskId()));
        String message = prTitle + "\n\nCommitted by token-gov commit --pr" + (task == null ? "" : "\nTask: " + task.taskId());
        GovernedCalls calls = new GovernedCalls(plan.callsPerMinute());
        // the PR agent's run is a governed task of the project once it is about to change the repository
        String[] agentTask = {null};
        GovernorServer governor = server;
        String recordFor = project;
        Runnable beforeWrites = () -> {
            if (recordFor != null) {
                agentTask[0] = Phase0Tasks.start(governor, recordFor, "pr", "PR agent: token-gov commit --pr "
                        + plan.repository() + " " + newBranch);
            }
        };
        OpenedPullRequest opened;
        try {
            var github = new GitHubBuilder().withEndpoint(githubUrl).withOAuthToken(token).build();
            opened = new PullRequestAgent(github, calls).open(new PullRequestRequest(plan.repository(),
                    plan.defaultBranch(), newBranch, prTitle, message, body::fill, beforeWrites), dir, paths);
        } catch (PullRequestRefused refused) {
            err.println(refused.getMessage());
            return refused.exitCode().code();
        } catch (IOException e) {
            int exit = GitHubFailure.report(e, githubUrl, err);
            if (agentTask[0] != null) {
                Phase0Tasks.finish(server, agentTask[0], false, "GitHub: " + e.getMessage());
            }
            return exit;
        }
        JsonNode recorded = null;
        if (project != null) {
            try {
                recorded = server.post("/api/projects/" + GovernorServer.segment(project) + "/pulls",
                        record(plan, opened, prTitle, agentTask[0])).json();
                Phase0Tasks.finish(server, agentTask[0], true, "opened " + opened.url());
            } catch (ServerCallFailed failure) {
                err.println("Opened " + opened.url() + " but could not record it on the server:");
                console.report(failure);
                return failure.exitCode().code();
            }
        }
        report(console, opened, calls, plan, project, recorded);
        return ExitCode.OK.code();
    }

    private String defaultTitle() {
        if (paths.size() == 1) {
            return "token-gov: " + paths.get(0).toString().replace('\\', '/');
        }
        return "token-gov: changes from the working tree";
    }

    private ObjectNode record(PlanFacts plan, OpenedPullRequest opened, String prTitle, String agentTask) {
        ObjectNode body = JSON.createObjectNode().put("repository", plan.repository()).put("number", opened.number())
                .put("url", opened.url()).put("branch", opened.branch()).put("baseBranch", opened.baseBranch())
                .put("title", prTitle);
        var tasks = body.putArray("taskIds");
        if (taskId != null) {
            tasks.add(taskId);
        }
        tasks.add(agentTask);
        return body;
    }

    private static void report(Console console, OpenedPullRequest opened, GovernedCalls calls, PlanFacts plan,
            String project, JsonNode recorded) {
        if (console.wantsJson()) {
            ObjectNode json = JSON.createObjectNode().put("repository", plan.repository())
                    .put("number", opened.number()).put("url", opened.url()).put("branch", opened.branch())
                    .put("baseBranch", opened.baseBranch()).put("commit", opened.commitSha())
                    .put("githubCalls", calls.calls()).put("retries", calls.retried());
            var files = json.putArray("files");
            opened.files().forEach(files::add);
            if (recorded != null) {
                json.put("projectId", project).set("recorded", recorded);
            }
            console.printJson(json.toString());
            return;
        }
        console.line("Opened pull request #" + opened.number() + ": " + opened.url());
        console.line("Branch " + opened.branch() + " (commit " + opened.commitSha().substring(0,
                Math.min(12, opened.commitSha().length())) + ") into " + opened.baseBranch() + " with "
                + opened.files().size() + " file(s): " + String.join(", ", opened.files()));
        console.line(calls.calls() + " GitHub call(s), " + calls.retried() + " retried, at most " + plan.callsPerMinute()
                + " a minute.");
        console.line(recorded == null ? "Not recorded on a server (no task, --project or stored plan)."
                : "Recorded for project " + project + " (" + recorded.path("tokens").asLong() + " tokens so far).");
    }
}
