package fazhi.generate;

import fazhi.generate.PhraseBank.IndicatorSpec;
import fazhi.reference.Region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws a county's panel: a latent county size scales every count (the log of the county's census population
 * relative to the median county's, plus a small county effect); each indicator has a county effect, a trend
 * and yearly noise; rates move on the logit scale; parts are shares of their totals (so parts never exceed
 * totals); a rate_of indicator is computed from its counts. Missingness: a county reports an indicator at all
 * with a probability such that a report states it with the share of real reports that do ({@link Disclosure};
 * in dense mode the higher hand-set {@code report} probability of phrases.yaml), and then skips some years;
 * some county-years have no report. A few count
 * series get an injected outlier (one-year level or lasting jump), recorded in {@link Outlier}.
 */
final class PanelGenerator {
    static final double NO_REPORT_YEAR = 0.06;
    static final double SKIP_YEAR = 0.12;
    static final double LEVEL_OUTLIER = 0.012;
    static final double JUMP_OUTLIER = 0.008;
    static final double NOISE = 0.12;
    /** sd of the county-wide activity that residents do not explain (on the log scale of every count) */
    static final double SIZE_RESIDUAL = 0.2;
    /** sd of the latent size of a county without a census figure: the spread of log population over counties */
    static final double SIZE_WITHOUT_CENSUS = 0.95;

    private final PhraseBank bank;
    private final long seed;
    /** indicator → probability that a county reports it at all */
    private final Map<String, Double> reportsAtAll = new HashMap<>();
    private final Set<String> outlierEligible = new HashSet<>();
    private final Set<String> related = new HashSet<>();
    /** region code → log(census population / the median county's); absent when no census covers the county */
    private final Function<String, OptionalDouble> logRelativePopulation;

    /**
     * @param disclosure real disclosure shares, or null for the dense mode (phrases.yaml's report probabilities)
     * @param logRelativePopulation log of a county's census population over the median county's
     */
    PanelGenerator(PhraseBank bank, long seed, Disclosure disclosure,
                   Function<String, OptionalDouble> logRelativePopulation) {
        this.bank = bank;
        this.seed = seed;
        this.logRelativePopulation = logRelativePopulation;
        for (IndicatorSpec s : bank.indicators()) {
            reportsAtAll.put(s.code(), disclosure == null ? s.report()
                    : Math.min(1.0, disclosure.share(s.code()) / (1 - SKIP_YEAR)));
        }
        Set<String> referenced = new HashSet<>();
        for (IndicatorSpec s : bank.indicators()) {
            if (s.partOf() != null) {
                referenced.add(s.partOf());
            }
            if (s.rateNumerator() != null) {
                referenced.add(s.rateNumerator());
                referenced.add(s.rateDenominator());
            }
        }
        for (IndicatorSpec s : bank.indicators()) {
            if (!s.rate() && !s.derived() && !referenced.contains(s.code())) {
                outlierEligible.add(s.code());
            }
            if (s.derived() || referenced.contains(s.code())) {
                related.add(s.code());
            }
        }
    }

    /** indicators tied to others (parts, totals, rates of counts): always written exactly, never rounded */
    Set<String> related() {
        return related;
    }

