package fazhi.correct;

import java.util.Locale;

/** What became of a correction: the {@code status} of the corrections table. */
public enum CorrectionStatus {
    /** in force: the observation carries the corrected figure */
    APPLIED,
    /** the report was replaced since: not applied, to be recorded again after checking */
    NEEDS_REVIEW,
    /** a later correction of the same figure is in force */
    SUPERSEDED,
    /** no published report for the region and year yet */
    NO_REPORT,
    /** an error-severity validation rule holds the corrected figure back */
    HELD_BACK,
    /** the row cannot be used */
    INVALID;

    /** The word the warehouse uses: applied, needs_review, superseded, no_report, held_back, invalid. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word as an SQL string literal ('applied'). */
    public String sql() {
        return "'" + code() + "'";
    }
}
