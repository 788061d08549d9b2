package fazhi.rank;

/**
 * A row of {@code ranking_steps}: the chain of named datasets raw → screened → transformed → treated →
 * normalised → aggregated → ranked, in long format. Indicator "index" carries the score (aggregated) and
 * the rank (ranked).
 */
public record RankingStepRow(int year, String provinceCode, String regionCode, String indicator, String step,
                             Double value) {
}