    CountyPanel generate(Region region, int fromYear, int toYear) {
        int n = toYear - fromYear + 1;
        double mid = (n - 1) / 2.0;
        Rng county = Rng.of(seed, "panel", region.code());
        // counts scale with residents, so that a count per resident is as comparable as in real reports; a
        // district (区) is urban and somewhat busier per resident
        OptionalDouble residents = logRelativePopulation.apply(region.code());
        double size = (residents.isPresent() ? residents.getAsDouble() + SIZE_RESIDUAL * county.gaussian()
                : SIZE_WITHOUT_CENSUS * county.gaussian()) + (region.name().endsWith("区") ? 0.15 : 0.0);
        boolean[] hasReport = new boolean[n];
        for (int t = 0; t < n; t++) {
            hasReport[t] = !county.chance(NO_REPORT_YEAR);
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, boolean[]> present = new LinkedHashMap<>();
        Map<String, Integer> decimals = new HashMap<>();
        List<Outlier> outliers = new ArrayList<>();
        Set<String> lossless = new HashSet<>();

        for (IndicatorSpec spec : bank.indicators()) {
            Rng r = Rng.of(seed, "panel", region.code(), spec.code());
            boolean reports = r.chance(reportsAtAll.get(spec.code()));
            boolean[] shown = new boolean[n];
            for (int t = 0; t < n; t++) {
                shown[t] = reports && !r.chance(SKIP_YEAR);
            }
            double[] v = new double[n];
            if (spec.rate()) {
                int d = r.chance(0.25) ? 0 : r.chance(0.55) ? 1 : 2;
                decimals.put(spec.code(), d);
                if (spec.rateNumerator() != null) {
                    double[] num = values.get(spec.rateNumerator());
                    double[] den = values.get(spec.rateDenominator());
                    for (int t = 0; t < n; t++) {
                        v[t] = den[t] > 0 ? round(100.0 * num[t] / den[t], d) : Double.NaN;
                    }
                } else if (r.chance(spec.p100())) {
                    Arrays.fill(v, 100.0);
                } else {
                    double x0 = logit(spec.center() / 100.0) + spec.spread() * r.gaussian();
                    double g = spec.trendMean() + spec.trendSd() * r.gaussian();
                    for (int t = 0; t < n; t++) {
                        double p = sigmoid(x0 + g * (t - mid) + 0.15 * r.gaussian());
                        v[t] = Math.min(100.0, round(100.0 * p, d));
                    }
                }
            } else if (spec.partOf() != null) {
                double[] total = values.get(spec.partOf());
                double share0 = r.uniform(spec.partLo(), spec.partHi());
                for (int t = 0; t < n; t++) {
                    double share = clamp(share0 + 0.03 * r.gaussian(), spec.partLo(), spec.partHi());
                    v[t] = Math.floor(total[t] * share);
                }
            } else {
                double effect = 0.3 * r.gaussian();
                double g = spec.trendMean() + spec.trendSd() * r.gaussian();
                double[] latent = new double[n];
                for (int t = 0; t < n; t++) {
                    latent[t] = spec.base() * Math.exp(spec.elasticity() * size + effect + g * (t - mid)
                            + NOISE * r.gaussian());
                }
                if (reports && outlierEligible.contains(spec.code()) && median(latent) >= 30) {
                    Outlier o = null;
                    if (r.chance(LEVEL_OUTLIER)) {
                        int t = r.nextInt(n);
                        double f = factor(r, 5, 15, 0.7);
                        latent[t] *= f;
                        o = new Outlier(region.code(), fromYear + t, spec.code(), "level", f);
                        shown[t] = true;
                        hasReport[t] = true;
                    } else if (n >= 3 && r.chance(JUMP_OUTLIER)) {
                        int t = r.between(1, n - 1);
                        double f = factor(r, 3, 8, 0.6);
                        for (int u = t; u < n; u++) {
                            latent[u] *= f;
                        }
                        o = new Outlier(region.code(), fromYear + t, spec.code(), "jump", f);
                        shown[t] = shown[t - 1] = true;
                        hasReport[t] = hasReport[t - 1] = true;
                    }
                    if (o != null) {
                        outliers.add(o);
                        lossless.add(spec.code());
                    }
                }
                for (int t = 0; t < n; t++) {
                    v[t] = Math.max(0, Math.round(latent[t]));
                }
            }
            values.put(spec.code(), v);
            present.put(spec.code(), shown);
        }
        return new CountyPanel(region, fromYear, size, values, present, hasReport, outliers, lossless, decimals);
    }

    /** log-uniform in [lo, hi], or its reciprocal with probability 1 - up; two decimals */
    private static double factor(Rng r, double lo, double hi, double up) {
        double f = Math.exp(r.uniform(Math.log(lo), Math.log(hi)));
        if (!r.chance(up)) {
            f = 1.0 / f;
        }
        return BigDecimal.valueOf(f).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double round(double x, int decimals) {
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static double logit(double p) {
        p = clamp(p, 1e-4, 1 - 1e-4);
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
