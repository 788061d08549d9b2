package fazhi.rank;

import java.util.Locale;

/** What was done to one value before ranking: the {@code action} of ranking_treated_points. */
public enum TreatmentAction {
    /** winsorised from above: set to the largest other value */
    WINHI,
    /** winsorised from below: set to the smallest other value */
    WINLO,
    /** the COINr log transform of the whole indicator */
    LOG_CT,
    /** a missing value filled in */
    IMPUTED;

    /** The word the warehouse uses: winhi, winlo, log_ct, imputed. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
