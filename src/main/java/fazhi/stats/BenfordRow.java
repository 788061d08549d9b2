package fazhi.stats;

/**
 * A row of {@code benford}: the first-digit test of one province-year's reported counts (real and synthetic
 * counts apart).
 *
 * @param conformity        Nigrini's band, or {@code insufficient_data} below {@code benford.min_figures} figures
 *                          (jobs/statistics.yaml: below it even perfectly Benford data often lands in the
 *                          nonconformity band)
 * @param chiSquareReliable false when n &lt; 110 (some expected count below 5)
 */
public record BenfordRow(String provinceCode, int year, long n, double chiSquare, int df, double pValue,
                         double mad, String conformity, boolean chiSquareReliable,
                         long d1, long d2, long d3, long d4, long d5, long d6, long d7, long d8, long d9,
                         boolean synthetic, String runId) {
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    public static BenfordRow of(String provinceCode, int year, long[] counts, int minFigures, boolean synthetic,
                                String runId) {
        BenfordTest.Result r = BenfordTest.test(counts);
        String conformity = r.n() >= minFigures ? r.conformity().code() : INSUFFICIENT_DATA;
        return new BenfordRow(provinceCode, year, r.n(), r.chiSquare(), BenfordTest.DF, r.p(), r.mad(),
                conformity, r.n() >= BenfordTest.MIN_N_FOR_CHI_SQUARE,
                counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9],
                synthetic, runId);
    }
}
