package io.tokengovernor.faces.layout;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A page about one project opened from a "project" menu: the browser is sent to the page's address with the
 * chosen project, so the address can be shared and reloaded like any link to it.
 */
public final class ProjectChoice {

    private ProjectChoice() {
    }

    /** Sends the browser to {@code page} (a view id such as {@code /plans.xhtml}) for {@code projectId}, or none. */
    public static void open(String page, String projectId) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, List<String>> parameters = projectId == null ? Map.of() : Map.of("project", List.of(projectId));
        external.redirect(external.encodeRedirectURL(external.getRequestContextPath() + page, parameters));
    }
}
