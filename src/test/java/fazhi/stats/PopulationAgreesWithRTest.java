package fazhi.stats;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.reference.RegionLineage;
import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the {@code population} table (each region of the region table and each earlier code of a
 * recoded county, 2010-2025) agrees exactly with base R (src/test/resources/r/population.R) reading the same
 * census and code-change files: the denominator of every per-capita figure. And the {@code per_capita} view of a
 * warehouse gives value * 100,000 / R's population for every count, under an old code as under a new one.
 */
@Tag("r")
class PopulationAgreesWithRTest {

    @Test
    void everyPopulationOfTheTableAgreesWithBaseR(@TempDir Path tmp) throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        for (Region r : RegionTable.bundled().all()) {
            if (!r.level().equals("province")) {
                codes.add(r.code());
            }
        }
        for (RegionLineage.Change c : RegionLineage.bundled().changes()) {
            if (c.kind() == RegionLineage.ChangeKind.RECODED) {
                codes.add(c.oldCode());
            }
        }
        Path codesCsv = Files.writeString(tmp.resolve("codes.csv"), "code\n" + String.join("\n", codes) + "\n",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("r-population.csv");
        RScript.run("population.R", List.of("2010", "2025"), Path.of("schema/reference/population.csv"),
                Path.of("schema/reference/region-changes.csv"), codesCsv, out);
        Map<String, Map<String, String>> expected = RScript.readCsv(out, "code", "year");
        PopulationTable population = PopulationTable.bundled();
        Agreement a = new Agreement();
        int withFigure = 0;
        for (String code : codes) {
            for (int year = 2010; year <= 2025; year++) {
                OptionalLong p = population.population(code, year);
                Map<String, String> r = expected.get(code + "|" + year);
                assertThat(r).as("R has %s %d", code, year).isNotNull();
                a.check("population", code + "/" + year, p.isPresent() ? (double) p.getAsLong() : null,
                        RScript.number(r.get("population")), 0);
                withFigure += p.isPresent() ? 1 : 0;
            }
        }
        a.assertAll("population");
        assertThat(withFigure).as("code-years with a population").isGreaterThan(2800 * 16);

        // per_capita over a warehouse version: counts of a recoded county under both codes, a merged district, a
        // county without a population, and a rate (left out)
        List<ObservationRow> obs = List.of(
                TestWarehouse.obs("431121", 2019, "legal_opinions", 120.0, "件", "exact"),
                TestWarehouse.obs("431181", 2023, "legal_opinions", 150.0, "件", "exact"),
                TestWarehouse.obs("110101", 2015, "penalty_cases", 3456.0, "件", "at_least"),
                TestWarehouse.obs("330113", 2023, "penalty_cases", 99.0, "件", "exact"),
                TestWarehouse.obs("371525", 2024, "head_appearance_rate", 100.0, "%", "exact"));
        Path version = TestWarehouse.versionWith(tmp.resolve("wh"), obs);
        try (Connection db = WarehouseConnection.openDuckDb()) {
            new DimensionTables(RegionTable.bundled(), IndicatorCatalog.bundled()).write(db, version);
        }
        Agreement perCapita = new Agreement();
        int rows = 0;
        try (Connection c = WarehouseConnection.openVersion(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT region_code, year, value, per_100k FROM per_capita")) {
            while (rs.next()) {
                rows++;
                String key = rs.getString(1) + "|" + rs.getInt(2);
                Double rPopulation = RScript.number(expected.get(key).get("population"));
                perCapita.check("per_100k", key, (Double) rs.getObject(4),
                        rPopulation == null ? null : rs.getDouble(3) * 100000.0 / rPopulation, 1e-12);
            }
        }
        perCapita.assertAll("per_capita");
        assertThat(rows).as("the four counts, not the rate").isEqualTo(4);
    }
}
