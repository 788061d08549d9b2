package fazhi.rank;

/**
 * A row of {@code ranking_treated_points}: one value changed by the outlier treatment, or filled in by the
 * imputation.
 *
 * @param scope       the province code, or "nation", over which the indicator was treated or imputed
 * @param action      winhi / winlo (winsorised from above / below), log_ct (COINr log transform) or imputed
 * @param method      the treatment (winsorise, log_ct) or the imputation method (province_median, county_position)
 * @param valueBefore the value before treatment; null for an imputed point (nothing was reported)
 */
public record TreatedPointRow(int year, String scope, String provinceCode, String regionCode, String indicator,
                              String action, String method, Double valueBefore, double valueAfter) {
}
