package io.tokengovernor.web.agents;

import io.tokengovernor.web.PageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of agents (a named type so that OpenAPI shows the item schema). */
@Schema(name = "AgentPage")
public class AgentPageView extends PageView<AgentView> {
}
