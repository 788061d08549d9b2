package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which mentions are parts of a total (after 其中), so the selector and the review queue never weigh them as rivals. */
class BreakdownPartsTest {

    private static final IndicatorExtractor EXTRACTOR = new IndicatorExtractor(IndicatorCatalog.bundled());

    @Test
    void aBreakdownGoesOnPastASemicolonIntoTheNextHalfOfTheSentence() {
        // the shape of 开鲁县's 2023 cleanup: the county's results, then its two kinds of documents, the second after ；
        String text = "2023年对全县现行有效的80件规范性文件进行了全面清理，最终清理结果为：建议继续有效46件，废止17件，宣布失效17件。"
                + "其中，县级人民政府文件48件，建议继续有效31件，废止7件，宣布失效10件；"
                + "县级各部门文件32件，建议继续有效15件，废止10件，宣布失效7件。";
        var retained = EXTRACTOR.extract(text, 2023).stream()
                .filter(m -> m.indicator().equals("normdoc_retained")).toList();
        assertThat(retained).extracting(RawMention::numberText).contains("46", "31", "15");
        assertThat(retained).filteredOn(m -> m.numberText().equals("31") || m.numberText().equals("15"))
                .as("the two kinds' figures are parts").hasSize(2).allMatch(RawMention::breakdown);
        assertThat(retained).filteredOn(m -> m.numberText().equals("46")).as("the county's own figure")
                .noneMatch(RawMention::breakdown);
    }

    @Test
    void aHalfAfterASemicolonIsNoPartWhenNoBreakdownOpensTheHalfBeforeIt() {
        String text = "全年受理行政复议案件30件，审结28件；全年办理行政应诉案件12件。";
        assertThat(EXTRACTOR.extract(text, 2023)).filteredOn(m -> m.indicator().equals("litigation_cases"))
                .isNotEmpty().noneMatch(RawMention::breakdown);
    }
}
