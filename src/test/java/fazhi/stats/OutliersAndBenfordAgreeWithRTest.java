package fazhi.stats;

import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.warehouse.ObservationRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outliers and benford tables written by {@link StatisticsRunner} from a generated warehouse agree
 * with base R (median, mad(constant = 1), log1p, chisq.test) computed from the same observations and the
 * parameters of jobs/statistics.yaml: the minimum peer group, the scale floors, counts per 100,000 residents
 * (the populations are checked against R on their own by PopulationAgreesWithRTest), Benford's minimum.
 */
@Tag("r")
class OutliersAndBenfordAgreeWithRTest {
    private static final double TOL = 1e-9;

    /**
     * Two provinces of 60 real counties (so that counts are scored per capita, with the elasticity estimated over the
     * nation, and the nation's 124 counties raise the threshold), a province of 4 (below the minimum peer group),
     * and a county code without a population among the 60 of 河南 (the others are still compared per capita; it is
     * compared as a count, alone, so below the minimum).
     */
    static List<ObservationRow> panel() {
        Random rnd = new Random(7);
        List<ObservationRow> rows = new ArrayList<>();
        for (String province : List.of("37", "41", "62")) {
            List<String> regions = new ArrayList<>(List.of(province + "0000", province + "1500"));
            RegionTable.bundled().all().stream()
                    .filter(r -> r.level().equals("county") && r.code().startsWith(province))
                    .limit(province.equals("62") ? 4 : province.equals("41") ? 59 : 60)
                    .forEach(r -> regions.add(r.code()));
            if (province.equals("41")) {
                regions.add("419999");   // no such county: no population
            }
            for (int year = 2019; year <= 2022; year++) {
                for (String region : regions) {
                    boolean county = !region.endsWith("00");
                    double scale = county ? 1 : 20;
                    double cases = Math.rint(scale * Math.exp(5 + 1.5 * rnd.nextGaussian()));
                    if (region.equals(regions.get(Math.min(8, regions.size() - 1))) && year == 2021) {
                        cases = 250000; // a far outlier in level and in year-on-year change
                    }
                    String qualifier = rnd.nextInt(10) == 0 ? "approx" : rnd.nextInt(10) == 0 ? "at_least" : "exact";
                    Double redacted = rnd.nextInt(25) == 0 ? null : cases;
                    rows.add(TestWarehouse.obs(region, year, "penalty_cases", redacted, "件",
                            redacted == null ? "redacted" : qualifier));
                    // a third at 100 %: the point mass, whose level is not scored
                    double rate = rnd.nextInt(3) == 0 ? 100 : Math.rint(900 + 100 * rnd.nextDouble()) / 10;
                    if (region.equals(regions.get(Math.min(12, regions.size() - 1))) && year == 2020) {
                        rate = 20.5;
                    }
                    rows.add(TestWarehouse.obs(region, year, "online_service_rate", rate, "%", "exact"));
                    double orgs = rnd.nextInt(5) == 0 ? 12 + rnd.nextInt(3) : 12; // mostly tied: MAD = 0
                    rows.add(TestWarehouse.obs(region, year, "mediation_orgs", orgs, "个", "exact"));
                    double tickets = Math.rint(Math.pow(10, 2 + 4 * rnd.nextDouble()));
                    rows.add(TestWarehouse.obs(region, year, "hotline_tickets", tickets, "件", "exact"));
                }
            }
        }
        return rows;
    }

    @Test
    void outlierScoresAndBenfordTestsAgreeWithBaseR(@TempDir Path tmp) throws Exception {
        List<ObservationRow> panel = panel();
        Path version = TestWarehouse.versionWith(tmp, panel);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-r");
        }
        Path in = tmp.resolve("observations.csv");
        PopulationTable population = PopulationTable.bundled();
        StringBuilder csv = new StringBuilder("region_code,province_code,year,indicator,value,unit,qualifier,population\n");
        for (ObservationRow o : panel) {
            OptionalLong residents = population.population(o.regionCode(), o.year());
            csv.append(o.regionCode()).append(',').append(o.provinceCode()).append(',').append(o.year()).append(',')
                    .append(o.indicator()).append(',').append(o.value() == null ? "NA" : Double.toHexString(o.value()))
                    .append(',').append(o.unit()).append(',').append(o.qualifier()).append(',')
                    .append(residents.isPresent() ? String.valueOf(residents.getAsLong()) : "NA").append('\n');
        }
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path rOutliers = tmp.resolve("r-outliers.csv");
        Path rBenford = tmp.resolve("r-benford.csv");
        StatisticsParameters p = StatisticsParameters.bundled();
        RScript.run("outliers_benford.R", List.of(String.valueOf(p.outlierThreshold()),
                String.valueOf(p.minPeerGroup()), String.valueOf(p.rateScaleFloor()),
                String.valueOf(p.countScaleFloor()), String.valueOf(p.benfordMinFigures()),
                String.valueOf(p.familyAlpha()), String.valueOf(p.rateLogitFloor())), in, rOutliers, rBenford);

