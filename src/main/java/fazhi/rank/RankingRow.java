package fazhi.rank;

/**
 * A row of the {@code rankings} table (SPEC §5), partitioned by year. Not-ranked counties are listed too,
 * with ranked = false and the reason; their score and ranks are null.
 *
 * @param score          the composite score (unrounded), with the framework's main methods
 * @param rank           1 = best within province and year; ties share the smaller rank
 * @param rankP05        5th percentile of the county's rank over the Monte Carlo draws (R quantile type 1)
 * @param rankMedian     median rank over the draws
 * @param rankP95        95th percentile rank over the draws
 * @param indicatorsUsed reported indicators that entered the score
 * @param indicatorsImputed imputed indicators that entered the score
 * @param coverage       share of the framework's indicators the county reported (0..1)
 */
public record RankingRow(int year, String provinceCode, String regionCode, String regionName, Double score,
                         Integer rank, Integer rankP05, Integer rankMedian, Integer rankP95, int indicatorsUsed, int indicatorsImputed,
                         double coverage, boolean ranked, String notRankedReason, boolean synthetic,
                         String framework, String runId) {
}
