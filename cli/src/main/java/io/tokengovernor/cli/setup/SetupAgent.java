package io.tokengovernor.cli.setup;

import io.tokengovernor.cli.setup.SetupStep.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHBranch;
import org.kohsuke.github.GHBranchProtection;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHCreateRepositoryBuilder;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * Phase 0's Setup agent: creates or adopts the repository, commits the plan's files, creates its branches and
 * protects the default branch. Each step first looks and changes only what differs from the plan, so applying
 * again changes nothing; in checking mode it only looks ({@code init --status}).
 */
public final class SetupAgent {

    private final GitHub github;
    private final GovernedCalls calls;

    public SetupAgent(GitHub github, GovernedCalls calls) {
        this.github = github;
        this.calls = calls;
    }

    /** Makes the repository match the plan; the steps say what changed. */
    public List<SetupStep> apply(SetupPlan plan) throws IOException {
        return run(plan, true);
    }

    /** Compares the repository with the plan, changing nothing. */
    public List<SetupStep> check(SetupPlan plan) throws IOException {
        return run(plan, false);
    }

    private List<SetupStep> run(SetupPlan plan, boolean change) throws IOException {
        List<SetupStep> steps = new ArrayList<>();
        GHRepository repository = find(plan);
        if (repository == null) {
            if (!change) {
                steps.add(new SetupStep("repository " + plan.fullName(), Outcome.MISSING));
                return steps;
            }
            repository = create(plan);
            steps.add(new SetupStep("repository " + plan.fullName(), Outcome.CREATED));
        } else {
            steps.add(new SetupStep("repository " + plan.fullName(), Outcome.UNCHANGED));
        }
        steps.addAll(inside(repository, plan, change));
        return steps;
    }

    /** The files, branches and protection of an existing repository. */
    private List<SetupStep> inside(GHRepository repository, SetupPlan plan, boolean change) throws IOException {
        List<SetupStep> steps = new ArrayList<>();
        for (Map.Entry<String, String> file : plan.files().entrySet()) {
            steps.add(file(repository, plan.defaultBranch(), file.getKey(), file.getValue(), change));
        }
        String head = null;
        for (String branch : plan.branches()) {
            if (branch.equals(plan.defaultBranch())) {
                continue;
            }
            boolean exists = exists(() -> calls.call(() -> repository.getRef("heads/" + branch)));
            if (exists) {
                steps.add(new SetupStep("branch " + branch, Outcome.UNCHANGED));
            } else if (!change) {
                steps.add(new SetupStep("branch " + branch, Outcome.MISSING));
            } else {
                if (head == null) {
                    head = calls.call(() -> repository.getRef("heads/" + plan.defaultBranch())).getObject().getSha();
                }
                String from = head;
                calls.call(() -> repository.createRef("refs/heads/" + branch, from));
                steps.add(new SetupStep("branch " + branch, Outcome.CREATED));
            }
        }
        steps.add(protection(repository, plan.defaultBranch(), change));
        return steps;
    }

    private GHRepository find(SetupPlan plan) throws IOException {
        try {
            return calls.call(() -> github.getRepository(plan.fullName()));
        } catch (GHFileNotFoundException absent) {
            return null;
        }
    }

    private GHRepository create(SetupPlan plan) throws IOException {
        String me = calls.call(() -> github.getMyself().getLogin());
        GHCreateRepositoryBuilder builder = me.equalsIgnoreCase(plan.owner())
                ? github.createRepository(plan.name())
                : calls.call(() -> github.getOrganization(plan.owner())).createRepository(plan.name());
        builder.private_(true);
        builder.autoInit(true);
        builder.defaultBranch(plan.defaultBranch());
        builder.description("Governed by TokenGovernor");
        return calls.call(builder::create);
    }

    private SetupStep file(GHRepository repository, String branch, String path, String content, boolean change)
            throws IOException {
        GHContent existing;
        try {
            existing = calls.call(() -> repository.getFileContent(path, branch));
        } catch (GHFileNotFoundException absent) {
            existing = null;
        }
        if (existing == null) {
            if (change) {
                calls.call(() -> repository.createContent().path(path).content(content).branch(branch)
                        .message("TokenGovernor setup: add " + path).commit());
                return new SetupStep("file " + path, Outcome.CREATED);
            }
            return new SetupStep("file " + path, Outcome.MISSING);
        }
        GHContent current = existing;
        if (content.equals(calls.call(current::getContent))) {
            return new SetupStep("file " + path, Outcome.UNCHANGED);
        }
        if (!change) {
            return new SetupStep("file " + path, Outcome.DIFFERS);
        }
        calls.call(() -> current.update(content, "TokenGovernor setup: update " + path, branch));
        return new SetupStep("file " + path, Outcome.UPDATED);
    }

    private SetupStep protection(GHRepository repository, String branchName, boolean change) throws IOException {
        String what = "protection of " + branchName + " (" + SetupPlan.REQUIRED_REVIEWS + " review, check "
                + SetupPlan.REQUIRED_CHECK + ", no direct pushes)";
        GHBranch branch = calls.call(() -> repository.getBranch(branchName));
        boolean protectedAsPlanned = branch.isProtected() && asPlanned(calls.call(branch::getProtection));
        if (protectedAsPlanned) {
            return new SetupStep(what, Outcome.UNCHANGED);
        }
        if (!change) {
            return new SetupStep(what, branch.isProtected() ? Outcome.DIFFERS : Outcome.MISSING);
        }
        calls.call(() -> branch.enableProtection().requiredReviewers(SetupPlan.REQUIRED_REVIEWS)
                .requireBranchIsUpToDate().addRequiredChecks(SetupPlan.REQUIRED_CHECK).includeAdmins().enable());
        return new SetupStep(what, branch.isProtected() ? Outcome.UPDATED : Outcome.CREATED);
    }

    private static boolean asPlanned(GHBranchProtection protection) {
        var reviews = protection.getRequiredReviews();
        var checks = protection.getRequiredStatusChecks();
        var admins = protection.getEnforceAdmins();
        return reviews != null && reviews.getRequiredReviewers() >= SetupPlan.REQUIRED_REVIEWS
                && checks != null && checks.getContexts() != null
                && checks.getContexts().contains(SetupPlan.REQUIRED_CHECK)
                && admins != null && admins.isEnabled();
    }

    private interface Lookup {
        Object run() throws IOException;
    }

    private static boolean exists(Lookup lookup) throws IOException {
        try {
            return lookup.run() != null;
        } catch (GHFileNotFoundException absent) {
            return false;
        }
    }
}
