package io.tokengovernor.faces.scheduler;

import io.tokengovernor.GovernorException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.scheduler.SchedulerRulesFile;
import io.tokengovernor.faces.layout.Feedback;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.BudgetUse;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.scheduler.boundary.ManualResume;
import io.tokengovernor.scheduler.boundary.QueueSnapshot;
import io.tokengovernor.scheduler.boundary.QueueSnapshot.QueuedTask;
import io.tokengovernor.scheduler.boundary.Scheduler;
import io.tokengovernor.scheduler.boundary.SchedulerRulesStore;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Backs {@code scheduler.xhtml}: the queue with its predictions, manual resumes, and the rules.
 * Manual resumes run outside any transaction by design (each resume commits on its own), so the
 * actions here hold none; every read is a short call of its own.
 */
@Named
@ViewScoped
public class SchedulerView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String QUEUE_TABLE = ":schedulerForm:queue";

    @Inject
    QueueSnapshot snapshot;

    @Inject
    ManualResume manualResume;

    @Inject
    SchedulerRulesStore rulesStore;

    @Inject
    Scheduler scheduler;

    @Inject
    ProjectRegistry projectRegistry;

    private String projectId;
    private ProjectNames projectNames;
    private List<QueuedTask> queue = List.of();
    private String rules;
    private String rulesDraft;

    /** Runs once the {@code project} view parameter is set. */
    public void load() {
        projectNames = ProjectNames.load(projectRegistry);
        if (projectId != null && !projectNames.getById().containsKey(projectId)) {
            projectId = null;
        }
        refresh();
        loadRules();
    }

    public void refresh() {
        queue = snapshot.queued(projectId);
    }

    public void filterChanged() {
        TablePaging.rewind(QUEUE_TABLE);
        refresh();
    }

    /** Resumes one task, bypassing the queue's order but not the budgets. */
    public void resume(String taskId) {
        report(() -> manualResume.resume(taskId, null, false, false));
    }

    /** Resumes every queued task the budgets allow, in any project. */
    public void resumeAll() {
        report(() -> manualResume.resume(null, null, true, false));
    }

    private void report(Supplier<List<ManualResume.Outcome>> resume) {
        try {
            List<ManualResume.Outcome> outcomes = resume.get();
            if (outcomes.isEmpty()) {
                Feedback.warning("Nothing to resume: the queue is empty.");
            }
            for (ManualResume.Outcome outcome : outcomes) {
                if (outcome.resumed()) {
                    Feedback.success(ResumeReport.sentence(outcome));
                } else {
                    Feedback.warning(ResumeReport.sentence(outcome));
                }
            }
        } catch (GovernorException e) {
            Feedback.refused("Resuming", e);
        }
        refresh();
    }

    /** Validates and stores the draft; refused rules change nothing and each problem gets a message. */
    public void saveRules() {
        try {
            SchedulerRules accepted = rulesStore.replace(rulesDraft == null ? "" : rulesDraft);
            scheduler.reschedule(accepted.passInterval().toMillis());
            Feedback.success("Scheduler rules saved");
            loadRules();
        } catch (InvalidRequestException e) {
            Feedback.invalid("Saving the scheduler rules", e);
        } catch (GovernorException e) {
            Feedback.refused("Saving the scheduler rules", e);
        }
    }

    /** Puts the rules in force back into the editor. */
    public void resetDraft() {
        rulesDraft = rules;
    }

    private void loadRules() {
        rules = SchedulerRulesFile.write(rulesStore.current());
        rulesDraft = rules;
    }

    public BudgetUse budgetUse(QueuedTask task) {
        return new BudgetUse(task.usedTokens(), task.tokenBudget());
    }

    public String predictionLabel(String prediction) {
        return PredictionTag.label(prediction);
    }

    public String predictionSeverity(String prediction) {
        return PredictionTag.severity(prediction);
    }

    public String predictionDescription(String prediction) {
        return PredictionTag.description(prediction);
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId;
    }

    public ProjectNames getProjectNames() {
        return projectNames;
    }

    public List<QueuedTask> getQueue() {
        return queue;
    }

    public String getRules() {
        return rules;
    }

    public String getRulesDraft() {
        return rulesDraft;
    }

    public void setRulesDraft(String rulesDraft) {
        this.rulesDraft = rulesDraft;
    }
}
