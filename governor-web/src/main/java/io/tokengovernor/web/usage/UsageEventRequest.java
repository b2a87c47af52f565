package io.tokengovernor.web.usage;

import io.tokengovernor.usage.entity.UsageEvent;
import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One usage event as agents send it (DESIGN.md §6). */
@Schema(name = "UsageEvent", description = "Tokens one model call used. The eventId is the idempotency key: "
        + "sending the same id again is accepted and never counted twice. For Claude Code logs use "
        + "message.id + requestId.")
public class UsageEventRequest {

    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    @Schema(required = true, example = "msg_01XyZ:req_011CQ")
    public String eventId;
    @NotBlank(message = "is required")
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(required = true)
    public String taskId;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(description = "Informational; the ledger attributes usage to the task's agent")
    public String agentId;
    @NotNull(message = "is required (RFC 3339)")
    @Schema(required = true, description = "When the call happened, RFC 3339")
    public Instant timestamp;
    @Size(max = 200, message = "must be at most 200 characters")
    @Schema(example = "claude-sonnet-4-5-20250929")
    public String model;
    @NotNull(message = "is required")
    @PositiveOrZero(message = "must be zero or more")
    public Long inputTokens;
    @NotNull(message = "is required")
    @PositiveOrZero(message = "must be zero or more")
    public Long outputTokens;
    @PositiveOrZero(message = "must be zero or more")
    public Long cacheCreationTokens;
    @PositiveOrZero(message = "must be zero or more")
    public Long cacheReadTokens;
    @PositiveOrZero(message = "must be zero or more")
    @Schema(description = "Cost in USD when the caller knows it")
    public Double costUsd;
    @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a short lower-case word such as sdk, "
            + "claude-code-log or simulation")
    @Schema(defaultValue = "sdk", example = "sdk")
    public String source;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(description = "The reservation this call used; recording the event settles it")
    public String reservationId;

    UsageEvent toEvent() {
        return new UsageEvent(eventId, Ids.normalise(taskId), Ids.normalise(agentId), timestamp, model, inputTokens,
                outputTokens, cacheCreationTokens == null ? 0 : cacheCreationTokens,
                cacheReadTokens == null ? 0 : cacheReadTokens, costUsd, source, Ids.normalise(reservationId));
    }
}
