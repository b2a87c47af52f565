package io.tokengovernor.faces.projects;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.inspector.boundary.overview.HourlyUsage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageChartTest {

    private static final UsageSeries HOURLY = UsageSeries.of(List.of(
            new HourlyUsage(Instant.parse("2026-11-29T09:00:00Z"), 900),
            new HourlyUsage(Instant.parse("2026-11-29T10:00:00Z"), 50)));

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aLineChartOfTokensPerBucketAndTheRunningTotal() {
        JsonObject chart = parse(UsageChart.json(HOURLY, false));

        assertThat(chart.getString("type")).isEqualTo("line");
        JsonObject data = chart.getJsonObject("data");
        assertThat(data.getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("11-29 09:00", "11-29 10:00");
        var datasets = data.getJsonArray("datasets");
        assertThat(datasets.getJsonObject(0).getString("label")).isEqualTo("Tokens per hour");
        assertThat(datasets.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[900,50]");
        assertThat(datasets.getJsonObject(1).getString("label")).isEqualTo("Cumulative");
        assertThat(datasets.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[900,950]");
        assertThat(datasets.getJsonObject(1).getString("yAxisID")).isEqualTo("y1");
    }

    @Test
    void dailySeriesAreLabelledWithTheirDate() {
        UsageSeries daily = UsageSeries.of(List.of(
                new HourlyUsage(Instant.parse("2026-11-20T09:00:00Z"), 1),
                new HourlyUsage(Instant.parse("2026-11-29T09:00:00Z"), 2)));

        JsonObject chart = parse(UsageChart.json(daily, false));

        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0)).isEqualTo("2026-11-20");
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getString("label"))
                .isEqualTo("Tokens per day");
        assertThat(chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y")
                .getJsonObject("title").getString("text")).isEqualTo("tokens per day");
    }

    @Test
    void theDarkThemeGetsLightText() {
        String light = parse(UsageChart.json(HOURLY, false)).getJsonObject("options").getJsonObject("scales")
                .getJsonObject("x").getJsonObject("ticks").getString("color");
        String dark = parse(UsageChart.json(HOURLY, true)).getJsonObject("options").getJsonObject("scales")
                .getJsonObject("x").getJsonObject("ticks").getString("color");

        assertThat(dark).isNotEqualTo(light).isEqualTo("#cbd5e1");
    }
}
