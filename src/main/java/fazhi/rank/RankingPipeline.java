package fazhi.rank;

import fazhi.stats.Ranks;

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
 * raw → screened → transformed → treated → imputed → normalised → aggregated → ranked, then the Monte
 * Carlo uncertainty, whose draws vary the weights, the method and the imputed values. Every step's dataset
 * goes to {@link YearResult#steps()}, its parameters and outcomes to {@link YearResult#log()}.
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
    private final Imputer imputer;
    /** per_capita: figures per this many residents */
    static final double PER_RESIDENTS = 100_000;

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
        }
        imputer = new Imputer(p.imputation(), p.minDonors(), p.correlation(), directions);
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
                    steps.add(step(year, unit, codes[j], RankingStep.RAW, x[u][j]));
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
                        steps.add(step(year, units.get(u), codes[j], RankingStep.SCREENED, x[u][j]));
                    }
                }
            }
        }
        log.add(log(year, null, RankingStep.SCREENED, "counties_in", String.valueOf(n)));
        log.add(log(year, null, RankingStep.SCREENED, "counties_kept", String.valueOf(screenedIn)));
        log.add(log(year, null, RankingStep.SCREENED, "counties_not_ranked", String.valueOf(n - screenedIn)));

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
                        log.add(log(year, units.get(u).provinceCode(), RankingStep.TRANSFORMED, codes[j] + "/"
                                + units.get(u).regionCode(), "negative count " + v + ": log1p impossible, "
                                + "treated as missing"));
                        continue;
                    }
                    v = Math.log1p(v);
                } else if (transforms[j] == Transform.PER_CAPITA) {
                    Double pop = units.get(u).population();
                    if (pop == null || !(pop > 0)) {
                        log.add(log(year, units.get(u).provinceCode(), RankingStep.TRANSFORMED, codes[j] + "/"
                                + units.get(u).regionCode(), "no population for the county: per_capita impossible, "
                                + "treated as missing"));
                        continue;
                    }
                    v = v / pop * PER_RESIDENTS;
                }
                t[u][j] = v;
                steps.add(step(year, units.get(u), codes[j], RankingStep.TRANSFORMED, v));
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
                                codes[j], pt.action().code(), pt.action() == TreatmentAction.LOG_CT ? "log_ct" : "winsorise",
                                pt.before(), pt.after()));
                    }
                    log.add(log(year, e.getKey(), RankingStep.TREATED, codes[j], String.format(Locale.ROOT,
                            "%s: n=%d, winsorised=%d, skew %s -> %s, kurtosis %s -> %s", r.outcome(), v.length,
                            r.winsorised(), fmt(r.skewBefore()), fmt(r.skewAfter()), fmt(r.kurtosisBefore()),
                            fmt(r.kurtosisAfter()))));
                }
            }
        } else {
            log.add(log(year, null, RankingStep.TREATED, "enabled", "false: values pass through untreated"));
        }
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(tr[u][j])) {
                    steps.add(step(year, units.get(u), codes[j], RankingStep.TREATED, tr[u][j]));
                }
            }
        }

        // imputed ---------------------------------------------------------------------------------------
        List<String> scopeKeys = new ArrayList<>(scopes.keySet());
        List<List<Integer>> scopeMembers = new ArrayList<>(scopes.values());
        boolean[] screenedInUnit = new boolean[n];
        for (int u = 0; u < n; u++) {
            screenedInUnit[u] = reason[u] == null;
        }
        Imputer.Result imputed = imputer.impute(tr, scopeMembers, screenedInUnit);
        double[][] full = new double[n][];
        for (int u = 0; u < n; u++) {
            full[u] = tr[u].clone();
        }
        boolean[][] isImputed = new boolean[n][k];
        for (Imputer.Cell c : imputed.cells()) {
            full[c.unit()][c.indicator()] = c.value();
            isImputed[c.unit()][c.indicator()] = true;
            UnitInput unit = units.get(c.unit());
            steps.add(step(year, unit, codes[c.indicator()], RankingStep.IMPUTED, c.value()));
            points.add(new TreatedPointRow(year, scopeOf(unit), unit.provinceCode(), unit.regionCode(),
                    codes[c.indicator()], TreatmentAction.IMPUTED.code(), p.imputation().configName(), null, c.value()));
        }
        if (p.imputation() != Imputation.NONE) {
            log.add(log(year, null, RankingStep.IMPUTED, "values_imputed", String.valueOf(imputed.cells().size())));
            if (p.imputation() == Imputation.COUNTY_POSITION) {
                log.add(log(year, null, RankingStep.IMPUTED, "correlation", fmt(imputed.rho()) + " (" + imputed.rhoSource()
                        + ")"));
            }
            for (int s = 0; s < scopeMembers.size(); s++) {
                for (int j = 0; j < k; j++) {
                    int donors = 0;
                    for (int u : scopeMembers.get(s)) {
                        donors += Double.isNaN(tr[u][j]) ? 0 : 1;
                    }
                    if (donors < p.minDonors() && donors < scopeMembers.get(s).size()) {
                        log.add(log(year, scopeKeys.get(s), RankingStep.IMPUTED, codes[j], "not imputed: " + donors
                                + " reporting counties, fewer than min_donors " + p.minDonors()));
                    }
                }
            }
        }

        // normalised (main method): the scale is fitted on reported values, imputed values placed on it --------
        Normaliser.Scale[][] mainScales = scales(year, tr, scopeMembers, scopeKeys, p.normalisation(), p.lower(),
                log);
        double[][] norm = applyScales(full, mainScales, scopeMembers, n, k);
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(norm[u][j])) {
                    steps.add(step(year, units.get(u), codes[j], RankingStep.NORMALISED, norm[u][j]));
                }
            }
        }

        // aggregated -----------------------------------------------------------------------------------
        double[] score = new double[n];
        int[] used = new int[n];
        int[] usedImputed = new int[n];
        for (int u = 0; u < n; u++) {
            score[u] = Double.NaN;
            if (reason[u] != null) {
                continue;
            }
            double weightPresent = 0;
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(norm[u][j])) {
                    weightPresent += weights[j];
                    if (isImputed[u][j]) {
                        usedImputed[u]++;
                    } else {
                        used[u]++;
                    }
                }
            }
            score[u] = Aggregator.aggregate(p.aggregation(), norm[u], weights, units.get(u).regionCode(), codes);
            if (Double.isNaN(score[u]) || used[u] == 0) {
                // a score made of imputed values only would rank the county on its peers' figures
                reason[u] = "no reported indicator left to score: every indicator the county reported is constant "
                        + "within its " + p.scope().configName() + " and was excluded";
                score[u] = Double.NaN;
            } else {
                steps.add(step(year, units.get(u), INDEX, RankingStep.AGGREGATED, score[u]));
                // what drove the score: each indicator's share of it (the weighted mean's terms; they sum to the
                // score under arithmetic aggregation)
                for (int j = 0; j < k; j++) {
                    if (!Double.isNaN(norm[u][j])) {
                        steps.add(step(year, units.get(u), codes[j], RankingStep.CONTRIBUTION,
                                weights[j] / weightPresent * norm[u][j]));
                    }
                }
            }
        }

        // a county dropped at aggregation can leave its province with too few to rank
        Map<String, Integer> scoredPerProvince = new LinkedHashMap<>();
        for (int u = 0; u < n; u++) {
            scoredPerProvince.merge(units.get(u).provinceCode(), reason[u] == null ? 1 : 0, Integer::sum);
        }
        for (int u = 0; u < n; u++) {
            int m = scoredPerProvince.get(units.get(u).provinceCode());
            if (reason[u] == null && m < p.minUnits()) {
                reason[u] = "too few counties: only " + m + " in the province have a score, " + p.minUnits()
                        + " needed for a ranking";
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
                steps.add(step(year, units.get(u), INDEX, RankingStep.RANKED, rank[u]));
            }
        }

        // uncertainty ----------------------------------------------------------------------------------
        int[][] draws = monteCarlo(year, tr, scopeMembers, scopeKeys, provinces, imputed.cells(), units, n, k, log);

        List<RankingRow> rows = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            UnitInput unit = units.get(u);
            double coverage = (double) reported[u] / k;
            if (reason[u] == null) {
                int[] d = draws[u];
                rows.add(new RankingRow(year, unit.provinceCode(), unit.regionCode(), unit.regionName(), score[u],
                        rank[u], Ranks.quantileType1(d, 0.05), Ranks.quantileType1(d, 0.5),
                        Ranks.quantileType1(d, 0.95), used[u], usedImputed[u], coverage, true, null,
                        unit.synthetic(), framework.name(), runId));
            } else {
                rows.add(new RankingRow(year, unit.provinceCode(), unit.regionCode(), unit.regionName(), null, null,
                        null, null, null, used[u], usedImputed[u], coverage, false, reason[u], unit.synthetic(),
                        framework.name(), runId));
            }
        }
        return new YearResult(rows, steps, log, points);
    }

    private String scopeOf(UnitInput unit) {
        return p.scope() == NormalisationScope.NATION ? NATION : unit.provinceCode();
    }

    /** Fits the normalisation of every scope and indicator on the reported (treated) values; null = none. */
    private Normaliser.Scale[][] scales(int year, double[][] tr, List<List<Integer>> scopes, List<String> scopeKeys,
                                        Normalisation method, double lower, List<RankingLogRow> log) {
        int k = codes.length;
        Normaliser.Scale[][] out = new Normaliser.Scale[scopes.size()][k];
        for (int s = 0; s < scopes.size(); s++) {
            List<Integer> members = scopes.get(s);
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
                Normaliser.Scale scale = Normaliser.fit(method, v, directions[j], lower, p.upper(),
                        p.constantIndicator());
                if (scale.constant() && log != null) {
                    log.add(log(year, scopeKeys.get(s), RankingStep.NORMALISED, codes[j], "constant within scope: "
                            + (p.constantIndicator() == ConstantIndicatorPolicy.EXCLUDE ? "excluded"
                            : "set to the midpoint")));
                }
                out[s][j] = scale;
            }
        }
        return out;
    }

    private static double[][] applyScales(double[][] x, Normaliser.Scale[][] scales, List<List<Integer>> scopes,
                                          int n, int k) {
        double[][] norm = new double[n][k];
        for (double[] row : norm) {
            Arrays.fill(row, Double.NaN);
        }
        for (int s = 0; s < scopes.size(); s++) {
            for (int u : scopes.get(s)) {
                for (int j = 0; j < k; j++) {
                    if (scales[s][j] != null) {
                        norm[u][j] = scales[s][j].apply(x[u][j]);
                    }
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
     * the alternatives, uniformly; every imputed value drawn anew ({@link Imputer#draw}); ranks within province.
     * Weights and alternatives come from SplittableRandom(seed + year), exactly k + 1 numbers per draw; the
     * imputed values of a province from its own stream (seeded from seed, year and province code), one number per
     * imputed value and draw. So a province's intervals do not depend on other provinces.
     */
    private int[][] monteCarlo(int year, double[][] tr, List<List<Integer>> scopes, List<String> scopeKeys,
                               Map<String, List<Integer>> provinces, List<Imputer.Cell> cells, List<UnitInput> units,
                               int n, int k, List<RankingLogRow> log) {
        List<RankingParameters.Alternative> alts = p.alternatives();
        Normaliser.Scale[][][] altScales = new Normaliser.Scale[alts.size()][][];
        double[][][] altNorm = new double[alts.size()][][];
        int[] scopeOfUnit = new int[n];
        for (int s = 0; s < scopes.size(); s++) {
            for (int u : scopes.get(s)) {
                scopeOfUnit[u] = s;
            }
        }
        for (int a = 0; a < alts.size(); a++) {
            RankingParameters.Alternative alt = alts.get(a);
            double lower = alt.aggregation() == Aggregation.GEOMETRIC ? p.geometricLower() : p.lower();
            altScales[a] = scales(year, tr, scopes, scopeKeys, alt.normalisation(), lower, null);
            // reported values; the imputed cells are overwritten every draw
            altNorm[a] = applyScales(tr, altScales[a], scopes, n, k);
        }
        Map<String, List<Imputer.Cell>> cellsByProvince = new LinkedHashMap<>();
        for (Imputer.Cell c : cells) {
            cellsByProvince.computeIfAbsent(units.get(c.unit()).provinceCode(), x -> new ArrayList<>()).add(c);
        }
        Map<String, SplittableRandom> imputationRng = new LinkedHashMap<>();
        for (String province : cellsByProvince.keySet()) {
            imputationRng.put(province, new SplittableRandom(p.seed() + year * 1_000_003L
                    + 7_919L * province.hashCode()));
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
            for (Map.Entry<String, List<Imputer.Cell>> e : cellsByProvince.entrySet()) {
                SplittableRandom pr = imputationRng.get(e.getKey());
                for (Imputer.Cell c : e.getValue()) {
                    double v = imputer.draw(c, pr);
                    Normaliser.Scale scale = altScales[a][scopeOfUnit[c.unit()]][c.indicator()];
                    altNorm[a][c.unit()][c.indicator()] = scale == null ? Double.NaN : scale.apply(v);
                }
            }
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
            log.add(log(year, null, RankingStep.UNCERTAINTY, "draws_" + alts.get(a), String.valueOf(altCount[a])));
        }
        return ranks;
    }

    private static RankingStepRow step(int year, UnitInput unit, String indicator, RankingStep step, double value) {
        return new RankingStepRow(year, unit.provinceCode(), unit.regionCode(), indicator, step.sql(), value);
    }

    private RankingLogRow log(Integer year, String scope, RankingStep step, String parameter, String value) {
        return new RankingLogRow(runId, year, scope, step.sql(), parameter, value);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The run-wide log entries: the framework text and every step's parameters. */
    public List<RankingLogRow> frameworkLog() {
        List<RankingLogRow> out = new ArrayList<>();
        out.add(log(null, null, RankingStep.FRAMEWORK, "name", framework.name()));
        out.add(log(null, null, RankingStep.FRAMEWORK, "version", String.valueOf(framework.version())));
        out.add(log(null, null, RankingStep.FRAMEWORK, "yaml", framework.yaml()));
        for (IndicatorSpec s : framework.indicators()) {
            out.add(log(null, null, RankingStep.FRAMEWORK, "indicator/" + s.code(), String.format(Locale.ROOT,
                    "weight=%s direction=%+d transform=%s group=%s%s", s.weight(), s.direction(),
                    s.transform().configName(), s.group(),
                    s.transform() == Transform.PER_CAPITA ? " per=100000 residents" : "")));
        }
        for (Map.Entry<RankingStep, Map<String, String>> e : p.asLog().entrySet()) {
            for (Map.Entry<String, String> q : e.getValue().entrySet()) {
                out.add(log(null, null, e.getKey(), q.getKey(), q.getValue()));
            }
        }
        return out;
    }
}
