package fazhi.correct;

import java.time.Instant;
import java.util.Objects;

/**
 * A statistician's correction of one figure of the warehouse: the figure of {@code indicator} that region
 * {@code regionCode} reported for {@code year} is {@code value} (with {@code qualifier}), or the report does not
 * state it at all ({@code notReported}). One row of a corrections file ({@link CorrectionsFile}).
 *
 * @param value       the corrected figure in the indicator's unit; null when not reported (or when the
 *                    qualifier is {@code redacted})
 * @param qualifier   exact, at_least, approx, at_most or redacted; null when not reported
 * @param recordedAt  when the correction was made; a later correction of the same figure wins. Null for an
 *                    undated row of a hand-written file (older than any dated one)
 * @param evidence    what the figure was checked against (the sentence, a page of the printed report, a call)
 */
public record Correction(String regionCode, int year, String indicator, Double value, String qualifier,
                         boolean notReported, String reason, String by, Instant recordedAt, String evidence) {
    public static final String EXACT = "exact";

    public Correction {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(indicator, "indicator");
        if (!notReported && qualifier == null) {
            qualifier = EXACT;
        }
        if (notReported) {
            value = null;
            qualifier = null;
        }
    }

    /** The figure is {@code value} ({@code qualifier}, exact when null), recorded now. */
    public static Correction value(String regionCode, int year, String indicator, double value, String qualifier,
                                   String reason, String by, String evidence) {
        return new Correction(regionCode, year, indicator, value, qualifier, false, reason, by, now(), evidence);
    }

    /** The report does not state the figure: what was extracted is taken out of observations. Recorded now. */
    public static Correction notReported(String regionCode, int year, String indicator, String reason, String by,
                                         String evidence) {
        return new Correction(regionCode, year, indicator, null, null, true, reason, by, now(), evidence);
    }

    /** Now, to the second (as the file keeps it). */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The figure as people read it: {@code 42 (exact)}, {@code not reported}. */
    public String describeValue() {
        if (notReported) {
            return "not reported";
        }
        return (value == null ? "no value" : Figures.plain(value)) + " (" + qualifier + ")";
    }
}
