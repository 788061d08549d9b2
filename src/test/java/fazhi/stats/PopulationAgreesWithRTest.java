package fazhi.stats;

import fazhi.ingest.Region;
import fazhi.ingest.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.reference.RegionLineage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the {@code population} table (each region of the region table and each earlier code of a
 * recoded county, 2010-2025) agrees exactly with base R (src/test/resources/r/population.R) reading the same
 * census and code-change files: the denominator of every per-capita figure.
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
    }
}
