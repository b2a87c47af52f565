package io.tokengovernor.cli.usage;

import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import io.tokengovernor.core.usage.ReportQuery;
import io.tokengovernor.core.usage.UsageLog;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The options every usage report shares; named as ccusage names them so scripts carry over. */
public final class ReportOptions {

    enum Order { ASC, DESC }

    @Option(names = {"-s", "--since"}, paramLabel = "YYYYMMDD", description = "First day (inclusive); YYYY-MM-DD also accepted.")
    String since;

    @Option(names = {"-u", "--until"}, paramLabel = "YYYYMMDD", description = "Last day (inclusive).")
    String until;

    @Option(names = {"-z", "--timezone"}, paramLabel = "ZONE", description = "IANA zone for grouping by day. Default: the system zone.")
    String timezone;

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "auto",
            description = "Cost source: auto (costUSD, else calculated), calculate, display. Default: ${DEFAULT-VALUE}.")
    CostMode mode;

    @Option(names = {"-o", "--order"}, paramLabel = "ORDER", defaultValue = "asc", description = "asc or desc. Default: ${DEFAULT-VALUE}.")
    Order order;

    @Option(names = {"-b", "--breakdown"}, description = "Show per-model rows in the table.")
    boolean breakdown;

    @Option(names = "--pricing", paramLabel = "FILE",
            description = "A newer price table laid over the built-in one (LiteLLM's model_prices_and_context_window.json or this tool's format).")
    Path pricing;

    @Option(names = {"-O", "--offline"}, description = "Accepted for ccusage compatibility; prices are always the built-in table (plus --pricing).")
    boolean offline;

    @Option(names = "--no-cache",
            description = "Read every log file whole instead of reusing the lines earlier runs read (~/.cache/token-governor).")
    boolean noCache;

    @Option(names = "--verbose", description = "Report skipped lines and unreadable files on stderr.")
    boolean verbose;

    ZoneId zone() {
        if (timezone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault(); // ccusage falls back to the system zone too
        }
    }

    ReportQuery query(DayOfWeek startOfWeek) {
        return new ReportQuery(since, until, order == Order.DESC, zone(), startOfWeek);
    }

    UsageLog.Pricing pricing() {
        PriceTable prices = PriceTable.embedded();
        if (pricing != null) {
            prices = prices.overlaidWith(pricing);
        }
        return new UsageLog.Pricing(prices, mode, zone());
    }
}
