package io.tokengovernor.cli.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import io.tokengovernor.cli.server.ServerProblem;
import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.LogFolders;
import io.tokengovernor.core.claudelog.LogScan;
import io.tokengovernor.core.claudelog.LogTail;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.UsageLog;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "measure",
        description = {"Import Claude Code's usage logs into a project's ledger (as ccusage reads them).",
                "A task per session (and a child task per subagent file) and an agent per log file are registered",
                "unless --mapping says otherwise. Event ids are message.id:requestId, so importing again adds nothing.",
                "With --follow it keeps tailing the logs and sends new usage within seconds."},
        footer = {"", "Example:", "  token-gov measure --ccusage --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11"})
public class MeasureCommand extends ServerCommand {

    static final int DEFAULT_BATCH = 2_000;

    @Option(names = "--ccusage", required = true,
            description = "Read Claude Code's JSONL logs (CLAUDE_CONFIG_DIR, else ~/.config/claude and ~/.claude).")
    boolean ccusage;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project to charge.")
    String projectId;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "JSON: {\"sessions\":{\"<session id>\":{\"taskId\":…,\"agentId\":…,\"agentType\":…}}}")
    Path mappingFile;

    @Option(names = "--task-budget", paramLabel = "TOKENS",
            description = "Budget of each task registered for a session; default: the project's budget.")
    Long taskBudget;

    @Option(names = "--batch-size", defaultValue = "" + DEFAULT_BATCH, description = "Events per request (1-10000).")
    int batchSize;

    @Option(names = "--follow", description = "Keep tailing the logs after the import (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS",
            description = "How often --follow looks for new lines.")
    int intervalSeconds;

    private final Set<String> registeredTasks = new HashSet<>();

    @Override
    protected void run(GovernorServer server, Console console) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be 1 to 10000");
        }
        SessionMapping mapping = readMapping();
        LogFolders folders = folders();
        JsonNode project = server.get("/api/projects/" + GovernorServer.segment(projectId)).json();
        long budget = taskBudget != null ? taskBudget : project.path("tokenBudget").asLong();
        UsageLog.Pricing pricing = new UsageLog.Pricing(PriceTable.embedded(), CostMode.AUTO, ZoneOffset.UTC);
        Progress progress = new Progress(spec.commandLine().getErr(), !console.wantsJson());

        ImportedLog log = new ImportedLog(mapping, pricing);
        List<Path> files = folders.logFiles();
        LogScan.withAvailableCores(Reading.ENTRIES.parser(), null).read(files, log::add);
        ImportSummary summary = send(server, log, budget, progress);
        summary.files = files.size();
        summary.skippedLines = log.skippedLines();
        if (!follow) {
            if (console.wantsJson()) {
                console.printJson(summary.toJson());
            } else {
                console.line(summary.describe(project.path("name").asText(projectId)));
            }
            return;
        }
        spec.commandLine().getOut().println(summary.describe(project.path("name").asText(projectId))
                + " Following the logs; Ctrl-C to stop.");
        spec.commandLine().getOut().flush();
        followLogs(server, folders, mapping, pricing, budget, progress);
    }

    private void followLogs(GovernorServer server, LogFolders folders, SessionMapping mapping,
            UsageLog.Pricing pricing, long budget, Progress progress) {
        LogTail tail = new LogTail(folders, Reading.ENTRIES.parser());
        tail.poll(); // everything up to now was imported above
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.SECONDS.sleep(Math.max(1, intervalSeconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<LogFile> appended = tail.poll();
            if (appended.isEmpty()) {
                continue;
            }
            ImportedLog fresh = new ImportedLog(mapping, pricing);
            appended.forEach(fresh::add);
            ImportSummary sent = send(server, fresh, budget, progress);
            spec.commandLine().getOut().println("+" + sent.accepted + " new events (" + sent.duplicates
                    + " already recorded)");
            spec.commandLine().getOut().flush();
        }
    }

    private ImportSummary send(GovernorServer server, ImportedLog log, long budget, Progress progress) {
        ImportSummary summary = new ImportSummary();
        for (LogWork work : log.works()) {
            if (registeredTasks.add(work.taskId()) && register(server, work, budget)) {
                summary.tasksRegistered++;
            }
        }
        List<ImportBatch.Event> events = log.events();
        summary.events = events.size();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<ImportBatch.Event> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            JsonNode answer = server.post("/api/usage/batch", new ImportBatch(batch)).json();
            summary.accepted += answer.path("accepted").asInt();
            summary.duplicates += answer.path("duplicates").asInt();
            progress.show(from + batch.size(), events.size());
        }
        progress.done();
        return summary;
    }

    /** @return whether the task was new; an existing one (even registered differently) is used as it is */
    private boolean register(GovernorServer server, LogWork work, long budget) {
        TaskRegistration task = new TaskRegistration(work.taskId(), projectId, work.agentId(), work.agentType(),
                work.subagent() ? work.sessionTaskId() : null, budget, budget, "Claude Code " + work.label());
        try {
            ServerAnswer answer = server.post("/api/tasks/register", task);
            return answer.status() == 201;
        } catch (ServerProblem problem) {
            if (problem.status() == 409) {
                return false;
            }
            throw problem;
        }
    }

    private SessionMapping readMapping() {
        if (mappingFile == null) {
            return SessionMapping.none();
        }
        try {
            return SessionMapping.read(mappingFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private LogFolders folders() {
        try {
            return LogFolders.from(((io.tokengovernor.cli.TokenGov) spec.root().userObject()).environment());
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The body of {@code POST /api/tasks/register} for a session or subagent task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskRegistration(String id, String projectId, String agentId, String agentType, String parentTaskId,
            Long estimatedTokens, Long tokenBudget, String description) {
    }
}
