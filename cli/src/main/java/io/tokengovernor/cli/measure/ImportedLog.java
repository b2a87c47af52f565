package io.tokengovernor.cli.measure;

import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.usage.DuplicateFilter;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.UsageEntries;
import io.tokengovernor.core.usage.UsageEntry;
import io.tokengovernor.core.usage.UsageLog;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log lines made into usage events: de-duplicated exactly as ccusage does (so the server's totals
 * equal ccusage's), each with its task and a stable event id: {@code message.id:requestId} (the
 * ledger's idempotency key), or, for the rare line without a message id, one derived from its file
 * and position.
 */
final class ImportedLog {

    private final Map<UsageEntry, LogWork> workOf = new IdentityHashMap<>();
    private final Map<UsageEntry, String> eventIdOf = new IdentityHashMap<>();
    private final DuplicateFilter filter = Reading.ENTRIES.duplicateFilter();
    private final SessionMapping mapping;
    private final UsageLog.Pricing pricing;
    private final Map<String, LogWork> works = new LinkedHashMap<>();
    private int skippedLines;

    ImportedLog(SessionMapping mapping, UsageLog.Pricing pricing) {
        this.mapping = mapping;
        this.pricing = pricing;
    }

    void add(LogFile file) {
        skippedLines += file.skippedLines();
        LogWork work = LogWork.of(file.path(), mapping);
        works.putIfAbsent(work.taskId(), work);
        for (UsageEntry entry : UsageEntries.of(file, pricing)) {
            workOf.put(entry, work);
            eventIdOf.put(entry, SessionTasks.eventIdOf(entry.line(), file.path()));
            filter.add(entry);
        }
    }

    /** Session tasks first, so that subagent tasks can name them as parents. */
    List<LogWork> works() {
        List<LogWork> ordered = new ArrayList<>();
        works.values().stream().filter(work -> !work.subagent()).forEach(ordered::add);
        works.values().stream().filter(LogWork::subagent).forEach(ordered::add);
        return ordered;
    }

    List<ImportBatch.Event> events() {
        List<ImportBatch.Event> events = new ArrayList<>();
        for (UsageEntry entry : filter.entries()) {
            events.add(ImportBatch.Event.of(entry, workOf.get(entry), eventIdOf.get(entry)));
        }
        return events;
    }

    int skippedLines() {
        return skippedLines;
    }
}
