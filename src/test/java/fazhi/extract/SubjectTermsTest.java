package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fazhi.extract.SubjectTerms.Hit;
import fazhi.extract.SubjectTerms.Term;

class SubjectTermsTest {

    private final SubjectTerms terms = new PhrasingMatcher(IndicatorCatalog.bundled(), ExtractionLexicon.bundled()).terms();

    @Test
    void aTermWithAGapSpansUpToSixCharactersWithoutPunctuation() {
        Term t = Term.of("执法…主体");
        assertThat(t.foundIn("全县有行政执法职能的主体32个")).isTrue();
        assertThat(t.foundIn("执法队伍和各乡镇的主体")).isFalse();
        assertThat(t.foundIn("执法工作,主体32个")).isFalse();
    }

    @Test
    void aGapNeverCrossesAStopCharacter() {
        Term t = Term.of("法律援助…案件", ExtractionLexicon.bundled().gapStops);
        assertThat(t.foundIn("法律援助民事案件")).isTrue();
        assertThat(t.foundIn("法律援助中心从已结案件中抽取")).isFalse();
    }

    @Test
    void theLongestTermBeforeAFigureWinsUnlessJoinedToAnotherNoun() {
        String s = "全年受理行政复议案件19件";
        boolean[] inTitle = Segmenter.insideTitles(s, 0, s.length());
        Hit h = terms.longest(s, 0, s.indexOf('1'), inTitle, 0);
        assertThat(s.substring(h.start(), h.end())).isEqualTo("行政复议案件");
        String combined = "办理行政诉讼及复议案件15件";
        assertThat(terms.isCombined(combined, combined.indexOf("复议案件"), combined.indexOf("15"))).isTrue();
    }

    @Test
    void aTermAfterAPartQualifierNamesAPartButTheWholeDoesNot() {
        String part = "参与办理乡镇行政处罚案件163件";
        assertThat(terms.namesPart(part, 0, part.length())).isTrue();
        String whole = "全县办理行政处罚案件163件";
        assertThat(terms.namesPart(whole, 0, whole.length())).isFalse();
    }

    @Test
    void aTermRightAfterAFigureIsFoundWithinFourCharacters() {
        String s = "对80件规范性文件进行清理";
        Hit h = terms.rightAfter(s, s.indexOf('件') + 1, s.length(), terms.all());
        assertThat(s.substring(h.start(), h.end())).isEqualTo("规范性文件");
        assertThat(terms.rightAfter("对80件,规范性文件", 4, 10, terms.all())).isNull();
    }

    @Test
    void aPartQualifierOpeningTheNameOfALevelsOwnListMakesNoPart() {
        String list = "公布1057项县级政务服务事项";
        Hit h = terms.rightAfter(list, list.indexOf('项') + 1, list.length(), terms.all());
        assertThat(list.substring(h.start(), h.end())).isEqualTo("政务服务事项");
        String committee = "设立1个县级人民调解委员会";
        assertThat(terms.rightAfter(committee, committee.indexOf('个') + 1, committee.length(), terms.all())).isNull();
    }

    @Test
    void theTermNamedLastInASentenceIsTheTopicAVerbOnlyClauseBorrows() {
        String s = "收到行政复议申请20件,受理";
        Hit h = terms.last(s, 0, s.length(), Segmenter.insideTitles(s, 0, s.length()), 0);
        assertThat(s.substring(h.start(), h.end())).isEqualTo("行政复议申请");
    }

    @Test
    void aTermOnlyContextBoundPhrasingsNameIsATopicOnlyWhereTheirContextIsNamed() {
        // 案件 is a subject of the case-file review only ("开展案卷评查,审查案件248起"): "案件量" is no topic
        String volume = "共收案14898件,案件量连续四年过万;全年审结";
        Hit h = terms.last(volume, 0, volume.length(), Segmenter.insideTitles(volume, 0, volume.length()), 0);
        assertThat(h == null ? null : volume.substring(h.start(), h.end())).isNotEqualTo("案件");
        String review = "开展行政执法案卷评查,全年审查案件248起,评定";
        Hit r = terms.last(review, 0, review.length(), Segmenter.insideTitles(review, 0, review.length()), 0);
        assertThat(review.substring(r.start(), r.end())).isEqualTo("案件");
    }
}
