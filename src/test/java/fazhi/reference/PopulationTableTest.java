package fazhi.reference;

import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable.Method;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Census figures of a county's current territory, and the rule for the years between and after. */
class PopulationTableTest {
    private final PopulationTable population = PopulationTable.bundled();

    @Test
    void aCensusYearGivesTheCensusFigure() {
        PopulationTable.Estimate e = population.estimate("371525", 2020).orElseThrow();   // 冠县
        assertThat(e.method()).isEqualTo(Method.CENSUS);
        assertThat(e.population()).isEqualTo(e.census2020().population());
        assertThat(e.census2020().codes()).containsExactly("371525");
    }

    @Test
    void yearsBetweenTheCensusesLieOnTheStraightLineRoundedHalfUp() {
        // 祁阳: 852,204 in 2010 (as 431121 祁阳县), 791,939 in 2020; halfway is 822,071.5
        assertThat(population.population("431181", 2015)).hasValue(822_072);
        assertThat(population.estimate("431181", 2015).orElseThrow().method()).isEqualTo(Method.INTERPOLATED);
        assertThat(population.population("431181", 2011)).hasValue(Math.round(852_204 + (791_939 - 852_204) * 0.1));
    }

    @Test
    void aRecodedCountyHasTheSamePopulationUnderEitherCode() {
        for (int year = 2010; year <= 2024; year++) {
            assertThat(population.population("431121", year)).isEqualTo(population.population("431181", year));
        }
        assertThat(population.estimate("431121", 2020).orElseThrow().census2020().codes()).containsExactly("431121");
    }

    @Test
    void yearsAfterTheLastCensusCarryIt() {
        PopulationTable.Estimate e = population.estimate("431181", 2023).orElseThrow();
        assertThat(e.method()).isEqualTo(Method.NEAREST_CENSUS);
        assertThat(e.population()).isEqualTo(791_939);
    }

    @Test
    void aDistrictThatAbsorbedAnotherCountsBothInTheEarlierCensus() {
        // 2010: 崇文区 (346,073) merged into 东城区 (573,180 in the census that still listed them apart)
        assertThat(population.population("110101", 2010)).hasValue(573_180 + 346_073);
        // 2021: 梅列区 and 三元区 merged into a new 三元区 350404
        assertThat(population.population("350404", 2020)).hasValue(220_115 + 187_936);
    }

    @Test
    void aTerritoryThatLostLandSinceACensusDoesNotUseThatCensus() {
        // 2016: part of 360402 庐山区 (now 濂溪区) went to the new 庐山市: only the 2020 census fits 濂溪区
        PopulationTable.Estimate e = population.estimate("360402", 2012).orElseThrow();
        assertThat(e.census2010()).isNull();
        assertThat(e.method()).isEqualTo(Method.ONE_CENSUS);
        // 2021: 临平区 was carved out of 余杭区, after both censuses: no figure for either
        assertThat(population.estimate("330113", 2023)).isEmpty();
        assertThat(population.estimate("330110", 2023)).isEmpty();
    }

    @Test
    void nearlyEveryCountyOfTheRegionTableHasAPopulation() {
        long counties = 0;
        long covered = 0;
        for (Region r : RegionTable.bundled().all()) {
            if (r.level().equals("county")) {
                counties++;
                covered += population.estimate(r.code(), 2023).isPresent() ? 1 : 0;
            }
        }
        assertThat(counties).isEqualTo(2850);
        assertThat(covered).as("counties with a 2023 population").isGreaterThan(2800);
    }
}
