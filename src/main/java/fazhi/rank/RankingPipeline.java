package fazhi.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ranking of one year, as a chain of named steps (COINr style), in memory and without I/O:
 * raw → screened → transformed → treated → normalised → aggregated → ranked, then the Monte Carlo
 * uncertainty. Every step's dataset goes to {@link YearResult#steps()}, its parameters and outcomes to
 * {@link YearResult#log()}.
 */
public final class RankingPipeline {

    public static final String INDEX = "index";
    public static final String NATION = "nation";

    /** Everything one year produced. */
    public record YearResult(List<RankingRow> rankings, List<RankingStepRow> steps, List<RankingLogRow> log,
                             List<TreatedPointRow> treatedPoints) {
    }

    private final RankingFramework framework;
    private final RankingParameters p;
    private final String runId;
    private final String[] codes;
    private final int[] directions;
    private final double[] weights;
    private final Transform[] transforms;

    public RankingPipeline(RankingFramework framework, String runId) {
        this.framework = framework;
        this.p = framework.parameters();
        this.runId = runId;
        List<IndicatorSpec> ind = framework.indicators();
        int k = ind.size();
        codes = new String[k];
        directions = new int[k];
        weights = new double[k];
        transforms = new Transform[k];
        for (int i = 0; i < k; i++) {
            codes[i] = ind.get(i).code();
            directions[i] = ind.get(i).direction();
            weights[i] = ind.get(i).weight();
            transforms[i] = ind.get(i).transform();
            if (transforms[i] == Transform.PER_CAPITA) {
                throw new IllegalStateException("transform per_capita of " + codes[i]
                        + " needs a denominator table, which the warehouse does not have");
            }
        }
    }

    public YearResult run(int year, List<UnitInput> input) {
        List<UnitInput> units = new ArrayList<>(input);
        units.sort(Comparator.comparing(UnitInput::provinceCode).thenComparing(UnitInput::regionCode));
        int n = units.size();
        int k = codes.length;
        List<RankingStepRow> steps = new ArrayList<>();
        List<RankingLogRow> log = new ArrayList<>();
        List<TreatedPointRow> points = new ArrayList<>();

        // raw ------------------------------------------------------------------------------------------
        double[][] x = new double[n][k];
        int[] reported = new int[n];
        for (int u = 0; u < n; u++) {
            UnitInput unit = units.get(u);
            for (int j = 0; j < k; j++) {
                Double v = unit.values().get(codes[j]);
                x[u][j] = v == null || v.isNaN() || v.isInfinite() ? Double.NaN : v;
                if (!Double.isNaN(x[u][j])) {
                    reported[u]++;
                    steps.add(step(year, unit, codes[j], "raw", x[u][j]));
                }
            }
        }

        // screened -------------------------------------------------------------------------------------
        String[] reason = new String[n];
        for (int u = 0; u < n; u++) {
            int missing = k - reported[u];
            if ((double) missing / k > p.maxMissingShare()) {
                reason[u] = String.format(Locale.ROOT, "coverage: %d of %d indicators missing (%.0f%%), more than"
                        + " the %.0f%% allowed", missing, k, 100.0 * missing / k, 100 * p.maxMissingShare());
            }
        }
        Map<String, Integer> passingPerProvince = new LinkedHashMap<>();
        for (int u = 0; u < n; u++) {
            passingPerProvince.merge(units.get(u).provinceCode(), reason[u] == null ? 1 : 0, Integer::sum);
        }
        for (int u = 0; u < n; u++) {
            int m = passingPerProvince.get(units.get(u).provinceCode());
            if (reason[u] == null && m < p.minUnits()) {
                reason[u] = "too few counties: only " + m + " in the province pass screening, " + p.minUnits()
                        + " needed for a ranking";
            }
        }
        int screenedIn = 0;
        for (int u = 0; u < n; u++) {
            if (reason[u] == null) {
                screenedIn++;
                for (int j = 0; j < k; j++) {
                    if (!Double.isNaN(x[u][j])) {
                        steps.add(step(year, units.get(u), codes[j], "screened", x[u][j]));
                    }
                }
            }
        }
        log.add(log(year, null, "screened", "counties_in", String.valueOf(n)));
        log.add(log(year, null, "screened", "counties_kept", String.valueOf(screenedIn)));
        log.add(log(year, null, "screened", "counties_not_ranked", String.valueOf(n - screenedIn)));

        // transformed ----------------------------------------------------------------------------------
        double[][] t = new double[n][k];
        for (int u = 0; u < n; u++) {
            Arrays.fill(t[u], Double.NaN);
            if (reason[u] != null) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                double v = x[u][j];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (transforms[j] == Transform.LOG1P) {
                    if (v < 0) {
                        log.add(log(year, units.get(u).provinceCode(), "transformed", codes[j] + "/"
                                + units.get(u).regionCode(), "negative count " + v + ": log1p impossible, "
                                + "treated as missing"));
                        continue;
                    }
                    v = Math.log1p(v);
                }
                t[u][j] = v;
                steps.add(step(year, units.get(u), codes[j], "transformed", v));
            }
        }

        // scopes (for treatment and normalisation) -----------------------------------------------------
        Map<String, List<Integer>> scopes = new LinkedHashMap<>();
        for (int u = 0; u < n; u++) {
            if (reason[u] == null) {
                String key = p.scope() == NormalisationScope.NATION ? NATION : units.get(u).provinceCode();
                scopes.computeIfAbsent(key, s -> new ArrayList<>()).add(u);
            }
        }

        // treated --------------------------------------------------------------------------------------
        double[][] tr = new double[n][];
        for (int u = 0; u < n; u++) {
            tr[u] = t[u].clone();
        }
        if (p.treatmentEnabled()) {
            OutlierTreatment treatment = OutlierTreatment.of(p);
            for (Map.Entry<String, List<Integer>> e : scopes.entrySet()) {
                for (int j = 0; j < k; j++) {
                    List<Integer> present = new ArrayList<>();
                    for (int u : e.getValue()) {
                        if (!Double.isNaN(t[u][j])) {
                            present.add(u);
                        }
                    }
                    double[] v = new double[present.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = t[present.get(i)][j];
                    }
                    OutlierTreatment.Result r = treatment.treat(v);
                    for (int i = 0; i < v.length; i++) {
                        tr[present.get(i)][j] = r.values()[i];
                    }
                    for (OutlierTreatment.Point pt : r.points()) {
                        UnitInput unit = units.get(present.get(pt.index()));
                        points.add(new TreatedPointRow(year, e.getKey(), unit.provinceCode(), unit.regionCode(),
                                codes[j], pt.action(), pt.before(), pt.after()));
                    }
                    log.add(log(year, e.getKey(), "treated", codes[j], String.format(Locale.ROOT,
                            "%s: n=%d, winsorised=%d, skew %s -> %s, kurtosis %s -> %s", r.outcome(), v.length,
                            r.winsorised(), fmt(r.skewBefore()), fmt(r.skewAfter()), fmt(r.kurtosisBefore()),
                            fmt(r.kurtosisAfter()))));
                }
            }
        } else {
            log.add(log(year, null, "treated", "enabled", "false: values pass through untreated"));
        }
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(tr[u][j])) {
                    steps.add(step(year, units.get(u), codes[j], "treated", tr[u][j]));
                }
            }
        }

        // normalised (main method) ---------------------------------------------------------------------
        double[][] norm = normalise(year, tr, scopes, p.normalisation(), p.lower(), p.upper(), log, n, k);
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(norm[u][j])) {
                    steps.add(step(year, units.get(u), codes[j], "normalised", norm[u][j]));
                }
            }
        }

        // aggregated -----------------------------------------------------------------------------------
        double[] score = new double[n];
        int[] used = new int[n];
        for (int u = 0; u < n; u++) {
            score[u] = Double.NaN;
            if (reason[u] != null) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(norm[u][j])) {
                    used[u]++;
                }
            }
            score[u] = Aggregator.aggregate(p.aggregation(), norm[u], weights, units.get(u).regionCode(), codes);
            if (Double.isNaN(score[u])) {
                reason[u] = "no indicator left to score: every indicator the county reported is constant "
                        + "within its " + p.scope().configName() + " and was excluded";
            } else {
                steps.add(step(year, units.get(u), INDEX, "aggregated", score[u]));
            }
        }

        // ranked ---------------------------------------------------------------------------------------
        Map<String, List<Integer>> provinces = new LinkedHashMap<>();
        for (int u = 0; u < n; u++) {
            if (reason[u] == null) {
                provinces.computeIfAbsent(units.get(u).provinceCode(), s -> new ArrayList<>()).add(u);
            }
        }
        int[] rank = rankWithin(provinces, score, n);
        for (int u = 0; u < n; u++) {
            if (reason[u] == null) {
                steps.add(step(year, units.get(u), INDEX, "ranked", rank[u]));
            }
        }

        // uncertainty ----------------------------------------------------------------------------------
        int[][] draws = monteCarlo(year, tr, scopes, provinces, n, k, log);

        List<RankingRow> rows = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            UnitInput unit = units.get(u);
            double coverage = (double) reported[u] / k;
            if (reason[u] == null) {
                int[] d = draws[u];
                rows.add(new RankingRow(year, unit.provinceCode(), unit.regionCode(), unit.regionName(), score[u],
                        rank[u], Ranks.quantileType1(d, 0.05), Ranks.quantileType1(d, 0.5),
                        Ranks.quantileType1(d, 0.95), used[u], coverage, true, null, unit.synthetic(),
                        framework.name(), runId));
            } else {
                rows.add(new RankingRow(year, unit.provinceCode(), unit.regionCode(), unit.regionName(), null, null,
                        null, null, null, used[u], coverage, false, reason[u], unit.synthetic(), framework.name(),
                        runId));
            }
        }
        return new YearResult(rows, steps, log, points);
    }

    private double[][] normalise(int year, double[][] tr, Map<String, List<Integer>> scopes, Normalisation method,
                                 double lower, double upper, List<RankingLogRow> log, int n, int k) {
        double[][] norm = new double[n][k];
        for (double[] row : norm) {
            Arrays.fill(row, Double.NaN);
        }
        for (Map.Entry<String, List<Integer>> e : scopes.entrySet()) {
            List<Integer> members = e.getValue();
            for (int j = 0; j < k; j++) {
                double[] v = new double[members.size()];
                boolean any = false;
                for (int i = 0; i < v.length; i++) {
                    v[i] = tr[members.get(i)][j];
                    any |= !Double.isNaN(v[i]);
                }
                if (!any) {
                    continue;
                }
                Normaliser.Result r = method == Normalisation.MIN_MAX
                        ? Normaliser.minMax(v, directions[j], lower, upper, p.constantIndicator())
                        : Normaliser.zScore(v, directions[j], p.constantIndicator());
                if (r.constant() && log != null) {
                    log.add(log(year, e.getKey(), "normalised", codes[j], "constant within scope: "
                            + (p.constantIndicator() == ConstantIndicatorPolicy.EXCLUDE ? "excluded"
                            : "set to the midpoint")));
                }
                for (int i = 0; i < v.length; i++) {
                    norm[members.get(i)][j] = r.values()[i];
                }
            }
        }
        return norm;
    }

    private static int[] rankWithin(Map<String, List<Integer>> provinces, double[] score, int n) {
        int[] rank = new int[n];
        for (List<Integer> members : provinces.values()) {
            double[] s = new double[members.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = score[members.get(i)];
            }
            int[] r = Ranks.minRanks(s);
            for (int i = 0; i < s.length; i++) {
                rank[members.get(i)] = r[i];
            }
        }
        return rank;
    }

    /**
     * Draw d: every weight times U(1 - perturbation, 1 + perturbation) (then renormalised), and one of
     * the alternatives, uniformly; ranks within province. The generator is SplittableRandom(seed + year) and
     * each draw takes exactly k + 1 numbers, so a province's intervals do not depend on other provinces.
     */
    private int[][] monteCarlo(int year, double[][] tr, Map<String, List<Integer>> scopes,
                               Map<String, List<Integer>> provinces, int n, int k, List<RankingLogRow> log) {
        List<RankingParameters.Alternative> alts = p.alternatives();
        double[][][] altNorm = new double[alts.size()][][];
        for (int a = 0; a < alts.size(); a++) {
            RankingParameters.Alternative alt = alts.get(a);
            double lower = alt.aggregation() == Aggregation.GEOMETRIC ? p.geometricLower() : p.lower();
            altNorm[a] = normalise(year, tr, scopes, alt.normalisation(), lower, p.upper(), null, n, k);
        }
        int draws = p.draws();
        int[][] ranks = new int[n][draws];
        SplittableRandom rng = new SplittableRandom(p.seed() + year);
        double[] w = new double[k];
        double[] score = new double[n];
        int[] altCount = new int[alts.size()];
        for (int d = 0; d < draws; d++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                w[j] = weights[j] * (1 - p.weightPerturbation() + 2 * p.weightPerturbation() * rng.nextDouble());
                sum += w[j];
            }
            for (int j = 0; j < k; j++) {
                w[j] /= sum;
            }
            int a = rng.nextInt(alts.size());
            altCount[a]++;
            Arrays.fill(score, Double.NaN);
            for (List<Integer> members : provinces.values()) {
                for (int u : members) {
                    score[u] = Aggregator.aggregate(alts.get(a).aggregation(), altNorm[a][u], w,
                            "", codes);
                }
            }
            int[] r = rankWithin(provinces, score, n);
            for (List<Integer> members : provinces.values()) {
                for (int u : members) {
                    ranks[u][d] = r[u];
                }
            }
        }
        for (int a = 0; a < alts.size(); a++) {
            log.add(log(year, null, "uncertainty", "draws_" + alts.get(a), String.valueOf(altCount[a])));
        }
        return ranks;
    }

    private static RankingStepRow step(int year, UnitInput unit, String indicator, String step, double value) {
        return new RankingStepRow(year, unit.provinceCode(), unit.regionCode(), indicator, step, value);
    }

    private RankingLogRow log(Integer year, String scope, String step, String parameter, String value) {
        return new RankingLogRow(runId, year, scope, step, parameter, value);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The run-wide log entries: the framework text and every step's parameters. */
    public List<RankingLogRow> frameworkLog() {
        List<RankingLogRow> out = new ArrayList<>();
        out.add(log(null, null, "framework", "name", framework.name()));
        out.add(log(null, null, "framework", "version", String.valueOf(framework.version())));
        out.add(log(null, null, "framework", "yaml", framework.yaml()));
        for (IndicatorSpec s : framework.indicators()) {
            out.add(log(null, null, "framework", "indicator/" + s.code(), String.format(Locale.ROOT,
                    "weight=%s direction=%+d transform=%s group=%s", s.weight(), s.direction(),
                    s.transform().configName(), s.group())));
        }
        for (Map.Entry<String, Map<String, String>> e : p.asLog().entrySet()) {
            for (Map.Entry<String, String> q : e.getValue().entrySet()) {
                out.add(log(null, null, e.getKey(), q.getKey(), q.getValue()));
            }
        }
        return out;
    }
}
