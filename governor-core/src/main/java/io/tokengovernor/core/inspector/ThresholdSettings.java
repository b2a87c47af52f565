package io.tokengovernor.core.inspector;

/**
 * Bounds of the adaptive checkpoint threshold, as shares of a budget: the default (0.9 unless
 * configured) is lowered per task, but never below {@code min} nor above {@code max}.
 */
public record ThresholdSettings(double defaultThreshold, double min, double max) {

    public static final ThresholdSettings DEFAULTS = new ThresholdSettings(0.90, 0.50, 0.95);

    public ThresholdSettings {
        if (!(min > 0 && min <= defaultThreshold && defaultThreshold <= max && max <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < min <= default <= max <= 1, got min "
                    + min + ", default " + defaultThreshold + ", max " + max);
        }
    }
}
