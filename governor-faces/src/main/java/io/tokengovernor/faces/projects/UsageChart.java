package io.tokengovernor.faces.projects;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Chart.js 4 configuration of a project's usage line chart, for {@code p:chart}: tokens per
 * bucket on the left axis, the running total dashed on the right one. Time labels are UTC text on a
 * category axis, as PrimeFaces bundles no Chart.js date adapter.
 */
public final class UsageChart {

    static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final String BLUE = "#3b82f6";
    private static final String BLUE_FILL = "rgba(59, 130, 246, 0.15)";
    private static final String ORANGE = "#f59e0b";

    private UsageChart() {
    }

    /** The configuration as JSON; {@code dark} picks text and grid colours readable on the dark theme. */
    public static String json(UsageSeries series, boolean dark) {
        return config(series, dark).toString();
    }

    static JsonObject config(UsageSeries series, boolean dark) {
        DateTimeFormatter labelFormat = series.resolution() == UsageSeries.Resolution.HOUR ? HOUR_LABEL : DAY_LABEL;
        String unit = series.resolution() == UsageSeries.Resolution.HOUR ? "hour" : "day";
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder perBucket = Json.createArrayBuilder();
        JsonArrayBuilder cumulative = Json.createArrayBuilder();
        for (UsageSeries.Bucket bucket : series.buckets()) {
            labels.add(labelFormat.format(bucket.start()));
            perBucket.add(bucket.tokens());
            cumulative.add(bucket.cumulative());
        }
        JsonObjectBuilder perBucketSet = Json.createObjectBuilder()
                .add("label", "Tokens per " + unit).add("data", perBucket)
                .add("borderColor", BLUE).add("backgroundColor", BLUE_FILL)
                .add("fill", true).add("tension", 0.3).add("cubicInterpolationMode", "monotone")
                .add("yAxisID", "y");
        JsonObjectBuilder cumulativeSet = Json.createObjectBuilder()
                .add("label", "Cumulative").add("data", cumulative)
                .add("borderColor", ORANGE).add("backgroundColor", ORANGE)
                .add("borderDash", Json.createArrayBuilder().add(6).add(4))
                .add("pointRadius", 0).add("fill", false).add("yAxisID", "y1");
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(perBucketSet).add(cumulativeSet)))
                .add("options", options(unit, dark))
                .build();
    }

    private static JsonObjectBuilder options(String unit, boolean dark) {
        String text = dark ? "#cbd5e1" : "#475569";
        String grid = dark ? "rgba(255, 255, 255, 0.08)" : "rgba(0, 0, 0, 0.08)";
        return Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")
                                .add("labels", Json.createObjectBuilder().add("color", text))))
                .add("scales", Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder()
                                .add("ticks", Json.createObjectBuilder().add("color", text).add("maxRotation", 0)
                                        .add("autoSkip", true))
                                .add("grid", Json.createObjectBuilder().add("color", grid)))
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("color", text))
                                .add("grid", Json.createObjectBuilder().add("color", grid))
                                .add("title", title("tokens per " + unit, text)))
                        .add("y1", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right")
                                .add("ticks", Json.createObjectBuilder().add("color", text))
                                // the right axis draws no grid of its own: one grid, the left axis's
                                .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                                .add("title", title("cumulative", text))));
    }

    private static JsonObjectBuilder title(String label, String text) {
        return Json.createObjectBuilder().add("display", true).add("text", label).add("color", text);
    }
}
