package io.tokengovernor.faces.agents;

import io.tokengovernor.registry.boundary.AgentRegistry;
import io.tokengovernor.registry.entity.Agent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the agents table through {@link AgentRegistry}, oldest first, and counts each shown agent's tasks. */
class AgentTableModel extends LazyDataModel<Agent> {

    private static final long serialVersionUID = 1L;

    private final AgentRegistry registry;
    private final HashMap<String, Long> taskCounts = new HashMap<>();
    private String projectId;

    AgentTableModel(AgentRegistry registry) {
        this.registry = registry;
    }

    /** The project whose agents to show; null shows every project's. */
    String getProjectId() {
        return projectId;
    }

    void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    @Override
    public int count(Map<String, FilterMeta> columnFilters) {
        return Math.toIntExact(registry.count(projectId));
    }

    @Override
    public List<Agent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> columnFilters) {
        int size = Math.max(1, pageSize);
        List<Agent> agents = registry.list(projectId, first / size, size);
        taskCounts.clear();
        agents.forEach(agent -> taskCounts.put(agent.getId(), registry.taskCount(agent.getId())));
        return agents;
    }

    long taskCount(String agentId) {
        return taskCounts.getOrDefault(agentId, 0L);
    }

    @Override
    public String getRowKey(Agent agent) {
        return agent.getId();
    }
}
