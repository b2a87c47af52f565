package io.tokengovernor.claudecode.boundary;

import io.tokengovernor.ForbiddenException;
import io.tokengovernor.core.claudecode.BudgetLine;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.claudecode.HookEventName;
import io.tokengovernor.core.claudecode.HookReply;
import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.inspector.boundary.CheckpointPayloads;
import io.tokengovernor.inspector.boundary.Checkpoints;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.CheckpointState;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskRegistration;
import io.tokengovernor.reporting.boundary.StatusLevel;
import io.tokengovernor.reporting.boundary.StatusReport;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Claude Code's hooks, answered: a session (and each subagent in it) is a task of the project, registered on
 * first sight; the task's directive becomes the one answer each hook event understands ({@link HookReply}).
 * Usage is not estimated here: the relay meters the transcript and the ledger records it before the answer.
 */
@Stateless
public class ClaudeCodeHooks {

    @Inject
    TaskRegistry tasks;

    @Inject
    ProjectRegistry projects;

    @Inject
    TaskInspector inspector;

    @Inject
    Checkpoints checkpoints;

    @Inject
    CheckpointPayloads payloads;

    @Inject
    StatusReport status;

    @Inject
    Clock clock;

    /** The project of a session already registered, if it is. */
    public Optional<String> projectOfSession(String sessionId) {
        return tasks.find(SessionTasks.taskOf(sessionId)).map(task -> task.getProject().getId());
    }

    /**
     * The task the hook speaks for (the subagent's child task, else the session's), registering the session's
     * task and the subagents named by the hook or the relay when they are new.
     */
    public String ensureTasks(String projectId, HookSubject subject, Long taskBudget, Collection<String> subagents) {
        Project project = projects.get(projectId);
        String sessionTask = ensure(project, SessionTasks.taskOf(subject.sessionId()), null,
                SessionTasks.agentOf(subject.sessionId()), SessionTasks.SESSION_AGENT_TYPE, taskBudget,
                "Claude Code session " + subject.sessionId() + (subject.cwd() == null ? "" : " in " + subject.cwd()));
        for (String transcriptName : subagents) {
            ensureSubagent(project, subject.sessionId(), sessionTask, transcriptName, null, taskBudget);
        }
        if (!subject.subagent()) {
            return sessionTask;
        }
        return ensureSubagent(project, subject.sessionId(), sessionTask,
                SessionTasks.transcriptNameOf(subject.agentId()), subject.agentType(), taskBudget);
    }

    /**
     * Records the checkpoint the agent wrote, if {@code agentMessage} holds one and the task has none saved yet:
     * before the usage of the call that wrote it, so that the pause this call may make due finds it saved.
     */
    public void recordCheckpoint(String taskId, String agentMessage, String transcriptPath) {
        Optional<String> written = CheckpointText.find(agentMessage);
        if (written.isEmpty()) {
            return;
        }
        Task task = tasks.get(taskId);
        if (task.getCheckpointState() != CheckpointState.SAVED && !task.getState().isFinal()) {
            saveCheckpoint(task, written.get(), transcriptPath);
        }
    }

    /** Answers the hook from the task's directive, and notes when it asked the agent for its checkpoint. */
    public Map<String, Object> answer(String taskId, HookEventName event, boolean stopHookActive) {
        Directive directive = inspector.directiveFor(taskId);
        Task task = tasks.get(taskId);
        HookReply reply = HookReply.decide(event,
                new HookReply.Situation(directive.action(), directive.action() == DirectiveAction.CHECKPOINT,
                        task.isCheckpointAsked(), stopHookActive),
                texts(task, directive, event));
        if (reply.asksForCheckpoint()) {
            task.checkpointAsked(clock.instant());
        }
        return reply.json();
    }

    private void saveCheckpoint(Task task, String summary, String transcriptPath) {
        String uri = "claude-code:" + (transcriptPath == null ? task.getId() : transcriptPath);
        byte[] bytes = summary.getBytes(StandardCharsets.UTF_8);
        var saved = checkpoints.save(task.getId(), uri, (long) bytes.length, summary);
        if (payloads.enabled()) {
            String line = jsonLine(summary, transcriptPath);
            payloads.store(task.getId(), saved.checkpoint().getId(), line.getBytes(StandardCharsets.UTF_8));
        }
    }

    private HookReply.Texts texts(Task task, Directive directive, HookEventName event) {
        String budgetLine = event == HookEventName.SessionStart ? budgetLine(task, directive) : "";
        String why = directive.action() == DirectiveAction.CHECKPOINT
                ? "the token budget is nearly spent (" + directive.used() + " of " + directive.budget() + " used)."
                : "a checkpoint was requested.";
        return new HookReply.Texts(budgetLine,
                BudgetLine.paused(directive, task.getPredictedResumeAt(), task.getPrediction()),
                CheckpointText.request(why));
    }

    private String budgetLine(Task task, Directive directive) {
        Map<String, Object> project = status.of(StatusLevel.PROJECT, task.getProject().getId());
        long projectUsed = ((Number) project.getOrDefault("used", 0L)).longValue();
        return BudgetLine.of(directive, projectUsed, task.getProject().getTokenBudget(),
                task.getProject().getBudgetWindow().name());
    }

    private String ensureSubagent(Project project, String sessionId, String sessionTask, String transcriptName,
            String agentType, Long taskBudget) {
        return ensure(project, SessionTasks.subagentTaskOf(sessionId, transcriptName), sessionTask,
                SessionTasks.subagentAgentOf(sessionId, transcriptName),
                agentType == null || agentType.isBlank() ? SessionTasks.SUBAGENT_TYPE : agentType, taskBudget,
                "Claude Code subagent " + transcriptName + " of session " + sessionId);
    }

    private String ensure(Project project, String taskId, String parentTaskId, String agentId, String agentType,
            Long taskBudget, String description) {
        Optional<Task> known = tasks.find(taskId);
        if (known.isPresent()) {
            if (!known.get().getProject().getId().equals(project.getId())) {
                throw new ForbiddenException("task " + taskId + " belongs to another project");
            }
            return taskId;
        }
        long budget = taskBudget != null ? taskBudget : project.getTokenBudget();
        TaskRegistration registration = new TaskRegistration(project.getId(), agentId, agentType, null,
                parentTaskId, TaskEstimate.of(null, null), budget, description, null, false, true);
        Task task = tasks.register(taskId, registration).entity();
        tasks.transition(task.getId(), TaskState.RUNNING, "Claude Code started");
        return taskId;
    }

    private static String jsonLine(String summary, String transcriptPath) {
        var line = Json.createObjectBuilder().add("summary", summary);
        if (transcriptPath != null) {
            line.add("transcript", transcriptPath);
        }
        return line.build().toString() + "\n";
    }
}