        Map<String, Map<String, String>> expected = RScript.readCsv(rOutliers, "region_code", "year", "indicator",
                "scope", "method");
        Agreement a = new Agreement();
        int rows = 0;
        int flagged = 0;
        int unscored = 0;
        int perCapita = 0;
        int tooSmall = 0;
        int raisedThreshold = 0;
        int repeats = 0;
        int atBound = 0;
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT region_code, year, indicator, scope, method, score, flagged, "
                     + "group_median, group_mad, scale, population, not_scored_reason, threshold, elasticity, "
                     + "repeat_of_year "
                     + "FROM outliers")) {
            while (rs.next()) {
                rows++;
                String key = String.join("|", rs.getString(1), String.valueOf(rs.getInt(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5));
                Map<String, String> r = expected.get(key);
                assertThat(r).as("R has a row for " + key).isNotNull();
                Double score = (Double) rs.getObject(6);
                a.check("outlier_score", key, score, RScript.number(r.get("score")), TOL);
                a.check("outlier_median", key, rs.getDouble(8), RScript.number(r.get("group_median")), TOL);
                a.check("outlier_mad", key, rs.getDouble(9), RScript.number(r.get("group_mad")), TOL);
                a.check("outlier_scale", key, rs.getDouble(10), RScript.number(r.get("scale")), TOL);
                a.check("outlier_population", key, (Double) (rs.getObject(11) == null ? null : rs.getDouble(11)),
                        RScript.number(r.get("population")), 0);
                a.check("outlier_threshold", key, rs.getDouble(13), RScript.number(r.get("threshold")), TOL);
                a.check("outlier_elasticity", key, (Double) rs.getObject(14), RScript.number(r.get("elasticity")),
                        TOL);
                assertThat(rs.getObject(15) == null ? "NA" : String.valueOf(rs.getInt(15))).as("repeat_of_year " + key)
                        .isEqualTo(r.get("repeat_of_year"));
                repeats += rs.getObject(15) != null ? 1 : 0;
                perCapita += rs.getObject(11) != null ? 1 : 0;
                raisedThreshold += rs.getDouble(13) > p.outlierThreshold() ? 1 : 0;
                tooSmall += "peer_group_too_small".equals(rs.getString(12)) ? 1 : 0;
                atBound += "at_bound".equals(rs.getString(12)) ? 1 : 0;
                assertThat(rs.getBoolean(7)).as("flagged " + key).isEqualTo(Boolean.parseBoolean(r.get("flagged")
                        .toLowerCase()));
                flagged += rs.getBoolean(7) ? 1 : 0;
                unscored += score == null ? 1 : 0;
            }
        }
        assertThat(rows).isEqualTo(expected.size());
        assertThat(flagged).as("flagged rows").isGreaterThan(0);
        assertThat(unscored).as("rows without a score").isGreaterThan(0);
        assertThat(perCapita).as("counts scored per capita").isGreaterThan(0);
        assertThat(tooSmall).as("rows of a peer group below the minimum").isGreaterThan(0);
        assertThat(atBound).as("rates at 100 %, not scored as a level").isGreaterThan(0);
        assertThat(repeats).as("flags repeating the year before (the change back from the outlier of 2021)")
                .isGreaterThan(0);
        assertThat(raisedThreshold).as("rows of a peer group large enough to raise the threshold").isGreaterThan(0);

        Map<String, Map<String, String>> benford = RScript.readCsv(rBenford, "province_code", "year");
        int benfordRows = 0;
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT province_code, year, n, chi_square, df, p_value, mad, d1, d9, "
                     + "conformity FROM benford")) {
            while (rs.next()) {
                benfordRows++;
                String key = rs.getString(1) + "|" + rs.getInt(2);
                Map<String, String> r = benford.get(key);
                assertThat(r).as("R has " + key).isNotNull();
                assertThat(rs.getLong(3)).isEqualTo(Long.parseLong(r.get("n")));
                assertThat(rs.getLong(8)).isEqualTo(Long.parseLong(r.get("d1")));
                assertThat(rs.getLong(9)).isEqualTo(Long.parseLong(r.get("d9")));
                assertThat(rs.getInt(5)).isEqualTo(Integer.parseInt(r.get("df")));
                a.check("benford_chi_square", key, rs.getDouble(4), RScript.number(r.get("chi_square")), TOL);
                a.check("benford_p", key, rs.getDouble(6), RScript.number(r.get("p_value")), TOL);
                a.check("benford_mad", key, rs.getDouble(7), RScript.number(r.get("mad")), TOL);
                assertThat(rs.getString(10)).as("conformity " + key).isEqualTo(r.get("conformity"));
            }
        }
        assertThat(benfordRows).isEqualTo(benford.size()).isEqualTo(12);
        a.assertAll("outliers and benford");
    }
}
