package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fazhi.reference.IndicatorCatalog;

class TrapRulesTest {

    private final ExtractionLexicon lex = ExtractionLexicon.bundled();
    private final TrapRules traps = new TrapRules(lex, new Segmenter(lex));
    private final FigureScanner scanner = new FigureScanner(lex);

    @Test
    void changesPriorYearValuesTargetsAndOtherEntitiesAreTrapsButANewLevelIsNot() {
        assertThat(traps.isTrap("行政复议案件同比增长", false)).isTrue();
        assertThat(traps.isTrap("案件增加了", false)).isTrue();
        assertThat(traps.isTrap("出庭应诉率由", false)).isTrue();
        assertThat(traps.isTrap("出庭应诉率提升至", false)).isFalse();
        assertThat(traps.isTrap("上年受理", false)).isTrue();
        assertThat(traps.isTrap("力争办结率达到", false)).isTrue();
        assertThat(traps.isTrap("全省受理", false)).isTrue();
        assertThat(traps.isTrap("全市受理", true)).isTrue();
        assertThat(traps.isTrap("全市受理", false)).isFalse();
        assertThat(traps.isTrap("受理", false)).isFalse();
    }

    @Test
    void aHigherLevelTheCountysActWentToIsNoOtherEntitysFigure() {
        assertThat(traps.isTrap("向市级备案", true)).isFalse(); // the county's documents filed with the city
        assertThat(traps.isTrap("报全省推广", false)).isFalse();
        assertThat(traps.isTrap("市级备案", true)).isTrue();
        assertThat(traps.isTrap("全省受理", false)).isTrue();
    }

    @Test
    void someUnitsSaidToExistAreASubsetOfTheCounty() {
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        var rate = catalog.byCode("hotline_completion_rate").orElseThrow();
        assertThat(traps.bySubsetActor("经回访,有31个单位群众评价较好,按时办结率均为", rate)).isTrue();
        assertThat(traps.bySubsetActor("经回访,全县按时办结率均为", rate)).isFalse();
        assertThat(traps.bySubsetActor("全县31个单位按时办结率均为", rate)).isFalse(); // all the units named, not some
    }

    @Test
    void aSingleRespondentNamesASubsetAndATownSpeakingOfItselfIsAPartOfACountysReport() {
        assertThat(traps.namesSubset("以区政府为被申请人的复议案件共")).isTrue();
        assertThat(traps.namesSubset("以乡镇政府和县政府部门为被申请人的复议案件共")).isFalse();
        assertThat(traps.namesSubset("区政府共收到行政复议申请")).isFalse();

        assertThat(traps.isTrap("全镇共调处矛盾纠纷", traps.areaWords(ReportLevel.COUNTY, false))).isTrue();
        assertThat(traps.isTrap("全镇共调处矛盾纠纷", traps.areaWords(null, true))).isTrue();
        assertThat(traps.isTrap("全镇共调处矛盾纠纷", traps.areaWords(null, false))).isFalse(); // a town's own report
    }

    @Test
    void aSecondQuotedCampaignCountedInTheSameUnitAcrossACommaMakesTheFirstOneCampaignsCount() {
        // cleaned text: the comma is ASCII
        String s = "开展“以法兴企”法治宣传活动198场,“法安白云”普法直播177场";
        List<Figure> f = scanner.scan(s, 0, s.length());
        String firstClause = s.substring(0, f.get(0).numberStart());
        assertThat(traps.campaignBesideCampaign(firstClause, f.get(0),
                s.substring(f.get(0).end(), f.get(1).numberStart()), f.get(1))).isTrue();

        String otherUnit = "开展“以法兴企”法治宣传活动198场,“法安白云”直播观看人次177万人次";
        List<Figure> g = scanner.scan(otherUnit, 0, otherUnit.length());
        assertThat(traps.campaignBesideCampaign(firstClause, g.get(0),
                otherUnit.substring(g.get(0).end(), g.get(1).numberStart()), g.get(1))).isFalse();

        String unnamedFirst = "开展法治宣传活动198场,“法安白云”普法直播177场";
        List<Figure> h = scanner.scan(unnamedFirst, 0, unnamedFirst.length());
        assertThat(traps.campaignBesideCampaign(unnamedFirst.substring(0, h.get(0).numberStart()), h.get(0),
                unnamedFirst.substring(h.get(0).end(), h.get(1).numberStart()), h.get(1))).isFalse();

        String verbFirst = "开展“以法兴企”法治宣传活动198场,举办“法安白云”普法直播177场";
        List<Figure> v = scanner.scan(verbFirst, 0, verbFirst.length());
        assertThat(traps.campaignBesideCampaign(firstClause, v.get(0),
                verbFirst.substring(v.get(0).end(), v.get(1).numberStart()), v.get(1))).isFalse();
    }

