package fazhi.stats;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OLS, Theil–Sen, Mann–Kendall and Kendall's tau on a generated panel (n = 3 and n = 40, ties, gaps,
 * constant and exactly linear series, n >= 50) agree with R: lm / confint, cor(method = "kendall"),
 * cor.test(method = "kendall", exact = TRUE) and (exact = FALSE, continuity = TRUE), median, mad and
 * trend::sens.slope's definition.
 */
@Tag("r")
class TrendMethodsAgreeWithRTest {
    private static final double TOL = 1e-9;
    private static final double TOL_NORMAL_P = 1e-12;

    record Series(String id, double[] t, double[] y) {
    }

    static List<Series> panel() {
        Random rnd = new Random(20261122);
        List<Series> panel = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            panel.add(series("n3-" + k, years(2020, 3), rnd.doubles(3, 0, 1000).map(Math::rint).toArray()));
            panel.add(series("n3ties-" + k, years(2020, 3), shuffled(rnd, 5, 5, rnd.nextInt(10))));
            panel.add(series("n3gaps-" + k, new double[] {2015, 2015 + 1 + rnd.nextInt(4), 2024},
                    rnd.doubles(3, -50, 50).toArray()));
            double slope = rnd.nextGaussian();
            panel.add(series("n40-" + k, years(1985, 40), line(rnd, years(1985, 40), slope, 2 + k)));
            panel.add(series("n40ties-" + k, years(1985, 40), rnd.ints(40, 0, 6 + k).asDoubleStream().toArray()));
            panel.add(series("n55-" + k, years(1970, 55), line(rnd, years(1970, 55), slope / 10, 1)));
            double[] gapYears = gapYears(rnd, 4 + rnd.nextInt(12));
            panel.add(series("gaps-" + k, gapYears, line(rnd, gapYears, slope * 5, 3)));
            double[] countYears = years(2011, 10 + rnd.nextInt(5));
            panel.add(series("counts-" + k, countYears, rnd.doubles(countYears.length, 1e3, 1e6)
                    .map(Math::rint).toArray()));
            panel.add(series("rates-" + k, countYears, rnd.doubles(countYears.length, 90, 100)
                    .map(v -> Math.rint(v * 2) / 2).toArray()));
        }
        for (int n : new int[] {3, 4, 10, 40}) {
            double[] t = years(2000, n);
            panel.add(series("constant-" + n, t, constant(n, 42)));
            double[] rising = new double[n];
            for (int i = 0; i < n; i++) {
                rising[i] = 3 * t[i] - 6000;
            }
            panel.add(series("exactline-" + n, t, rising));
        }
        return panel;
    }

    @Test
    void everyTrendStatisticAgreesWithBaseR(@TempDir Path tmp) throws Exception {
        List<Series> panel = panel();
        Path in = tmp.resolve("series.csv");
        StringBuilder csv = new StringBuilder("series,t,y\n");
        for (Series s : panel) {
            for (int i = 0; i < s.t.length; i++) {
                csv.append(s.id).append(',').append(Double.toHexString(s.t[i])).append(',')
                        .append(Double.toHexString(s.y[i])).append('\n');
            }
        }
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path out = tmp.resolve("r.csv");
        RScript.run("trends.R", in, out);
        Map<String, Map<String, String>> r = RScript.readCsv(out, "series");
        assertThat(r).hasSize(panel.size());

        Agreement a = new Agreement();
        int exactCases = 0;
        int normalCases = 0;
        for (Series s : panel) {
            Map<String, String> row = r.get(s.id);
            OlsTrend.Result ols = OlsTrend.fit(s.t, s.y);
            TheilSen.Result sen = TheilSen.estimate(s.t, s.y);
            MannKendall.Result mk = MannKendall.test(s.t, s.y);
            a.check("ols_slope", s.id, ols.slope(), num(row, "ols_slope"), TOL);
            a.check("ols_ci_low", s.id, ols.ciLow(), num(row, "ci_low"), TOL);
            a.check("ols_ci_high", s.id, ols.ciHigh(), num(row, "ci_high"), TOL);
            if (ols.standardError() > 1e-9 * Math.max(1, Math.abs(ols.slope()))) {
                // with an exact fit R's p-value is rounding noise (its se is ~1e-16, ours 0)
                a.check("ols_p", s.id, ols.p(), num(row, "ols_p"), TOL);
            }
            a.check("kendall_tau", s.id, mk.tauB(), num(row, "tau"), TOL);
            a.check("mk_s", s.id, (double) mk.s(), num(row, "mk_s"), 0);
            a.check("mk_p_exact", s.id, mk.pExact(), num(row, "p_exact"), TOL);
            a.check("mk_z", s.id, mk.z(), num(row, "z_normal"), TOL_NORMAL_P);
            a.check("mk_p_normal", s.id, mk.pNormal(), num(row, "p_normal"), TOL_NORMAL_P);
            a.check("sen_slope", s.id, sen.slope(), num(row, "sen_slope"), TOL);
            a.check("sen_ci_low", s.id, sen.ciLow(), num(row, "sen_lo"), TOL);
            a.check("sen_ci_high", s.id, sen.ciHigh(), num(row, "sen_up"), TOL);
            a.check("sen_intercept", s.id, sen.intercept(), num(row, "sen_intercept"), TOL);
            a.check("median", s.id, Medians.median(s.y), num(row, "median_y"), TOL);
            a.check("mad", s.id, Medians.mad(s.y), num(row, "mad_y"), TOL);
            if (mk.pExact() != null) {
                exactCases++;
            } else if (mk.pNormal() != null) {
                normalCases++;
            }
        }
        a.assertAll("trend methods");
        assertThat(exactCases).as("series tested on the exact path").isGreaterThan(50);
        assertThat(normalCases).as("series tested on the normal path").isGreaterThan(50);
    }

    private static Double num(Map<String, String> row, String column) {
        String text = row.get(column);
        assertThat(text).as(column).isNotNull();
        return RScript.number(text);
    }

    static Series series(String id, double[] t, double[] y) {
        return new Series(id, t, y);
    }

    static double[] years(int first, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i;
        }
        return t;
    }

    static double[] gapYears(Random rnd, int n) {
        TreeSet<Integer> set = new TreeSet<>();
        while (set.size() < n) {
            set.add(2000 + rnd.nextInt(30));
        }
        return set.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    static double[] line(Random rnd, double[] t, double slope, double noise) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 100 + slope * (t[i] - t[0]) + noise * rnd.nextGaussian();
        }
        return y;
    }

    static double[] constant(int n, double v) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, v);
        return y;
    }

    static double[] shuffled(Random rnd, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        Collections.shuffle(list, rnd);
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
