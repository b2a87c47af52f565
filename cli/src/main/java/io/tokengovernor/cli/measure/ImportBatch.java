package io.tokengovernor.cli.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.usage.UsageEntry;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/usage/batch} for imported log lines. */
public record ImportBatch(List<Event> events) {

    /** One usage event in the server's wire format (DESIGN.md §6). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String eventId, String taskId, String agentId, String timestamp, String model, long inputTokens,
            long outputTokens, long cacheCreationTokens, long cacheReadTokens, Double costUsd, String source) {

        static Event of(UsageEntry entry, LogWork work, String eventId) {
            return of(entry, work.taskId(), work.agentId(), eventId);
        }

        public static Event of(UsageEntry entry, String taskId, String agentId, String eventId) {
            LogLine line = entry.line();
            return new Event(eventId, taskId, agentId, Instant.ofEpochMilli(line.timestamp()).toString(),
                    line.model(), line.inputTokens(), line.outputTokens(), line.cacheCreationTokens(),
                    line.cacheReadTokens(), entry.cost(), "claude-code-log");
        }
    }
}