    @Test
    void ordinalsRanksDurationsAndRangesAreNotLevels() {
        // a change in 个百分点 needs no rule: no indicator takes that unit (growth.csv pins it down)
        for (String s : List.of("排名第3名", "位列全省前10名", "在3个工作日内", "10%-20%")) {
            List<Figure> figures = scanner.scan(s, 0, s.length());
            assertThat(traps.notALevel(s, figures, 0)).as(s).isTrue();
        }
        String level = "受理19件";
        assertThat(traps.notALevel(level, scanner.scan(level, 0, level.length()), 0)).isFalse();
    }

    @Test
    void partYearsAndSpansOfYearsAreOtherPeriods() {
        for (String s : List.of("4月份,受理案件30件", "第四季度受理30件", "1月至7月受理30件", "1至10月受理30件",
                "近三年来共受理30件", "2015年5月至年底受理30件")) {
            assertThat(traps.otherPeriod(s, 0, s.indexOf('3', s.indexOf("受理")))).as(s).isTrue();
        }
        for (String s : List.of("1月至12月受理30件", "2023年1月1日至12月31日受理30件", "全年受理30件")) {
            assertThat(traps.otherPeriod(s, 0, s.indexOf("30"))).as(s).isFalse();
        }
    }

    @Test
    void aYearOpeningAClauseAttributesTheFigureButAYearInsideAClauseDoesNot() {
        String s = "2022年,受理案件30件";
        assertThat(traps.attributedYear(s, 0, s.indexOf('3'), new boolean[s.length() + 1], 0)).isEqualTo(2022);
        String inside = "对2022年办结的827件案件进行自查";
        assertThat(traps.attributedYear(inside, 0, inside.indexOf('8'), new boolean[inside.length() + 1], 0)).isNull();
        String law = "2019年修订的条例施行后,办结30件";
        assertThat(traps.attributedYear(law, 0, law.indexOf('3'), new boolean[law.length() + 1], 0)).isNull();
        String since = "2019年以来,共办结30件"; // a span's start: a flow since 2019 is dropped as partial, a stock kept
        assertThat(traps.attributedYear(since, 0, since.indexOf('3'), new boolean[since.length() + 1], 0)).isNull();
        assertThat(traps.titleYear("冠县二〇二三年法治政府建设情况的报告")).isEqualTo(2023);
    }

    @Test
    void flowsUpToADateInsideTheYearOrSinceAnEarlierStartAreNotTheYears() {
        for (String s : List.of("截至10月底,受理30件", "截止到2023年6月15日,办理30件", "截至目前,共开展30场",
                "《条例》实施以来,累计办理30件", "2019年以来,共办结30件", "“十三五”以来,共受理30件")) {
            assertThat(traps.partialFlow(s, 0, s.indexOf("30"), 2023, false)).as(s).isTrue();
        }
        for (String s : List.of("截至年底,受理30件", "截至12月31日,受理30件", "今年以来,受理30件",
                "2023年3月以来,受理30件", "县政协会议以来,收到提案30件", "二十大以来,我县全年受理30件")) {
            assertThat(traps.partialFlow(s, 0, s.indexOf("30"), 2023, false)).as(s).isFalse();
        }
        // an annual report is written after its year: its "截至目前" is the whole year, "截至10月底" is not
        assertThat(traps.partialFlow("截至目前,共处办工单30件", 0, 11, 2023, true)).isFalse();
        assertThat(traps.partialFlow("截至10月底,受理30件", 0, 10, 2023, true)).isTrue();
    }

