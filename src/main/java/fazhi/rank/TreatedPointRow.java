package fazhi.rank;

/**
 * A row of {@code ranking_treated_points}: one value changed by the outlier treatment.
 *
 * @param scope  the province code, or "nation", over which the indicator was treated
 * @param action winhi / winlo (winsorised from above / below) or log_ct (COINr log transform)
 */
public record TreatedPointRow(int year, String scope, String provinceCode, String regionCode, String indicator,
                              String action, double valueBefore, double valueAfter) {
}
