package io.tokengovernor.web.claudecode;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.claudecode.boundary.ClaudeCodeHooks;
import io.tokengovernor.usage.boundary.UsageLedger;
import io.tokengovernor.usage.entity.UsageEvent;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The endpoint Claude Code's hooks call ({@code token-gov hooks install} writes them). It answers in Claude
 * Code's own JSON. Not transactional: usage the relay metered waits for the ledger's single writer, and a
 * waiting request must hold no database connection; registration and the answer are transactions of their own.
 */
@Path("hooks/claude-code")
@RequestScoped
@Tag(name = "claude-code")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClaudeCodeHooksResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClaudeCodeHooks hooks;

    @Inject
    UsageLedger ledger;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Answer a Claude Code hook",
            description = "Takes the JSON a Claude Code hook sends (SessionStart, UserPromptSubmit, PreToolUse, "
                    + "PostToolUse, Stop, SubagentStop, SessionEnd) and answers in Claude Code's JSON: a budget line "
                    + "at session start, a refused prompt or tool while the task is paused, a checkpoint request "
                    + "(once) and a Stop that keeps the agent working until the checkpoint is written. A session is "
                    + "a task of the project (its id is the session id); a subagent is a child task. Usage metered "
                    + "by `token-gov hooks relay` (under `tokenGovernor.events`) is recorded before the answer.")
    @APIResponse(responseCode = "200", description = "Claude Code's hook answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "Not a hook input, or bad metered usage; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String answer(
            @Parameter(description = "The project the session works for; may be left out with a project's key, "
                    + "or when the session's task is already registered")
            @QueryParam("projectId") String projectId,
            @Parameter(description = "Budget of a task registered for a new session; default: the project's")
            @QueryParam("taskBudget") Long taskBudget,
            JsonNode body) {
        if (projectId != null && !projectId.matches(Ids.UUID_PATTERN)) {
            throw new InvalidRequestException("projectId", Ids.UUID_MESSAGE);
        }
        if (taskBudget != null && taskBudget < 1) {
            throw new InvalidRequestException("taskBudget", "must be a positive number of tokens");
        }
        HookInput input = HookInput.parse(body);
        String project = projectId != null ? Ids.normalise(projectId)
                : caller.get().projectId() != null ? caller.get().projectId()
                : hooks.projectOfSession(input.subject().sessionId()).orElseThrow(() -> new InvalidRequestException(
                        "projectId", "name the project (?projectId=…) or call with the project's key"));
        caller.get().requireProject(project);
        String taskId = hooks.ensureTasks(project, input.subject(), taskBudget, input.subagents());
        if (input.agentMessage() != null) {
            hooks.recordCheckpoint(taskId, input.agentMessage(), input.transcriptPath());
        }
        Set<String> metered = input.meteredTasks();
        input.checkpoints().forEach((task, message) -> {
            if (!metered.contains(task)) {
                throw new InvalidRequestException("tokenGovernor.checkpoints",
                        "task " + task + " is not this session's or one of its subagents'");
            }
            hooks.recordCheckpoint(task, message, input.transcriptPath());
        });
        record(input.events(), metered, project);
        Map<String, Object> reply = hooks.answer(taskId, input.event(), input.stopHookActive());
        return JSON.valueToTree(reply).toString();
    }

    private void record(List<UsageEvent> events, Set<String> allowed, String project) {
        if (events.isEmpty()) {
            return;
        }
        for (UsageEvent event : events) {
            if (!allowed.contains(event.taskId())) {
                throw new InvalidRequestException("tokenGovernor.events",
                        "event " + event.eventId() + " names task " + event.taskId()
                                + ", which is not this session's or one of its subagents'");
            }
        }
        ledger.record(events, project);
    }
}