    @Test
    void aPartyCommitteeActingAloneIsAnotherBodyButNotWithTheGovernment() {
        assertThat(traps.byOtherBody("县纪委监委处理行政执法人员")).isTrue();
        assertThat(traps.byOtherBody("县委依法治县办组织开展普法宣传活动")).isTrue();
        assertThat(traps.byOtherBody("县委、县政府组织开展普法宣传活动")).isFalse();
        assertThat(traps.byOtherBody("在县委的领导下开展普法宣传活动")).isFalse();
    }

    @Test
    void oneVillageOrCommunityOpeningTheClauseIsItsActorButVillagesInGeneralAreNot() {
        assertThat(traps.byLocalUnit("尖山村累计调解案件")).isTrue();
        assertThat(traps.byLocalUnit("该村全年调处矛盾纠纷")).isTrue();
        assertThat(traps.byLocalUnit("西苑社区调委会受理纠纷")).isTrue();
        assertThat(traps.byLocalUnit("各村(社区)调委会共调解纠纷")).isFalse();
        assertThat(traps.byLocalUnit("全县行政村均配备法律顾问,开展法治讲座")).isFalse();
        assertThat(traps.byLocalUnit("农村法律顾问坐班")).isFalse();
        assertThat(traps.byLocalUnit("城乡社区网格员排查纠纷")).isFalse();
        assertThat(traps.byLocalUnit("县司法局受理法律援助案件")).isFalse();
        assertThat(traps.byLocalUnit("社区矫正对象")).isFalse();
        // a district or county a city report names is a part of the city's figures, unless the title names it
        assertThat(traps.byLocalUnit("船山区收到行政复议申请")).isTrue();
        assertThat(traps.byLocalUnit("其中海港区收到申请")).isTrue();
        assertThat(traps.byLocalUnit("昌黎县受理复议案件68件、调解结案")).isTrue();
        assertThat(traps.byLocalUnit("高要区2024年办理法律援助案件")).isTrue();
        assertThat(traps.byLocalUnit("射洪市政府全年审结行政复议案件")).isTrue();
        assertThat(traps.byLocalUnit("船山区收到行政复议申请", "船山区2022年法治政府建设情况报告")).isFalse();
        assertThat(traps.byLocalUnit("全县受理行政复议申请")).isFalse();
        assertThat(traps.byLocalUnit("区委区政府审核重大行政决策")).isFalse();
        assertThat(traps.byLocalUnit("审查区政府合同协议")).isFalse();
        assertThat(traps.byLocalUnit("各县区受理法律援助案件")).isFalse();
        assertThat(traps.byLocalUnit("市市场监管局全年办理行政处罚案件")).isTrue();
        assertThat(traps.byLocalUnit("县司法局办理法律援助案件")).isFalse();
        assertThat(traps.byLocalUnit("县市场监管局办理行政处罚案件", "县市场监管局2023年法治政府建设情况报告")).isFalse();
    }

    @Test
    void aCentreOpeningTheSentenceActsInItsLaterClausesUntilTheCountysOwnAreaOpensOne() {
        assertThat(traps.bySentenceUnit("区综治中心全年受理矛盾纠纷1048件,调处成功", "调处成功")).isTrue();
        assertThat(traps.bySentenceUnit("县矛盾纠纷调处化解中心实行一窗受理,全年调解各类矛盾纠纷", "全年调解各类矛盾纠纷"))
                .isTrue();
        assertThat(traps.bySentenceUnit("县综治中心建成运行,全县各级调解组织调解矛盾纠纷", "全县各级调解组织调解矛盾纠纷"))
                .isFalse();
        assertThat(traps.bySentenceUnit("全县各级调解组织受理纠纷2681起,调处成功", "调处成功")).isFalse();
    }

