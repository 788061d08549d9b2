package fazhi.rank;

import java.util.Locale;

/**
 * The named steps of a ranking, as COINr names its datasets: the chain raw → screened → transformed → treated →
 * imputed → normalised → aggregated → ranked of {@code ranking_steps}, with the framework itself and the
 * uncertainty analysis in {@code ranking_log}. The word published in the {@code step} columns is {@link #sql()}.
 */
public enum RankingStep {
    FRAMEWORK, RAW, SCREENED, TRANSFORMED, TREATED, IMPUTED, NORMALISED, AGGREGATED, CONTRIBUTION, RANKED, UNCERTAINTY;

    /** The word in the warehouse's step columns ("normalised"). */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
