package io.tokengovernor.core.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-day tallies of a replay, dated in the policy's zone. */
final class Timeline {

    private final ZoneId zone;
    private final Map<LocalDate, long[]> days = new TreeMap<>();

    Timeline(ZoneId zone) {
        this.zone = zone;
    }

    void spent(Instant at, long tokens) {
        day(at)[0] += tokens;
    }

    void checkpoint(Instant at) {
        day(at)[1]++;
    }

    void pause(Instant at) {
        day(at)[2]++;
    }

    void resume(Instant at) {
        day(at)[3]++;
    }

    void prevented(Instant at, long tokens) {
        day(at)[4] += tokens;
    }

    List<SimulationReport.Day> days() {
        return days.entrySet().stream()
                .map(day -> new SimulationReport.Day(day.getKey(), day.getValue()[0], (int) day.getValue()[1],
                        (int) day.getValue()[2], (int) day.getValue()[3], day.getValue()[4]))
                .toList();
    }

    private long[] day(Instant at) {
        return days.computeIfAbsent(at.atZone(zone).toLocalDate(), date -> new long[5]);
    }
}
