package io.tokengovernor.web.pulls;

import io.tokengovernor.pulls.boundary.PullRequestRefresh;
import io.tokengovernor.pulls.boundary.PullRequests;
import io.tokengovernor.registry.boundary.Registered;
import io.tokengovernor.pulls.boundary.PullRequestRow;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pull requests of a project: recorded by the PR agent, listed with their tokens. */
@Path("projects/{id}/pulls")
@RequestScoped
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
public class PullsResource {

    @Inject
    PullRequests pulls;

    @Inject
    PullRequestRefresh refresh;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a pull request the PR agent opened",
            description = "token-gov commit --pr sends it after opening the pull request. The same repository and "
                    + "number again describes it again (200) and adds its tasks. The project's key or the admin key.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PullRequestView.class)))
    @APIResponse(responseCode = "200", description = "Known already: described again",
            content = @Content(schema = @Schema(implementation = PullRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid record, or a task that is not the project's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") String projectId,
            @NotNull(message = "a pull request is required") @Valid PullRequestRequest pull) {
        String id = Ids.normalise(projectId);
        caller.get().requireProject(id);
        Registered<PullRequestRow> recorded = pulls.record(id, pull.toOpened());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PullRequestView.of(recorded.entity())).build();
    }

    @GET
    @Operation(summary = "A project's pull requests, newest first, with the tokens that produced each")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = PullRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PullRequestView> list(@PathParam("id") String projectId) {
        return pulls.list(Ids.normalise(projectId)).stream().map(PullRequestView::of).toList();
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Ask GitHub now how the project's pull requests stand",
            description = "State, merge and reviews of every pull request of the project, from the GitHub the server "
                    + "is configured with (governor.github.url). The timer does the same for open pull requests every "
                    + "governor.pulls.refresh-seconds. The project's key or the admin key.")
    @APIResponse(responseCode = "200", description = "Refreshed (failures, if any, are listed and logged)",
            content = @Content(schema = @Schema(implementation = PullRefreshView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PullRefreshView refresh(@PathParam("id") String projectId) {
        String id = Ids.normalise(projectId);
        caller.get().requireProject(id);
        PullRequestRefresh.Outcome outcome = refresh.refresh(id);
        PullRefreshView view = new PullRefreshView();
        view.refreshed = outcome.refreshed();
        view.failures = outcome.failures();
        view.pulls = list(id);
        return view;
    }
}
