package io.tokengovernor.core.plan;

import io.tokengovernor.core.registry.Complexity;

/**
 * How many agents a project gets, by the seed's criteria: one below 10 files and 20 calls; two or three from 10 to
 * 50 files or 20 to 100 calls; four or five above 50 files or 100 calls; never more than five.
 *
 * <p>Within a band the larger count is taken when both measures are past the first band (10 files and 20 calls),
 * or when the tasks are {@code VERY_COMPLEX}: a project that is large on one measure only and has ordinary tasks
 * gets the smaller count.
 */
public record AgentAllocation(Band band, int agents, String reason) {

    /** At most this many agents, whatever the project. */
    public static final int MAX_AGENTS = 5;

    /** The seed's three bands. */
    public enum Band {
        ONE(1, 1, "< 10 files and < 20 API calls"),
        TWO_TO_THREE(2, 3, "10–50 files or 20–100 API calls"),
        FOUR_TO_FIVE(4, 5, "> 50 files or > 100 API calls");

        private final int fewest;
        private final int most;
        private final String criterion;

        Band(int fewest, int most, String criterion) {
            this.fewest = fewest;
            this.most = most;
            this.criterion = criterion;
        }

        /** The seed's words for the projects this band is for. */
        public String criterion() {
            return criterion;
        }

        public int fewest() {
            return fewest;
        }

        public int most() {
            return most;
        }
    }

    public AgentAllocation {
        if (agents < band.fewest() || agents > band.most()) {
            throw new IllegalArgumentException(agents + " agents is outside band " + band);
        }
    }

    /** The allocation the criteria give for an inspection. */
    public static AgentAllocation of(ProjectInspection inspection) {
        Band byFiles = bandOfFiles(inspection.fileCount());
        Band byCalls = bandOfCalls(inspection.apiCalls());
        Band band = byFiles.compareTo(byCalls) >= 0 ? byFiles : byCalls;
        if (band == Band.ONE) {
            return new AgentAllocation(band, 1, inspection.fileCount() + " files (< 10) and " + inspection.apiCalls()
                    + " API calls (< 20): one agent does setup, PRs and the work");
        }
        boolean bothReach = byFiles != Band.ONE && byCalls != Band.ONE;
        boolean veryComplex = inspection.taskComplexity() == Complexity.VERY_COMPLEX;
        int agents = bothReach || veryComplex ? band.most() : band.fewest();
        return new AgentAllocation(band, agents, describe(inspection, band, byFiles, byCalls, bothReach, veryComplex));
    }

    /** The band a file count alone falls in. */
    public static Band bandOfFiles(long files) {
        return files > 50 ? Band.FOUR_TO_FIVE : files >= 10 ? Band.TWO_TO_THREE : Band.ONE;
    }

    /** The band a number of API calls alone falls in. */
    public static Band bandOfCalls(long calls) {
        return calls > 100 ? Band.FOUR_TO_FIVE : calls >= 20 ? Band.TWO_TO_THREE : Band.ONE;
    }

    private static String describe(ProjectInspection inspection, Band band, Band byFiles, Band byCalls,
            boolean bothReach, boolean veryComplex) {
        String range = band.criterion();
        String measures = inspection.fileCount() + " files, " + inspection.apiCalls() + " API calls";
        String why;
        if (bothReach) {
            why = "both measures are past the one-agent band: the larger count";
        } else if (veryComplex) {
            why = "VERY_COMPLEX tasks: the larger count";
        } else {
            why = "only the " + (byFiles == band ? "file count" : "API calls") + " is past the one-agent band and tasks are "
                    + inspection.taskComplexity() + ": the smaller count";
        }
        return measures + " (" + range + "): " + why;
    }
}
