package io.tokengovernor.cli.usage;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The report invocations the differential test compares on one corpus: each of the five reports once,
 * plus one more daily or session report, with options drawn at random (cost mode, order, breakdown, a
 * day range in either format, start of week, token limit, block length, daily's --instances and --project), always as JSON in the corpus'
 * zone. The same arguments are token-gov's; {@link #asCcusage} names ccusage's Claude reports.
 */
final class ReportDraw {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private ReportDraw() {
    }

    static List<List<String>> reports(Random random, String zone) {
        List<List<String>> reports = new ArrayList<>();
        for (String report : List.of("daily", "weekly", "monthly", "session", "blocks",
                random.nextBoolean() ? "daily" : "session")) {
            List<String> args = new ArrayList<>(List.of(report, "--json", "--timezone", zone));
            int mode = random.nextInt(4);
            if (mode > 0) {
                args.addAll(List.of("--mode", mode == 1 ? "auto" : mode == 2 ? "calculate" : "display"));
            }
            if (random.nextInt(3) == 0) {
                args.addAll(List.of("--order", random.nextBoolean() ? "desc" : "asc"));
            }
            if (random.nextInt(3) == 0) {
                args.add("--breakdown");
            }
            if (random.nextInt(3) == 0) {
                range(random, args);
            }
            if (report.equals("weekly") && random.nextInt(3) == 0) {
                args.addAll(List.of("--start-of-week", random.nextBoolean() ? "monday" : "wednesday"));
            }
            if (report.equals("daily") && random.nextInt(3) == 0) {
                args.add("--instances");
            }
            if (report.equals("daily") && random.nextInt(4) == 0) {
                // ccusage reads a value starting with '-' as a missing value, so the = form
                args.add("--project=" + RandomLogCorpus.PROJECTS[random.nextInt(RandomLogCorpus.PROJECTS.length)]);
            }
            if (report.equals("blocks") && random.nextInt(3) == 0) {
                args.addAll(List.of("--token-limit", random.nextBoolean() ? "max" : Integer.toString(random.nextInt(2_000_000))));
            }
            if (report.equals("blocks") && random.nextInt(5) == 0) {
                args.addAll(List.of("--session-length", Integer.toString(1 + random.nextInt(8))));
            }
            reports.add(args);
        }
        return reports;
    }

    /** {@code --since} and/or {@code --until} inside the corpus' days, as YYYYMMDD or YYYY-MM-DD. */
    private static void range(Random random, List<String> args) {
        var since = RandomLogCorpus.FIRST_DAY.plusDays(random.nextInt(RandomLogCorpus.DAYS));
        var until = since.plusDays(random.nextInt(5));
        int which = random.nextInt(3);
        if (which != 1) {
            args.addAll(List.of("--since", random.nextBoolean() ? since.format(COMPACT) : since.toString()));
        }
        if (which != 0) {
            args.addAll(List.of("--until", random.nextBoolean() ? until.format(COMPACT) : until.toString()));
        }
    }

    /** ccusage's arguments for the same report: {@code claude <report>}, except {@code blocks}. */
    static List<String> asCcusage(List<String> report) {
        List<String> args = new ArrayList<>();
        if (!report.get(0).equals("blocks")) {
            args.add("claude");
        }
        args.addAll(report);
        return args;
    }
}
