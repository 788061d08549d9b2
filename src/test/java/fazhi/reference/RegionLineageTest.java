package fazhi.reference;

import fazhi.reference.RegionLineage.ChangeKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled code history (schema/reference/region-changes.csv) read as series and as territory. */
class RegionLineageTest {
    private final RegionLineage lineage = RegionLineage.bundled();

    @Test
    void aCountyBecomingACityKeepsOneSeriesUnderItsNewCode() {
        // 2021: 431121 祁阳县 → 431181 祁阳市 (撤县设市)
        assertThat(lineage.seriesCode("431121")).isEqualTo("431181");
        assertThat(lineage.seriesCode("431181")).isEqualTo("431181");
        assertThat(lineage.seriesChain("431121")).containsExactly("431121", "431181");
    }

    @Test
    void chainedRecodesAreFollowedYearByYear() {
        // 2013: 632121 平安县 → 630221 平安县 (new prefecture); 2015: 630221 → 630203 平安区 (县 → 区)
        assertThat(lineage.seriesCode("632121")).isEqualTo("630203");
        assertThat(lineage.seriesChain("630221")).containsExactly("632121", "630221", "630203");
    }

    @Test
    void aRenameKeepsTheCodeAndACodeNeverChangedIsItsOwnSeries() {
        assertThat(lineage.seriesCode("210112")).isEqualTo("210112");   // 2014 东陵区 → 浑南区
        assertThat(lineage.seriesChain("371525")).containsExactly("371525");   // 冠县
    }

    @Test
    void aMergedUnitContinuesInTheUnitThatTookItsLandButNotAsASeries() {
        // 2010: 110103 崇文区 merged into the existing 110101 东城区
        assertThat(lineage.seriesCode("110103")).isEqualTo("110103");
        assertThat(lineage.currentCode("110103")).contains("110101");
        assertThat(lineage.territorySince("110101", 2010)).containsExactlyInAnyOrder("110101", "110103");
        assertThat(lineage.territorySince("110101", 2011)).containsExactly("110101");
    }

    @Test
    void aUnitDividedAmongSeveralHasNoSingleCurrentCode() {
        // 2016: 130421 邯郸县 → 邯山区 and 丛台区
        assertThat(lineage.currentCode("130421")).isEmpty();
        assertThat(lineage.lostLandSince(lineage.territorySince("130402", 2010), 2010)).isTrue();
        assertThat(lineage.lostLandSince(lineage.territorySince("130402", 2020), 2020)).isFalse();
    }

    @Test
    void everyRecodeLinksOneOldCodeToOneNewCode() {
        for (RegionLineage.Change c : lineage.changes()) {
            if (c.kind() == ChangeKind.RECODED) {
                assertThat(c.oldCode()).as("%s", c).isNotEqualTo(c.newCode());
                assertThat(lineage.changesInto(c.newCode()).stream()
                        .filter(x -> x.year() == c.year() && x.kind() != ChangeKind.CREATED)).as("%s", c).hasSize(1);
            }
        }
        assertThat(lineage.changes()).hasSize(452);
        assertThat(lineage.transfers()).hasSize(102);
    }

    @Test
    void everyRecodeAgreesWithTheYearEndCodeLists() throws Exception {
        // schema/reference/region-codes-by-year.csv: the MCA list at 31 December of each year, 2009-2024
        Map<Integer, Set<String>> lists = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("schema/reference/region-codes-by-year.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            lists.computeIfAbsent(Integer.parseInt(f[0]), y -> new HashSet<>()).add(f[1]);
        }
        int checked = 0;
        for (RegionLineage.Change c : lineage.changes()) {
            if (c.kind() == ChangeKind.RECODED) {
                assertThat(lists.get(c.year() - 1)).as("%s: the old code is in the list of the year before", c)
                        .contains(c.oldCode());
                assertThat(lists.get(c.year())).as("%s: the new code is in the year's list", c).contains(c.newCode());
                assertThat(lists.get(c.year())).as("%s: the old code is gone", c).doesNotContain(c.oldCode());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(291);
    }
}
