package fazhi.config.nightly;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The budget of one input file: its size, and the time its extraction may take, for reports and for
 * tables of figures (which stream, so theirs are far larger). Properties {@code fazhi.limits.*}, or
 * {@code --limit NAME=VALUE} on the command line; defaults in {@link ExtractionStepsConfiguration}.
 */
public record FileLimits(DataSize reportSize, DataSize tableSize, Duration reportTime, Duration tableTime) {
    /** The names of the limits, as {@code --limit NAME=VALUE} and {@code fazhi.limits.NAME} take them. */
    public static final java.util.List<String> NAMES = java.util.List.of("report-size", "table-size", "report-time",
            "table-time");

    public DataSize size(boolean table) {
        return table ? tableSize : reportSize;
    }

    public Duration time(boolean table) {
        return table ? tableTime : reportTime;
    }
}
