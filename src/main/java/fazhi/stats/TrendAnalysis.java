package fazhi.stats;

/** All trend statistics of one series (t = real years, y = non-null values), as one {@link TrendRow}. */
public final class TrendAnalysis {
    /** Series with fewer distinct years get no row. */
    public static final int MIN_YEARS = 3;
    public static final double ALPHA = 0.05;

    private TrendAnalysis() {
    }

    /**
     * @param years ascending years, one value each
     * @return the row, or null when the series has fewer than {@link #MIN_YEARS} points
     */
    /**
     * @param regionCodes the codes the series was reported under (see {@link TrendRow#regionCodes()})
     */
    public static TrendRow analyse(String regionCode, String regionCodes, boolean synthetic, String provinceCode,
                                   String indicator, int[] years, double[] values, String runId) {
        int n = years.length;
        if (n < MIN_YEARS) {
            return null;
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = years[i];
        }
        OlsTrend.Result ols = OlsTrend.fit(t, values);
        TheilSen.Result sen = TheilSen.estimate(t, values);
        MannKendall.Result mk = MannKendall.test(t, values);
        Double p = mk.p();
        return new TrendRow(regionCode, indicator, n, years[0], years[n - 1],
                ols.slope(), ols.ciLow(), ols.ciHigh(),
                sen.slope(), mk.s(), mk.z(), p, mk.tauB(), TrendDirection.of(mk.s(), p, ALPHA).code(),
                provinceCode, ols.p(), sen.intercept(), sen.ciLow(), sen.ciHigh(),
                mk.varS(), p == null ? null : mk.exact() ? "exact" : "normal", regionCodes, synthetic, runId);
    }
}
