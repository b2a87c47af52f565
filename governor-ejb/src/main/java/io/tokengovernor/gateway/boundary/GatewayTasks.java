package io.tokengovernor.gateway.boundary;

import io.tokengovernor.ForbiddenException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.claudecode.boundary.ClaudeCodeHooks;
import io.tokengovernor.claudecode.boundary.HookSubject;
import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskRegistration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The task a gateway call is metered on. A Claude Code session is the task the hooks would use (the same
 * registration, so hooks and gateway meter one task and the ledger's event ids keep them from counting twice); a
 * subagent is a child task, of its parent agent's task when the call names one; a named task must belong to the
 * caller's project; otherwise the project's default gateway task, registered on first use.
 */
@Stateless
public class GatewayTasks {

    public static final String DEFAULT_AGENT_TYPE = "gateway";

    @Inject
    ClaudeCodeHooks hooks;

    @Inject
    TaskRegistry tasks;

    @Inject
    ProjectRegistry projects;

    public String taskFor(String projectId, CallerIdentity identity) {
        if (CallerIdentity.given(identity.sessionId())) {
            String session = identity.sessionId().strip();
            String sessionTask = hooks.ensureTasks(projectId, new HookSubject(session, null, null, null), null,
                    List.of());
            if (!CallerIdentity.given(identity.agentId())) {
                return sessionTask;
            }
            String agent = identity.agentId().strip();
            String parent = identity.parentAgentId();
            if (!CallerIdentity.given(parent) || parent.strip().equals(session) || parent.strip().equals(agent)) {
                return hooks.ensureTasks(projectId, new HookSubject(session, agent, null, null), null, List.of());
            }
            String parentTask = hooks.ensureTasks(projectId, new HookSubject(session, parent.strip(), null, null), null,
                    List.of());
            return ensure(projects.get(projectId), SessionTasks.subagentTaskOf(session,
                    SessionTasks.transcriptNameOf(agent)), parentTask, SessionTasks.subagentAgentOf(session,
                    SessionTasks.transcriptNameOf(agent)), SessionTasks.SUBAGENT_TYPE,
                    "Claude Code subagent " + agent + " of agent " + parent.strip() + " in session " + session);
        }
        if (CallerIdentity.given(identity.taskId())) {
            String taskId = identity.taskId().strip().toLowerCase(java.util.Locale.ROOT);
            if (!taskId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new InvalidRequestException("x-token-gov-task", "must be a task id (a UUID)");
            }
            Task task = tasks.find(taskId).orElseThrow(() -> new UnknownEntityException("task", taskId));
            if (!task.getProject().getId().equals(projectId)) {
                throw new ForbiddenException("task " + taskId + " belongs to another project");
            }
            return taskId;
        }
        Project project = projects.get(projectId);
        return ensure(project, defaultTaskOf(projectId), null, SessionTasks.uuidOf("gateway-agent", projectId),
                DEFAULT_AGENT_TYPE, "model calls through the gateway that name no session or task");
    }

    /** What admission needs to know of the task, in one read. */
    public record Facts(String projectId, long typicalStep) {
    }

    public Facts factsOf(String taskId) {
        Task task = tasks.get(taskId);
        return new Facts(task.getProject().getId(), task.getTypicalStep());
    }

    /** The task of calls that name neither a session nor a task: one per project. */
    public static String defaultTaskOf(String projectId) {
        return SessionTasks.uuidOf("gateway-task", projectId);
    }

    private String ensure(Project project, String taskId, String parentTaskId, String agentId, String agentType,
            String description) {
        Optional<Task> known = tasks.find(taskId);
        if (known.isPresent()) {
            if (!known.get().getProject().getId().equals(project.getId())) {
                throw new ForbiddenException("task " + taskId + " belongs to another project");
            }
            return taskId;
        }
        TaskRegistration registration = new TaskRegistration(project.getId(), agentId, agentType, null, parentTaskId,
                TaskEstimate.of(null, null), project.getTokenBudget(), description, null, false, true);
        tasks.register(taskId, registration);
        tasks.transition(taskId, TaskState.RUNNING, "first model call through the gateway");
        return taskId;
    }
}
