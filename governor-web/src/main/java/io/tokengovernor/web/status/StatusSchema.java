package io.tokengovernor.web.status;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the status answer; the resource returns an ordered map so that absent fields take no tokens. */
@Schema(name = "Status", description = "Compact status; fields by level: tier and window (project), state, "
        + "checkpoint and estimate (task), estimate and priority (package), type and tier (agent)")
public class StatusSchema {

    @Schema(enumeration = {"project", "agent", "task", "package"})
    public String level;
    public String id;
    public long budget;
    public long used;
    public long reserved;
    public long remaining;
    public Integer tier;
    public String window;
    public String state;
    public String checkpoint;
    public Long estimate;
    public Integer priority;
    public String type;
    @Schema(description = "Task counts: total as 'tasks', then by state in lower case")
    public Map<String, Long> counts;
}
