package io.tokengovernor.faces.agents;

import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.registry.boundary.AgentRegistry;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.entity.Agent;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** Backs {@code agents.xhtml}: the agents of all projects or of one, with how many tasks each has run. */
@Named
@ViewScoped
public class AgentsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":agentsForm:agents";

    @Inject
    AgentRegistry agentRegistry;

    @Inject
    ProjectRegistry projectRegistry;

    private ProjectNames projectNames;
    private AgentTableModel agents;

    @PostConstruct
    void init() {
        projectNames = ProjectNames.load(projectRegistry);
        agents = new AgentTableModel(agentRegistry);
    }

    public void filterChanged() {
        TablePaging.rewind(TABLE_ID);
    }

    public String projectName(Agent agent) {
        return projectNames.nameOf(agent.getProject().getId());
    }

    public long taskCount(Agent agent) {
        return agents.taskCount(agent.getId());
    }

    public String getProjectId() {
        return agents.getProjectId();
    }

    public void setProjectId(String projectId) {
        agents.setProjectId(projectId == null || projectId.isBlank() ? null : projectId);
    }

    public ProjectNames getProjectNames() {
        return projectNames;
    }

    public LazyDataModel<Agent> getAgents() {
        return agents;
    }
}
