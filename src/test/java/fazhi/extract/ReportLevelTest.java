package fazhi.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportLevelTest {
    private static final List<String> MUNICIPALITIES = List.of("110000", "120000", "310000", "500000");

    @Test
    void theLevelIsReadFromTheShapeOfTheRegionCode() {
        assertThat(ReportLevel.ofRegionCode("370000", MUNICIPALITIES)).isEqualTo(ReportLevel.PROVINCE);
        assertThat(ReportLevel.ofRegionCode("110000", MUNICIPALITIES)).isEqualTo(ReportLevel.MUNICIPALITY);
        assertThat(ReportLevel.ofRegionCode("371500", MUNICIPALITIES)).isEqualTo(ReportLevel.PREFECTURE);
        assertThat(ReportLevel.ofRegionCode("371525", MUNICIPALITIES)).isEqualTo(ReportLevel.COUNTY);
        assertThat(ReportLevel.ofRegionCode("110105", MUNICIPALITIES)).isEqualTo(ReportLevel.COUNTY);
    }

    @Test
    void aCountyLevelCityIsToldFromACountyByItsName() {
        List<String> endings = List.of("市");
        assertThat(ReportLevel.ofRegion("510981", "射洪市", MUNICIPALITIES, endings)).isEqualTo(ReportLevel.COUNTY_CITY);
        assertThat(ReportLevel.ofRegion("510903", "船山区", MUNICIPALITIES, endings)).isEqualTo(ReportLevel.COUNTY);
        assertThat(ReportLevel.ofRegion("510903", null, MUNICIPALITIES, endings)).isEqualTo(ReportLevel.COUNTY);
        assertThat(ReportLevel.ofRegion("510900", "遂宁市", MUNICIPALITIES, endings)).isEqualTo(ReportLevel.PREFECTURE);
    }

    @Test
    void aMissingOrMalformedCodeLeavesTheLevelUnknown() {
        assertThat(ReportLevel.ofRegionCode(null, MUNICIPALITIES)).isNull();
        assertThat(ReportLevel.ofRegionCode("37152", MUNICIPALITIES)).isNull();
        assertThat(ReportLevel.ofRegionCode("山东省", MUNICIPALITIES)).isNull();
    }

    @Test
    void eachLevelKeepsItsOwnWholeAreaAndGivesTheOthersAway() {
        TrapRules traps = new TrapRules(ExtractionLexicon.bundled(), new Segmenter(ExtractionLexicon.bundled()));

        assertThat(traps.isTrap("全省受理", traps.areaWords(ReportLevel.PROVINCE, false))).isFalse();
        assertThat(traps.isTrap("全国受理", traps.areaWords(ReportLevel.PROVINCE, false))).isTrue();
        assertThat(traps.isTrap("全市受理", traps.areaWords(ReportLevel.PREFECTURE, false))).isFalse();
        assertThat(traps.isTrap("全州受理", traps.areaWords(ReportLevel.PREFECTURE, false))).isFalse();
        assertThat(traps.isTrap("全省受理", traps.areaWords(ReportLevel.PREFECTURE, false))).isTrue();
        assertThat(traps.isTrap("全市受理", traps.areaWords(ReportLevel.COUNTY, false))).isTrue();
        assertThat(traps.isTrap("全市受理", traps.areaWords(ReportLevel.MUNICIPALITY, false))).isFalse();
        assertThat(traps.isTrap("全市受理", traps.areaWords(ReportLevel.COUNTY_CITY, false))).isFalse();
        assertThat(traps.isTrap("全省受理", traps.areaWords(ReportLevel.COUNTY_CITY, false))).isTrue();
    }

    @Test
    void anUnknownLevelReadsTheTextAsBefore() {
        TrapRules traps = new TrapRules(ExtractionLexicon.bundled(), new Segmenter(ExtractionLexicon.bundled()));

        assertThat(traps.areaWords(null, true).foreign()).containsAll(traps.areaWords(ReportLevel.COUNTY, false).foreign());
        assertThat(traps.isTrap("全市受理", traps.areaWords(null, false))).isFalse();
        assertThat(traps.isTrap("全省受理", traps.areaWords(null, false))).isTrue();
    }
}