    @Test
    void theCourtsCasesOfTheCountysAgenciesAsDefendantsAreTheGovernmentsNotAnotherBodys() {
        assertThat(traps.byOtherBody("县法院审结行政案件")).isTrue();
        assertThat(traps.byOtherBody("全年法院审结涉及我县行政机关的一审行政案件")).isFalse();
        assertThat(traps.byOtherBody("县法院共审结以本县行政机关和乡镇政府为被告的行政案件")).isFalse();
    }

    @Test
    void aNameEndingLikeARegionsIsAPartOnlyWhenTheRegionTableHoldsItOrItIsAZone() {
        assertThat(traps.byLocalUnit("昌黎县受理复议案件")).isTrue();
        assertThat(traps.byLocalUnit("经开区受理复议案件")).isTrue();
        assertThat(traps.byLocalUnit("辖区受理矛盾纠纷")).isFalse();
        assertThat(traps.byLocalUnit("景区受理投诉")).isFalse();
        assertThat(traps.byLocalUnit("尖山村累计调解案件")).isTrue();
    }

    @Test
    void aDraftAReviewWasDoneOnIsNoTarget() {
        assertThat(traps.isTrap("区政府拟以本级名义印发的", false)).isFalse();
        assertThat(traps.isTrap("另有拟废止的", false)).isTrue();
    }

    @Test
    void anotherEntityEarlierInTheSentenceSetsTheScopeUnlessItOnlyPlacesTheCounty() {
        assertThat(traps.foreignScope("2022年全省法院开庭审理的行政案件中,行政机关负责人出庭应诉率", false)).isTrue();
        assertThat(traps.foreignScope("全市调解组织排查纠纷,受理", true)).isTrue();
        assertThat(traps.foreignScope("全市调解组织排查纠纷,受理", false)).isFalse();
        assertThat(traps.foreignScope("在全省率先推行告知承诺制,受理", false)).isFalse();
        assertThat(traps.foreignScope("全省推行告知承诺制,我县受理", false)).isFalse();
    }

    @Test
    void aCountOfThingsThatIsAShareOfAllThingsOfItsKindIsAPartButAnActionsShareIsNot() {
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        var orgs = catalog.byCode("mediation_orgs").orElseThrow();
        var successes = catalog.byCode("mediation_successes").orElseThrow();
        var concluded = catalog.byCode("recon_concluded").orElseThrow();
        assertThat(traps.shareOfOwnKind("个调委会达到规范化要求,占全部调委会的88%。", orgs)).isTrue();
        // the whole is another kind of thing, or no whole is named
        assertThat(traps.shareOfOwnKind("个调委会达到规范化要求,占全县村居的88%。", orgs)).isFalse();
        assertThat(traps.shareOfOwnKind("个,覆盖率达100%。", orgs)).isFalse();
        assertThat(traps.shareOfOwnKind("件,占调解总数的98.8%。", successes)).isFalse();
        // a count read with a verb (concluded) is the year's whole, whatever total it is a share of
        assertThat(traps.shareOfOwnKind("件,占全部行政复议案件的95%。", concluded)).isFalse();
    }

    @Test
    void aCauseNamedEarlierInTheSentenceMakesEveryLaterCaseCountItsSubset() {
        assertThat(traps.byNamedCause("因政府信息公开引发的行政复议30件，其中10件被纠正；行政诉讼")).isTrue();
        assertThat(traps.byNamedCause("全年收到行政复议申请30件，其中10件被纠正；行政诉讼")).isFalse();
    }

    @Test
    void aTownsEnforcementTeamIsAPartOfACountysReport() {
        assertThat(traps.isTrap("镇综合行政执法大队共办理行政处罚案件", traps.areaWords(ReportLevel.COUNTY, false))).isTrue();
        assertThat(traps.isTrap("县综合行政执法大队共办理行政处罚案件", traps.areaWords(ReportLevel.COUNTY, false))).isFalse();
    }
}
