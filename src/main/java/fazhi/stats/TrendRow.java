package fazhi.stats;

/**
 * A row of {@code trends}: one region's series of one indicator (SPEC §5 columns first, then extras).
 * Nullable columns are null where the statistic is undefined (see the README, Statistics).
 *
 * @param mkPMethod {@code exact} (permutation distribution of S) or {@code normal} (continuity-corrected
 *                  normal approximation); null when mk_p is undefined
 * @param regionCodes the codes the series was reported under, oldest first (more than one when the county was
 *                    recoded: 431121,431181); {@code regionCode} is the latest
 * @param synthetic   true for a series of synthetic figures (real and synthetic figures never share a series)
 */
public record TrendRow(String regionCode, String indicator, int n, int firstYear, int lastYear,
                       double olsSlope, double olsSlopeCiLow, double olsSlopeCiHigh,
                       double senSlope, long mkS, Double mkZ, Double mkP, Double kendallTau, String direction,
                       String provinceCode, Double olsP, double senIntercept, Double senCiLow, Double senCiHigh,
                       double mkVarS, String mkPMethod, String regionCodes, boolean synthetic,
                       String runId) {
}
