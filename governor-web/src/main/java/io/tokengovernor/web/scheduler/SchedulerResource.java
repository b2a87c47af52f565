package io.tokengovernor.web.scheduler;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.boundary.PackageRegistry;
import io.tokengovernor.scheduler.boundary.ManualResume;
import io.tokengovernor.scheduler.boundary.QueueSnapshot;
import io.tokengovernor.scheduler.boundary.Scheduler;
import io.tokengovernor.scheduler.boundary.SchedulerPass;
import io.tokengovernor.scheduler.boundary.SchedulerRulesStore;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The scheduler: its queue with predictions, its rules, manual resumes. Resumes and passes are not
 * transactional here: each resume commits on its own.
 */
@Path("scheduler")
@RequestScoped
@Tag(name = "scheduler", description = "Paused work comes back when tokens are available")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulerResource {

    @Inject
    SchedulerRulesStore rules;

    @Inject
    Scheduler scheduler;

    @Inject
    ManualResume manual;

    @Inject
    QueueSnapshot queue;

    @Inject
    PackageRegistry packages;

    @Inject
    TaskRegistry tasks;

    @Inject
    CurrentCaller caller;

    @Inject
    java.time.Clock clock;

    @GET
    @Path("queue")
    @Operation(summary = "Queued tasks, oldest first, with the last pass's predicted resume time")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = QueuedTaskView.class)))
    public List<QueuedTaskView> queue(@QueryParam("projectId") String projectId) {
        return queue.queued(Ids.normalise(projectId)).stream().map(QueuedTaskView::of).toList();
    }

    @GET
    @Path("status")
    @Operation(summary = "The scheduler at a glance: queue length, resumes in the last minute, rate limit")
    @APIResponse(responseCode = "200", description = "OK")
    public java.util.Map<String, Object> status() {
        java.time.Instant now = clock.instant();
        SchedulerRules current = rules.current();
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("queued", queue.queued(null).size());
        status.put("resumesLastMinute", queue.automaticResumesSince(now.minusSeconds(60)).size());
        status.put("resumesPerMinute", current.resumesPerMinute());
        status.put("passIntervalSeconds", current.passIntervalSeconds());
        return status;
    }

    @GET
    @Path("rules")
    @Operation(summary = "The scheduler rules in force (JSON)")
    @APIResponse(responseCode = "200", description = "OK")
    public String rules() {
        return rules.currentJson();
    }

    @PUT
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the scheduler rules (admin)",
            description = "Validated as a whole: a bad document is refused with every problem and the rules in "
                    + "force stay. Keys: resumesPerMinute, safetyFactor, agingHoursPerTier, backfill, "
                    + "maxProjectShare, passIntervalSeconds.")
    @APIResponse(responseCode = "200", description = "The rules now in force")
    @APIResponse(responseCode = "400", description = "Invalid rules; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String replaceRules(String json) {
        caller.get().requireAdmin("change the scheduler rules");
        SchedulerRules accepted = rules.replace(json == null ? "" : json);
        scheduler.reschedule(accepted.passInterval().toMillis());
        return rules.currentJson();
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume by hand: a task, a package's waiting tasks, or the whole queue",
            description = "Bypasses the queue's order but not budgets; force (admin key only) bypasses budgets too.")
    @APIResponse(responseCode = "200", description = "What happened to each task")
    @APIResponse(responseCode = "403", description = "force without the admin key, or another project's task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ManualResume.Outcome> resume(@NotNull(message = "a JSON body is required") @Valid ResumeRequest request) {
        if (request.force || request.all) {
            caller.get().requireAdmin(request.force ? "force a resume" : "resume the whole queue");
        }
        if (request.taskId != null) {
            caller.get().requireProject(tasks.projectOf(Ids.normalise(request.taskId)));
        }
        if (request.packageId != null) {
            caller.get().requireProject(packages.projectOf(Ids.normalise(request.packageId)));
        }
        return manual.resume(Ids.normalise(request.taskId), Ids.normalise(request.packageId), request.all,
                request.force);
    }

    @POST
    @Path("pass")
    @Operation(summary = "Run a scheduler pass now (admin); passes also run on a timer and when tokens are freed")
    @APIResponse(responseCode = "200", description = "What the pass did")
    public SchedulerPass.PassOutcome pass() {
        caller.get().requireAdmin("run a scheduler pass");
        return scheduler.runPass();
    }

    static boolean waiting(TaskState state) {
        return state == TaskState.QUEUED || state == TaskState.PAUSED;
    }
}
