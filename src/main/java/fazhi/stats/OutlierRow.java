package fazhi.stats;

/**
 * A row of {@code outliers} (SPEC §5 columns first, then extras; {@code year} last, as the partition
 * column comes last in the view). On disk the rows of one year go to {@code outliers/year=Y/} as
 * {@link Partitioned} rows, which leave the year to the folder name.
 *
 * @param method          {@code modified_z} (the value itself) or {@code yoy_jump} (change from the year before)
 * @param level           administrative level of the region, from its code: peers are only compared with
 *                        regions of the same level ({@code county}, {@code prefecture}, {@code province})
 * @param scoredValue     the value on the compared scale (see {@link OutlierScale})
 * @param groupN          how many regions the peer group has (values with a score scale)
 * @param scale           what the distance from the median was divided by: max(group_mad, the scale floor)
 * @param notScoredReason why there is no score ({@code peer_group_too_small}, {@code no_spread},
 *                        {@code no_scale}); null when there is one
 * @param population      the residents the level of a count was divided by (log of (x + ½) per 100,000); null when the
 *                        figure was compared as it is (rates, jumps, or a peer without a population)
 * @param synthetic       true when the figure and its peers are synthetic (real and synthetic figures are never
 *                        peers of each other)
 * @param threshold       what |score| had to exceed in this peer group: the larger of 3.5 and the normal quantile
 *                        that keeps the chance of a false flag among group_n figures at family_alpha
 * @param elasticity      for a count compared per resident: the peers' elasticity of the count on population (the
 *                        Theil–Sen slope of log count on log population); null otherwise
 * @param repeatOfYear    for a flag that repeats the flag of the year before in the same series ({@link RepeatedFlags}):
 *                        that year; null for a finding of its own and for rows without a flag
 */
public record OutlierRow(String regionCode, String indicator, double value, String scope, String method,
                         Double score, boolean flagged, String provinceCode, String level, Double previousValue,
                         Double scoredValue, int groupN, Double groupMedian, Double groupMad, Double scale,
                         String notScoredReason, Long population, boolean synthetic, Double threshold,
                         Double elasticity, Integer repeatOfYear, String runId, int year) {

    /** The same row marked as repeating the flag of {@code previousYear}. */
    public OutlierRow repeating(int previousYear) {
        return new OutlierRow(regionCode, indicator, value, scope, method, score, flagged, provinceCode, level,
                previousValue, scoredValue, groupN, groupMedian, groupMad, scale, notScoredReason, population, synthetic,
                threshold, elasticity, previousYear, runId, year);
    }

    public Partitioned withoutYear() {
        return new Partitioned(regionCode, indicator, value, scope, method, score, flagged, provinceCode, level,
                previousValue, scoredValue, groupN, groupMedian, groupMad, scale, notScoredReason, population, synthetic,
                threshold, elasticity, repeatOfYear, runId);
    }

    /** The same row without the partition column. */
    public record Partitioned(String regionCode, String indicator, double value, String scope, String method,
                              Double score, boolean flagged, String provinceCode, String level,
                              Double previousValue, Double scoredValue, int groupN, Double groupMedian,
                              Double groupMad, Double scale, String notScoredReason, Long population,
                              boolean synthetic, Double threshold, Double elasticity, Integer repeatOfYear,
                              String runId) {
    }
}
