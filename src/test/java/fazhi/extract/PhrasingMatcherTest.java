package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ways a phrasing governs a figure, seen through the rule each mention carries. */
class PhrasingMatcherTest {

    private final IndicatorExtractor extractor = new IndicatorExtractor(IndicatorCatalog.bundled());

    private List<String> rules(String text) {
        return extractor.extract(text).stream().map(RawMention::rule).toList();
    }

    @Test
    void aSubjectBeforeTheFigureWithAVerbMatches() {
        assertThat(rules("全年受理行政复议案件19件。")).containsExactly("recon_accepted:accepted");
    }

    @Test
    void aSubjectRightAfterTheFigureMatches() {
        assertThat(rules("对80件规范性文件进行了清理。")).containsExactly("normdoc_cleanup_total:cleaned/after");
    }

    @Test
    void aVerbOnlyClauseInheritsTheSubjectNamedBefore() {
        assertThat(rules("收到行政复议申请20件,受理19件。"))
                .containsExactly("recon_applications:received", "recon_accepted:accepted/inherited");
    }

    @Test
    void aBareRateContinuesTheRateNamedBefore() {
        assertThat(rules("行政机关负责人出庭应诉率为100%。胜诉率达到85%,上年为80%,今年提升至90%。"))
                .contains("head_appearance_rate:rate", "litigation_win_rate:rate");
        assertThat(rules("成功率提高了2个百分点,达到97%。调解工作扎实。"))
                .isEmpty(); // the context word 调解 is after the sentence: no mediation rate
    }

    @Test
    void aShareOfThingsNamedInItsOwnClauseIsTheirRate() {
        assertThat(rules("经调解后申请人撤回复议申请的案件占审结案件的12.5%。"))
                .containsExactly("recon_settlement_rate:share/share");
        assertThat(rules("维持原行政行为的复议案件占审结案件的60%。")).isEmpty();
    }

    @Test
    void aCompositionInParenthesesAfterTheFigureCarriesItsExcludingWords() {
        assertThat(rules("审结行政复议案件86件(含案前调解、不予受理的案件)。")).doesNotContain("recon_concluded:concluded");
        assertThat(rules("审结行政复议案件40件(含上年结转)。")).containsExactly("recon_concluded:concluded");
    }

    @Test
    void aDistributiveWordGivesOneRateToEachRateOfTheList() {
        assertThat(rules("12345热线响应率、办结率均为100%。"))
                .containsExactly("hotline_response_rate:rate/each", "hotline_completion_rate:rate/each");
    }

    @Test
    void aDistributiveWordBeforeTwoJoinedPredicatesGivesTheFigureToEachPredicate() {
        assertThat(rules("区政府报送的27件规范性文件均经合法性审查并按时报送备案。"))
                .containsExactlyInAnyOrder("normdoc_legality_reviews:reviewed/each", "normdoc_filed:filed/each");
        // one predicate: its own indicator only; the filing's word still excludes a legality review
        assertThat(rules("区政府报送的27件规范性文件均按时报送备案。")).containsExactly("normdoc_filed:filed/after");
    }

    @Test
    void aVerbInALaterClauseGivesTheFigureItsKindUnlessAnObligationStandsBeforeIt() {
        assertThat(rules("县政府全年制定的规范性文件9件,均按要求报县人大常委会备案。"))
                .containsExactly("normdoc_filed:filed/verb-later");
        // read with its own verb, and said of all of them in the later clause: both readings
        assertThat(rules("全年审查以县政府名义制发的规范性文件6件,均依法报市政府备案。"))
                .containsExactlyInAnyOrder("normdoc_legality_reviews:reviewed", "normdoc_filed:filed/verb-later");
        // a procedure the decisions must go through, not reviews done
        assertThat(rules("列入目录的重大行政决策事项共9项,各承办单位须落实专家论证、合法性审查等程序。")).isEmpty();
    }

    @Test
    void aFigureAfterQiZhongIsABreakdown() {
        List<RawMention> got = extractor.extract("办理行政复议案件30件,其中受理行政复议案件20件。");
        assertThat(got).extracting(RawMention::breakdown).containsExactly(false, true);
    }

    @Test
    void aVerbInALaterClauseGovernsAFigureEndingItsClauseAfterItsSubject() {
        assertThat(rules("市本级设定的证明事项共29项,经研究全部予以取消。"))
                .containsExactly("cert_items_cancelled:cancelled/verb-later");
        // not the verb of the next figure's clause
        assertThat(rules("预防纠纷651件,全年调解各类纠纷3906件。调解工作扎实。"))
                .containsExactly("mediation_cases:received");
    }

    @Test
    void aSubjectNamedForAGroupOrKindOfItsThingsIsAPart() {
        assertThat(rules("办理涉农民工讨薪法律援助案件65件。")).isEmpty();
        assertThat(rules("受理政府信息公开类行政复议案件12件。")).isEmpty();
        assertThat(rules("受理各类行政复议案件45件。")).containsExactly("recon_accepted:accepted");
    }
}
