package io.tokengovernor.usage.entity;

import java.util.List;

/**
 * Events sent together, and the project the sender's key is confined to (null for the admin key):
 * a batch that names a task of another project is refused whole.
 */
public record UsageBatch(List<UsageEvent> events, String scopeProjectId) {

    public UsageBatch {
        events = List.copyOf(events);
    }

    public int size() {
        return events.size();
    }

    public UsageEvent get(int index) {
        return events.get(index);
    }
}
