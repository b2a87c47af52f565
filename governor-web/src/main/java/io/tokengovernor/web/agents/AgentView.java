package io.tokengovernor.web.agents;

import io.tokengovernor.registry.entity.Agent;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent as the API shows it. */
@Schema(name = "Agent")
public class AgentView {

    public String id;
    public String projectId;
    public String type;
    @Schema(description = "The project's priority tier")
    public int tier;
    public Instant createdAt;

    public static AgentView of(Agent agent) {
        AgentView view = new AgentView();
        view.id = agent.getId();
        view.projectId = agent.getProject().getId();
        view.type = agent.getType();
        view.tier = agent.getTier();
        view.createdAt = agent.getCreatedAt();
        return view;
    }
}
