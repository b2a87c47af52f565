package io.tokengovernor.web.projects;

import io.tokengovernor.web.PageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of projects (a named type so that OpenAPI shows the item schema). */
@Schema(name = "ProjectPage")
public class ProjectPageView extends PageView<ProjectView> {
}
