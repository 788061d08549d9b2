package fazhi.rank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * An independent recomputation in base R (src/test/resources/fazhi/rank/recompute.R) of the outlier
 * treatment, the normalised table, the scores and the ranks, without Monte Carlo, from a CSV export of the
 * transformed values and the weights; and (recompute-imputation.R) of the per_capita transform, both
 * imputation methods with the estimated correlation, and the scores and ranks that follow, from the raw
 * figures and the populations. Agreement to 1e-9, ranks exactly. Needs Rscript (Debian r-base-core); when it
 * is missing the test FAILS, it does not skip.
 */
class RankingRCrossCheckTest {

    private static final String FRAMEWORK = """
            framework: r-check
            version: 1
            indicators:
              - {code: head_appearance_rate,      weight: 2,   direction: 1,  transform: none,  group: litigation}
              - {code: online_service_rate,       weight: 1,   direction: 1,  transform: none,  group: public_service}
              - {code: recon_correction_rate,     weight: 1,   direction: -1, transform: none,  group: reconsideration}
              - {code: major_decision_reviews,    weight: 0.5, direction: 1,  transform: log1p, group: decision_making}
              - {code: legal_opinions,            weight: 0.5, direction: 1,  transform: none,  group: decision_making}
              - {code: hotline_satisfaction_rate, weight: 1,   direction: 1,  transform: none,  group: public_service}
            parameters:
              screening: {max_missing_share: 0.34, min_units: 3}
              treatment: {enabled: true, skew_threshold: 2, kurtosis_threshold: 3.5, max_winsorised: 1, log_fallback: true}
              normalisation: {method: min_max, scope: province, lower: 0, upper: 100, constant_indicator: exclude}
              aggregation: {method: arithmetic}
              uncertainty: {draws: 1000, seed: 7, weight_perturbation: 0.25}
            """;

    /** Three provinces of 16-25 counties; heavy tails, an extreme low outlier, a constant indicator, gaps. */
    static List<UnitInput> panel() {
        Random rnd = new Random(20240607L);
        List<UnitInput> units = new ArrayList<>();
        String[] provinces = {"110000", "370000", "410000"};
        for (int p = 0; p < provinces.length; p++) {
            int n = 16 + p * 4 + (p == 2 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                Map<String, Double> v = new HashMap<>();
                v.put("head_appearance_rate", Math.min(100, 60 + 40 * rnd.nextDouble()));
                // one county far below the rest: negative skew, winsorised from below
                v.put("online_service_rate", i == 3 ? 2.0 : 90 + 10 * rnd.nextDouble());
                v.put("recon_correction_rate", 5 + 20 * rnd.nextDouble());
                v.put("major_decision_reviews", Math.floor(Math.exp(2 + 1.5 * rnd.nextGaussian())));
                // very heavy tail on the raw scale: winsorisation is not enough, log fallback
                v.put("legal_opinions", i < 3 ? Math.pow(10, 6 + i) : 5 + rnd.nextInt(20));
                // constant within the second province: excluded there
                v.put("hotline_satisfaction_rate", p == 1 ? 99.0 : 80 + 20 * rnd.nextDouble());
                if (rnd.nextDouble() < 0.12) {
                    v.remove("recon_correction_rate");
                }
                if (rnd.nextDouble() < 0.08) {
                    v.remove("head_appearance_rate");
                }
                if (i == n - 1) {   // too little coverage
                    v.keySet().retainAll(List.of("head_appearance_rate", "online_service_rate"));
                }
                units.add(new UnitInput(String.format(Locale.ROOT, "%s%02d", provinces[p].substring(0, 4), i + 1),
                        "c" + i, provinces[p], v, false));
            }
        }
        return units;
    }

