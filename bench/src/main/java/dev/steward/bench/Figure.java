package dev.steward.bench;

/**
 * One measured quantity with the baseline measured in the same run.
 *
 * @param name what was measured, e.g. "entries/s, PostgreSQL, batch 1000"
 * @param value the measured value
 * @param unit e.g. "ops/s", "ms"
 * @param baseline what the baseline is, e.g. "plain batched INSERT"; empty if the figure is itself a physical limit
 * @param baselineValue the baseline's value in the same unit, or NaN when there is none
 * @param goal the goal as text, e.g. ">= 50000", "<= 20 ms"; empty if none
 */
public record Figure(String name, double value, String unit, String baseline, double baselineValue, String goal) {

    public static Figure of(String name, double value, String unit, String goal) {
        return new Figure(name, value, unit, "", Double.NaN, goal);
    }

    public static Figure against(String name, double value, String unit, String baseline, double baselineValue,
            String goal) {
        return new Figure(name, value, unit, baseline, baselineValue, goal);
    }

    /** value / baseline, or NaN without a baseline. */
    public double ratio() {
        return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
