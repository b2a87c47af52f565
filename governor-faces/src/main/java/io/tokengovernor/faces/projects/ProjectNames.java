package io.tokengovernor.faces.projects;

import io.tokengovernor.registry.boundary.Listing;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.entity.Project;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Project names by id, alphabetical: the choices of a "project" filter and the labels of tables whose
 * rows only know a project's id. Holds the first {@value #LIMIT} projects by name.
 */
public final class ProjectNames implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LIMIT = Listing.MAX_SIZE;

    private final LinkedHashMap<String, String> namesById = new LinkedHashMap<>();

    private ProjectNames() {
    }

    public static ProjectNames load(ProjectRegistry registry) {
        ProjectNames names = new ProjectNames();
        for (Project project : registry.list(new Listing(Map.of(), "name", true, 0, LIMIT)).items()) {
            names.namesById.put(project.getId(), project.getName());
        }
        return names;
    }

    /** The project's name, or its id for a project registered after this list was read. */
    public String nameOf(String projectId) {
        return namesById.getOrDefault(projectId, projectId);
    }

    /** Id → name, in name order, for {@code f:selectItems}. */
    public Map<String, String> getById() {
        return namesById;
    }
}