    @Test
    void givenTransformedValuesAndWeights_whenRecomputedInR_thenTreatedNormalisedScoresAndRanksAgree(@TempDir Path tmp)
            throws Exception {
        RankingFramework fw = Frameworks.parse(FRAMEWORK);
        RankingPipeline.YearResult r = new RankingPipeline(fw, "r-check").run(2023, panel());
        // the panel does exercise every branch
        assertThat(r.treatedPoints()).extracting(TreatedPointRow::action).contains("winlo", "log_ct");
        assertThat(r.log()).anySatisfy(l -> assertThat(l.value()).contains("constant"));
        assertThat(r.rankings()).anySatisfy(row -> assertThat(row.ranked()).isFalse());

        Path transformed = tmp.resolve("transformed.csv");
        List<String> lines = new ArrayList<>(List.of("province_code,region_code,indicator,value"));
        for (RankingStepRow s : r.steps()) {
            if (s.step().equals("transformed")) {
                lines.add(s.provinceCode() + "," + s.regionCode() + "," + s.indicator() + "," + num(s.value()));
            }
        }
        Files.write(transformed, lines, StandardCharsets.UTF_8);
        List<String> spec = new ArrayList<>(List.of("indicator,weight,direction"));
        fw.indicators().forEach(i -> spec.add(i.code() + "," + num(i.weight()) + "," + i.direction()));
        Files.write(tmp.resolve("spec.csv"), spec, StandardCharsets.UTF_8);
        RankingParameters p = fw.parameters();
        Files.write(tmp.resolve("params.csv"), List.of("name,value",
                "skew_threshold," + num(p.skewThreshold()), "kurtosis_threshold," + num(p.kurtosisThreshold()),
                "max_winsorised," + p.maxWinsorised(), "lower," + num(p.lower()), "upper," + num(p.upper())),
                StandardCharsets.UTF_8);
        Path script = tmp.resolve("recompute.R");
        try (InputStream in = getClass().getResourceAsStream("recompute.R")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }

        runR(tmp, script.toString(), transformed.toString(), tmp.resolve("spec.csv").toString(),
                tmp.resolve("params.csv").toString(), tmp.toString());

        Map<String, Double> javaTreated = stepMap(r, "treated");
        Map<String, Double> rTreated = readKeyed(tmp.resolve("treated.csv"));
        assertThat(rTreated.keySet()).isEqualTo(javaTreated.keySet());
        rTreated.forEach((k, v) -> assertThat(javaTreated.get(k)).as("treated " + k).isCloseTo(v, within(1e-9)));

        Map<String, Double> javaNorm = stepMap(r, "normalised");
        Map<String, Double> rNorm = readKeyed(tmp.resolve("normalised.csv"));
        assertThat(rNorm.keySet()).isEqualTo(javaNorm.keySet());
        rNorm.forEach((k, v) -> assertThat(javaNorm.get(k)).as("normalised " + k).isCloseTo(v, within(1e-9)));

        Map<String, RankingRow> rows = r.rankings().stream().filter(RankingRow::ranked)
                .collect(Collectors.toMap(RankingRow::regionCode, x -> x));
        List<String> scores = Files.readAllLines(tmp.resolve("scores.csv"), StandardCharsets.UTF_8);
        assertThat(scores).hasSize(rows.size() + 1);
        for (String line : scores.subList(1, scores.size())) {
            String[] f = unquote(line);
            RankingRow row = rows.get(f[1]);
            assertThat(row).as(f[1]).isNotNull();
            assertThat(row.score()).as("score " + f[1]).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
            assertThat(row.rank()).as("rank " + f[1]).isEqualTo((int) Double.parseDouble(f[3]));
        }

        // skewness and kurtosis of the transformed values, as R computes them
        List<String> shape = Files.readAllLines(tmp.resolve("shape.csv"), StandardCharsets.UTF_8);
        assertThat(shape).hasSizeGreaterThan(10);
        for (String line : shape.subList(1, shape.size())) {
            String[] f = unquote(line);
            double[] x = r.steps().stream().filter(s -> s.step().equals("transformed") && s.provinceCode().equals(f[0])
                    && s.indicator().equals(f[1])).mapToDouble(RankingStepRow::value).toArray();
            if (f[2].equals("NaN")) {
                assertThat(ShapeStatistics.skewness(x)).isNaN();
            } else {
                assertThat(ShapeStatistics.skewness(x)).as("skew " + f[0] + f[1]).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
                assertThat(ShapeStatistics.kurtosis(x)).as("kurt " + f[0] + f[1]).isCloseTo(Double.parseDouble(f[3]), within(1e-9));
            }
        }
    }

