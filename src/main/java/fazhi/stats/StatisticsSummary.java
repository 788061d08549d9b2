package fazhi.stats;

import java.util.List;

/**
 * What one statistics run wrote.
 *
 * @param seriesSkipped       series left out because a year occurs twice (observations promise one per year)
 * @param benfordInsufficient province-years with too few figures for a conformity label
 * @param disclosureRows      reports scored by the disclosure index
 */
public record StatisticsSummary(long trends, long increasing, long decreasing, long seriesSkipped,
                                long outlierRows, long outliersFlagged, List<Integer> outlierYears,
                                long benfordRows, long benfordNonconforming,
                                long benfordInsufficient, long disclosureRows) {
}
