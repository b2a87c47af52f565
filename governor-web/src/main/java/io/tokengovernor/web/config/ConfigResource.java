package io.tokengovernor.web.config;

import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.inspector.boundary.CheckpointPayloads;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.notify.control.NotifySettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server-wide settings in force (MicroProfile Config); no secrets. Projects override thresholds by PATCH. */
@Path("config")
@RequestScoped
@Tag(name = "inspector")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    InspectorSettings settings;

    @Inject
    NotifySettings notify;

    @Inject
    CheckpointPayloads payloads;

    @GET
    @Operation(summary = "Server-wide settings in force",
            description = "Threshold bounds, checkpoint grace, window zone, webhook retries, report interval and "
                    + "whether checkpoint payload storage is on. Set by configuration (see README).")
    @APIResponse(responseCode = "200", description = "OK")
    public Map<String, Object> settings() {
        ThresholdSettings thresholds = settings.thresholds();
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("default", thresholds.defaultThreshold());
        bounds.put("min", thresholds.min());
        bounds.put("max", thresholds.max());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("thresholds", bounds);
        answer.put("checkpointGraceSeconds", settings.checkpointGrace().toSeconds());
        answer.put("windowZone", settings.windowZone().getId());
        answer.put("webhookMaxRetries", notify.maxRetries());
        answer.put("webhookBackoffMs", notify.backoff().toMillis());
        answer.put("reportIntervalSeconds", notify.reportIntervalSeconds());
        answer.put("checkpointPayloads", payloads.enabled());
        return answer;
    }
}
