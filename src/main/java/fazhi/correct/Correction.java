package fazhi.correct;

import fazhi.warehouse.NumberText;

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

    /** A redacted figure (reported, no value), recorded now. */
    public static Correction redacted(String regionCode, int year, String indicator, String reason, String by,
                                      String evidence) {
        return new Correction(regionCode, year, indicator, null, "redacted", false, reason, by, now(), evidence);
    }

    /**
     * A figure as a person writes it in a file or a cell ({@code 42}, {@code 98.5}, {@code 1,234}, {@code 1 234}),
     * read exactly: not Java's {@code NaN}, {@code 42d} or hex floats.
     *
     * @throws IllegalArgumentException naming the column and the text
     */
    public static double parseValue(String column, String text) {
        try {
            return new java.math.BigDecimal(text.replace(",", "").replace(" ", "")).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    /** @throws IllegalArgumentException "no year" or "year '…' is not a year" */
    public static int parseYear(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no year");
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year '" + text + "' is not a year");
        }
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
        return describe(value, qualifier);
    }

    /** {@code 42 (exact)}, {@code no value (redacted)}. */
    static String describe(Double value, String qualifier) {
        return (value == null ? "no value" : NumberText.plain(value)) + " (" + qualifier + ")";
    }
}
