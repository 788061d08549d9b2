package fazhi.stats;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure index ({@link DisclosureIndex}) agrees with base R (src/test/resources/r/disclosure.R): shares and
 * domain shares to 1e-9, point ranks and the bootstrap rank intervals exactly, from the same disclosure matrix and
 * the same bootstrap draws of the catalog.
 */
@Tag("r")
class DisclosureAgreesWithRTest {

    /** Three provinces of 4-15 counties with sparse, uneven disclosure (many ties), and one prefecture report. */
    static List<DisclosureIndex.Unit> units(List<String> codes) {
        Random rnd = new Random(11);
        List<DisclosureIndex.Unit> units = new ArrayList<>();
        String[] provinces = {"370000", "520000", "150000"};
        int[] counties = {15, 9, 4};
        for (int p = 0; p < provinces.length; p++) {
            for (int year = 2022; year <= 2023; year++) {
                for (int c = 1; c <= counties[p]; c++) {
                    double rate = 0.05 + 0.5 * rnd.nextDouble();
                    Set<String> disclosed = new LinkedHashSet<>();
                    for (String code : codes) {
                        if (rnd.nextDouble() < rate) {
                            disclosed.add(code);
                        }
                    }
                    String region = provinces[p].substring(0, 4) + String.format("%02d", c);
                    units.add(new DisclosureIndex.Unit(region, "c" + c, provinces[p], year, false, disclosed));
                }
            }
        }
        units.add(new DisclosureIndex.Unit("370100", "济南市", "370000", 2023, false, Set.of(codes.get(0))));
        return units;
    }

    @Test
    void sharesRanksAndBootstrapIntervalsAgreeWithBaseR(@TempDir Path tmp) throws Exception {
        List<String> codes = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (IndicatorDefinition d : IndicatorCatalog.bundled().indicators()) {
            codes.add(d.code());
            domains.add(d.domain());
        }
        DisclosureIndex.Catalog catalog = new DisclosureIndex.Catalog(codes, domains);
        List<DisclosureIndex.Unit> units = units(codes);
        int[][] draws = DisclosureIndex.draws(codes.size(), 400, 5);
        List<DisclosureRow> rows = DisclosureIndex.compute(units, catalog, draws, 0.05, 0.95, "run-r");

        StringBuilder u = new StringBuilder("unit,region_code,province_code,year,level," + String.join(",", codes) + "\n");
        for (int i = 0; i < units.size(); i++) {
            DisclosureIndex.Unit unit = units.get(i);
            u.append(i).append(',').append(unit.regionCode()).append(',').append(unit.provinceCode()).append(',')
                    .append(unit.year()).append(',').append(RegionLevel.of(unit.regionCode()));
            for (String code : codes) {
                u.append(',').append(unit.disclosed().contains(code) ? 1 : 0);
            }
            u.append('\n');
        }
        StringBuilder c = new StringBuilder("code,domain\n");
        for (int j = 0; j < codes.size(); j++) {
            c.append(codes.get(j)).append(',').append(domains.get(j)).append('\n');
        }
        StringBuilder d = new StringBuilder(String.join(",", codes) + "\n");
        for (int[] draw : draws) {
            StringBuilder line = new StringBuilder();
            for (int m : draw) {
                line.append(line.length() == 0 ? "" : ",").append(m);
            }
            d.append(line).append('\n');
        }
        Path unitsCsv = Files.writeString(tmp.resolve("units.csv"), u, StandardCharsets.UTF_8);
        Path catalogCsv = Files.writeString(tmp.resolve("catalog.csv"), c, StandardCharsets.UTF_8);
        Path drawsCsv = Files.writeString(tmp.resolve("draws.csv"), d, StandardCharsets.UTF_8);
        Path out = tmp.resolve("r-disclosure.csv");
        RScript.run("disclosure.R", List.of("0.05", "0.95"), unitsCsv, catalogCsv, drawsCsv, out);

        Map<String, Map<String, String>> expected = RScript.readCsv(out, "unit");
        Agreement a = new Agreement();
        int ranked = 0;
        int wide = 0;
        for (int i = 0; i < rows.size(); i++) {
            DisclosureRow row = rows.get(i);
            Map<String, String> r = expected.get(String.valueOf(i));
            String where = row.regionCode() + "/" + row.year();
            a.check("share", where, row.share(), RScript.number(r.get("share")), 1e-9);
            for (Map.Entry<String, Double> e : row.domainShares().entrySet()) {
                a.check("domain_share", where + "/" + e.getKey(), e.getValue(),
                        RScript.number(r.get("domain_" + e.getKey())), 1e-9);
            }
            assertThat(row.domainShares()).hasSize((int) domains.stream().distinct().count());
            a.check("rank", where, toDouble(row.rank()), RScript.number(r.get("rank")), 0);
            a.check("rank_p05", where, toDouble(row.rankP05()), RScript.number(r.get("rank_p05")), 0);
            a.check("rank_median", where, toDouble(row.rankMedian()), RScript.number(r.get("rank_median")), 0);
            a.check("rank_p95", where, toDouble(row.rankP95()), RScript.number(r.get("rank_p95")), 0);
            if (row.rank() != null) {
                ranked++;
                wide += row.rankP95() - row.rankP05() >= 2 ? 1 : 0;
            }
        }
        a.assertAll("disclosure index");
        assertThat(ranked).as("counties ranked; the prefecture report is not").isEqualTo(rows.size() - 1);
        assertThat(wide).as("intervals of two ranks or more").isPositive();
    }

    private static Double toDouble(Integer i) {
        return i == null ? null : i.doubleValue();
    }
}
