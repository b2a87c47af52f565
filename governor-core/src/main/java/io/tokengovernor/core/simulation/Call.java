package io.tokengovernor.core.simulation;

import io.tokengovernor.core.usage.UsageEntry;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One model call of a replayed log: when, in which project folder, for which task, and how many tokens.
 * A session is one task; its sub-agent files count for the session.
 */
public record Call(Instant at, String project, String task, long tokens) {

    public Call {
        if (at == null || project == null || task == null || tokens < 0) {
            throw new IllegalArgumentException("a call needs a time, a project, a task and tokens >= 0");
        }
    }

    /** The de-duplicated log entries as calls in time order (ties keep the log order, so replays are repeatable). */
    public static List<Call> of(List<UsageEntry> entries) {
        return entries.stream()
                .map(entry -> new Call(Instant.ofEpochMilli(entry.timestamp()), entry.place().project(),
                        entry.place().project() + "/" + entry.place().sessionId(), entry.totalTokens()))
                .sorted(Comparator.comparing(Call::at))
                .toList();
    }
}
