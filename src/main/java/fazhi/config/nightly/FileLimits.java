package fazhi.config.nightly;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The budget of one input file: its size, and the time its extraction may take, for reports and for
 * tables of figures (which stream, so theirs are far larger). Properties {@code fazhi.limits.*}, or
 * {@code --limit NAME=VALUE} on the command line; defaults in {@link ExtractionStepsConfiguration}.
 */
public record FileLimits(DataSize reportSize, DataSize tableSize, Duration reportTime, Duration tableTime) {

    public DataSize size(boolean table) {
        return table ? tableSize : reportSize;
    }

    public Duration time(boolean table) {
        return table ? tableTime : reportTime;
    }
}