    private static final String IMPUTING = """
            framework: r-check-imputation
            version: 1
            indicators:
              - {code: head_appearance_rate,      weight: 2,   direction: 1,  transform: none,  group: litigation}
              - {code: online_service_rate,       weight: 1,   direction: 1,  transform: none,  group: public_service}
              - {code: recon_correction_rate,     weight: 1,   direction: -1, transform: none,  group: reconsideration}
              - {code: major_decision_reviews,    weight: 0.5, direction: 1,  transform: log1p, group: decision_making}
              - {code: legal_aid_cases,           weight: 1,   direction: 1,  transform: per_capita, denominator: population, group: disputes}
              - {code: hotline_satisfaction_rate, weight: 1,   direction: 1,  transform: none,  group: public_service}
            parameters:
              screening: {max_missing_share: 0.7, min_units: 3}
              imputation: {method: METHOD, min_donors: 3}
              treatment: {enabled: false}
              normalisation: {method: min_max, scope: province, lower: 0, upper: 100, constant_indicator: exclude}
              aggregation: {method: arithmetic}
              uncertainty: {draws: 1000, seed: 7, weight_perturbation: 0.25}
            """;

    /**
     * Three provinces of 12-16 counties with real-like gaps (each figure reported with probability 0.45); the
     * figures share a latent county quality, so the estimated correlation is positive; legal aid cases depend on
     * population; one county has no population; in one province only two counties report the hotline rate
     * (fewer than min_donors: not imputed there).
     */
    static List<UnitInput> sparsePanel() {
        Random rnd = new Random(20251130L);
        List<UnitInput> units = new ArrayList<>();
        String[] provinces = {"130000", "430000", "520000"};
        for (int p = 0; p < provinces.length; p++) {
            int n = 12 + 2 * p;
            for (int i = 0; i < n; i++) {
                double quality = rnd.nextGaussian();
                double population = 150_000 + 900_000 * rnd.nextDouble();
                Map<String, Double> v = new HashMap<>();
                v.put("head_appearance_rate", Math.min(100, 85 + 5 * quality + 3 * rnd.nextGaussian()));
                v.put("online_service_rate", Math.min(100, 90 + 3 * quality + 2 * rnd.nextGaussian()));
                v.put("recon_correction_rate", Math.max(0, 12 - 4 * quality + 3 * rnd.nextGaussian()));
                v.put("major_decision_reviews", Math.floor(Math.exp(2.5 + 0.4 * quality + 0.5 * rnd.nextGaussian())));
                v.put("legal_aid_cases", Math.floor(population / 1000 * Math.exp(0.3 * quality + 0.2 * rnd.nextGaussian())));
                v.put("hotline_satisfaction_rate", Math.min(100, 92 + 2 * quality + 2 * rnd.nextGaussian()));
                v.keySet().removeIf(k -> rnd.nextDouble() > 0.45);
                if (p == 2 && i == 0) {   // reports legal aid, has no population
                    v.put("legal_aid_cases", 300.0);
                    v.put("head_appearance_rate", 90.0);
                }
                if (p == 1) {
                    if (i >= 2) {
                        v.remove("hotline_satisfaction_rate");
                    } else {
                        v.put("hotline_satisfaction_rate", 90.0 + i);
                    }
                }
                units.add(new UnitInput(String.format(Locale.ROOT, "%s%02d", provinces[p].substring(0, 4), i + 1),
                        "c" + i, provinces[p], v, false, p == 2 && i == 0 ? null : population));
            }
        }
        return units;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"province_median", "county_position"})
    void givenPerCapitaAndImputation_whenRecomputedInR_thenTransformedImputedNormalisedScoresAndRanksAgree(
            String method, @TempDir Path tmp) throws Exception {
        RankingFramework fw = Frameworks.parse(IMPUTING.replace("METHOD", method));
        List<UnitInput> units = sparsePanel();
        RankingPipeline.YearResult r = new RankingPipeline(fw, "r-check").run(2023, units);
        // the panel does exercise every branch
        assertThat(r.steps()).anyMatch(st -> st.step().equals("imputed"));
        assertThat(r.log()).anySatisfy(l -> assertThat(l.value()).contains("fewer than min_donors"));
        assertThat(r.log()).anySatisfy(l -> assertThat(l.value()).contains("no population for the county"));
        assertThat(r.rankings()).anySatisfy(row -> assertThat(row.ranked()).isFalse());

        List<String> raw = new ArrayList<>(List.of("province_code,region_code,indicator,value"));
        for (RankingStepRow st : r.steps()) {
            if (st.step().equals("screened")) {
                raw.add(st.provinceCode() + "," + st.regionCode() + "," + st.indicator() + "," + num(st.value()));
            }
        }
        Files.write(tmp.resolve("raw.csv"), raw, StandardCharsets.UTF_8);
        List<String> pop = new ArrayList<>(List.of("region_code,population"));
        units.stream().filter(u -> u.population() != null)
                .forEach(u -> pop.add(u.regionCode() + "," + num(u.population())));
        Files.write(tmp.resolve("population.csv"), pop, StandardCharsets.UTF_8);
        List<String> spec = new ArrayList<>(List.of("indicator,weight,direction,transform"));
        fw.indicators().forEach(i -> spec.add(i.code() + "," + num(i.weight()) + "," + i.direction() + ","
                + i.transform().configName()));
        Files.write(tmp.resolve("spec.csv"), spec, StandardCharsets.UTF_8);
        RankingParameters p = fw.parameters();
        Files.write(tmp.resolve("params.csv"), List.of("name,value", "lower," + num(p.lower()),
                "upper," + num(p.upper()), "min_donors," + p.minDonors(),
                "method," + (p.imputation() == Imputation.PROVINCE_MEDIAN ? 1 : 2), "correlation,NA"),
                StandardCharsets.UTF_8);
        Path script = tmp.resolve("recompute-imputation.R");
        try (InputStream in = getClass().getResourceAsStream("recompute-imputation.R")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }

        runR(tmp, script.toString(), tmp.resolve("raw.csv").toString(), tmp.resolve("population.csv").toString(),
                tmp.resolve("spec.csv").toString(), tmp.resolve("params.csv").toString(), tmp.toString());

        for (String step : List.of("transformed", "imputed", "normalised")) {
            Map<String, Double> java = stepMap(r, step);
            Map<String, Double> rValues = readKeyed(tmp.resolve(step + ".csv"));
            assertThat(rValues.keySet()).as(step).isEqualTo(java.keySet());
            rValues.forEach((k, v) -> assertThat(java.get(k)).as(step + " " + k).isCloseTo(v, within(1e-9)));
        }
        Map<String, RankingRow> rows = r.rankings().stream().filter(RankingRow::ranked)
                .collect(Collectors.toMap(RankingRow::regionCode, x -> x));
        List<String> scores = Files.readAllLines(tmp.resolve("scores.csv"), StandardCharsets.UTF_8);
        assertThat(scores).hasSize(rows.size() + 1);
        for (String line : scores.subList(1, scores.size())) {
            String[] f = unquote(line);
            assertThat(rows.get(f[1]).score()).as("score " + f[1]).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
            assertThat(rows.get(f[1]).rank()).as("rank " + f[1]).isEqualTo((int) Double.parseDouble(f[3]));
        }
        if (p.imputation() == Imputation.COUNTY_POSITION) {
            double rho = Double.parseDouble(unquote(Files.readAllLines(tmp.resolve("rho.csv")).get(1))[0]);
            assertThat(rho).as("the panel's indicators go together").isGreaterThan(0.1);
            assertThat(r.log()).anySatisfy(l -> assertThat(l.parameter() + "=" + l.value())
                    .isEqualTo(String.format(Locale.ROOT, "correlation=%.4f (estimated)", rho)));
        }
    }

    static void runR(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("Rscript", "--vanilla"));
        cmd.addAll(List.of(args));
        Process proc;
        try {
            proc = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("Rscript is required for the R cross-check and was not found on PATH "
                    + "(apt-get install -y --no-install-recommends r-base-core): " + e.getMessage());
            return;
        }
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).as("Rscript finished").isTrue();
        assertThat(proc.exitValue()).as("Rscript exit status; output:\n" + output).isZero();
    }

    private static Map<String, Double> stepMap(RankingPipeline.YearResult r, String step) {
        Map<String, Double> m = new HashMap<>();
        for (RankingStepRow s : r.steps()) {
            if (s.step().equals(step)) {
                m.put(s.regionCode() + "/" + s.indicator(), s.value());
            }
        }
        return m;
    }

    private static Map<String, Double> readKeyed(Path csv) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = unquote(line);
            m.put(f[1] + "/" + f[2], Double.parseDouble(f[3]));
        }
        return m;
    }

    private static String[] unquote(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].replace("\"", "");
        }
        return f;
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
