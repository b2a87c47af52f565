package io.tokengovernor.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API; the web module's context root {@code /api} is the base of every path. */
@ApplicationPath("")
@OpenAPIDefinition(
        info = @Info(title = "TokenGovernor API", version = "0.1.0",
                description = "Register projects, agents, tasks and task packages, and read their token status. "
                        + "Every error is RFC 9457 application/problem+json with a stable type.",
                license = @License(name = "Apache-2.0")),
        tags = {
            @Tag(name = "projects", description = "Projects and their budgets"),
            @Tag(name = "tasks", description = "Tasks and their lifecycle"),
            @Tag(name = "packages", description = "Task packages"),
            @Tag(name = "agents", description = "Agents, registered implicitly by tasks"),
            @Tag(name = "usage", description = "Usage reports: the durable ledger"),
            @Tag(name = "inspector", description = "Reservations, checkpoints and pauses"),
            @Tag(name = "scheduler", description = "Paused work comes back when tokens are available"),
            @Tag(name = "status", description = "Compact status for agents and people")
        })
public class RestApplication extends Application {
}
