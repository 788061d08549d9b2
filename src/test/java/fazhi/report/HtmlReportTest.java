package fazhi.report;

import fazhi.cli.FazhiMain;
import fazhi.report.Messages.Lang;
import fazhi.report.ReportData.ProvinceSection;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");

    static ReportData load(Path warehouse, int year, String province, List<String> indicators) throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse))) {
            return new ReportLoader(c).load(ReportLoader.Request.of(year, province, indicators), "test");
        }
    }

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.esc("<b>\"甲\" & '乙'</b>\u0001")).isEqualTo("&lt;b&gt;&quot;甲&quot; &amp; &#39;乙&#39;&lt;/b&gt;\uFFFD");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.num(1234.0)).isEqualTo("1,234");
        assertThat(Html.num(80.9)).isEqualTo("80.9");
        assertThat(Html.p(0.00001)).isEqualTo("< 0.001");
        assertThat(Html.num(95.25)).isEqualTo("95.25");
        assertThat(Html.num((Double) null)).isEqualTo("–");
    }

    @Test
    void aCorrectedFigureIsMarkedInItsChartAndListedWithTheExtractedFigureItReplaces(@TempDir Path tmp) throws Exception {
        Path input = fazhi.config.TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.writeString(input.resolve("corrections.csv"), "region_code,year,indicator,value,qualifier,not_reported,"
                + "reason,by,recorded_at,evidence\n520328,2020,litigation_cases,42,,,the printed report says 42,王统计,"
                + "2026-11-01,\n");
        fazhi.config.TestWarehouses.run("ingest", input, tmp.resolve("wh"));

        ReportData d = load(tmp.resolve("wh"), 2020, "520000", List.of("litigation_cases", "penalty_cases"));
        String html = HtmlReport.render(d, NOW, Lang.en);

        ProvinceSection guizhou = d.provinces().get(0);
        assertThat(guizhou.panels().get(0).regions().get(0).points())
                .containsExactly(new ReportData.Point(2020, 42, false, true));
        assertThat(guizhou.panels().get(1).regions().get(0).points())
                .containsExactly(new ReportData.Point(2020, 846, false, false));
        assertThat(guizhou.corrections()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(42.0);
            assertThat(c.extractedValue()).isEqualTo(41.0);
            assertThat(c.status()).isEqualTo("applied");
        });
        assertThat(html).contains("<title>2020: 42 (corrected)</title>").contains("<title>2020: 846</title>")
                .contains("Corrected figures").contains("the printed report says 42");
    }

    @Test
    void panelScaleKeepsRatesWithin0To100AndCountsAbove0() {
        var one = new ReportData.RegionSeries("370102", "历下区", List.of(new ReportData.Point(2024, 100, false)), null);
        var rate = SvgCharts.PanelScale.of(new ReportData.IndicatorPanel("x", "x", "%", List.of(one), 0));
        assertThat(rate.max()).isEqualTo(100);
        assertThat(rate.min()).isLessThan(100);
        assertThat(rate.firstYear()).isEqualTo(2023);
        assertThat(rate.lastYear()).isEqualTo(2025);
        var zero = new ReportData.RegionSeries("370102", "历下区", List.of(new ReportData.Point(2023, 0, false),
                new ReportData.Point(2024, 5, false)), null);
        var count = SvgCharts.PanelScale.of(new ReportData.IndicatorPanel("x", "x", "件", List.of(zero), 0));
        assertThat(count.min()).isZero();
        assertThat(count.max()).isGreaterThan(5);
        String svg = SvgCharts.smallMultiple(zero, count, 2024, "件");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("历下区").doesNotContain("NaN");
    }

    @Test
    void givenPanel_whenLoadedForShandong_thenRankingTrendsAndOutliersAreThere() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG, null);
        assertThat(d.provinces()).hasSize(1);
        ProvinceSection p = d.provinces().get(0);
        assertThat(p.provinceName()).isEqualTo("山东省");
        assertThat(p.ranked()).hasSize(11);
        assertThat(p.notRanked()).extracting(ReportData.RankingEntry::regionName).containsExactly("钢城区");
        assertThat(p.ranked()).allSatisfy(r -> assertThat(r.rankP05()).isLessThanOrEqualTo(r.rankP95()));
        assertThat(p.panels()).hasSize(3);
        assertThat(p.panels()).allSatisfy(panel -> assertThat(panel.regions()).isNotEmpty());
        assertThat(p.panels().get(0).regions().get(0).points()).hasSize(7);   // 2017..2023
        assertThat(p.outliers()).anySatisfy(o -> {
            assertThat(o.regionCode()).isEqualTo(ReportWarehouses.OUTLIER_REGION);
            assertThat(o.indicator()).isEqualTo("legal_opinions");
            assertThat(o.evidence()).isEqualTo(ReportWarehouses.OUTLIER_EVIDENCE);
        });
        assertThat(d.synthetic().syntheticObservations()).isZero();   // only 河南 is synthetic
    }

    @Test
    void givenChosenIndicators_whenLoaded_thenPanelsFollowTheChoiceWithTrendLines() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG,
                List.of("head_appearance_rate", "hotline_satisfaction_rate"));
        ProvinceSection p = d.provinces().get(0);
        assertThat(p.panels()).extracting(ReportData.IndicatorPanel::code)
                .containsExactly("head_appearance_rate", "hotline_satisfaction_rate");
        assertThat(p.panels().get(0).regions()).filteredOn(r -> r.regionCode().equals("370102"))
                .singleElement().satisfies(r -> {
                    assertThat(r.trend().direction()).isEqualTo("increasing");
                    assertThat(r.trend().hasLine()).isTrue();
                });
        assertThat(p.panels().get(1).regions()).filteredOn(r -> r.regionCode().equals("370124"))
                .singleElement().satisfies(r -> assertThat(r.trend().direction()).isEqualTo("decreasing"));
    }

    @Test
    void givenPanel_whenRendered_thenSelfContainedEscapedHtmlWithOneBarPerRankedCounty() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG, null);
        String html = HtmlReport.render(d, NOW, Lang.en);
        assertThat(html).startsWith("<!DOCTYPE html>");
        has(html, "<meta charset=\"utf-8\">", "山东省");
        // eleven ranked on the framework, and all twelve counties on the disclosure index
        assertThat(count(html, "<svg class=\"rank-bar\"")).isEqualTo(11 + 12);
        assertThat(count(html, "<svg class=\"small-multiple\"")).isGreaterThanOrEqualTo(3 * 11);
        has(html, "class=\"sen\"");
        // the planted sentence is shown, escaped
        has(html, "50000件&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “复核”");
        hasNot(html, "<script", "alert('x')");
        // nothing from the network
        assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(html).find()).as("a network reference").isFalse();
        hasNot(html, "url(", "@import", "class=\"synthetic-banner\"");
        has(html, "钢城区", "not ranked");
    }

    @Test
    void givenPanel_whenRendered_thenEveryRankedCountySaysWhatHeldItBackAndWhatCarriedIt() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG, null);
        String html = HtmlReport.render(d, NOW, Lang.en);
        assertThat(count(html, "held back by ")).isEqualTo(11);
        ReportData.RankingEntry last = d.provinces().get(0).ranked().get(d.provinces().get(0).ranked().size() - 1);
        assertThat(last.drivers()).isNotEmpty();
        // the costliest indicator first, and the weight shares of the indicators it used add up to one
        assertThat(last.drivers().get(0).cost()).isGreaterThanOrEqualTo(last.drivers().get(1).cost());
        assertThat(last.drivers().stream().mapToDouble(ReportData.Driver::weightShare).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        has(html, last.drivers().get(0).indicator());
    }

    @Test
    void givenAWeakRateOnTheHeaviestIndicator_whenExplained_thenItIsNamedFirstWithItsShareOfTheWeight() {
        String text = HtmlReport.drivers(List.of(
                new ReportData.Driver("head_appearance_rate", 0, 2.0 / 9, false),
                new ReportData.Driver("normdoc_filing_rate", 0, 1.0 / 9, true),
                new ReportData.Driver("hotline_response_rate", 100, 0.5 / 9, false)), Messages.of(Lang.en));
        assertThat(text).isEqualTo("held back by head_appearance_rate 0/100 (22% of weight), normdoc_filing_rate* 0/100"
                + " (11% of weight); carried by hotline_response_rate 100/100 (6% of weight); 1 of 3 imputed (*)");
    }

    @Test
    void givenSyntheticProvince_whenRendered_thenBannerAndTags() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.HENAN, null);
        assertThat(d.synthetic().any()).isTrue();
        assertThat(d.synthetic().syntheticObservations()).isEqualTo(d.synthetic().observations());
        String html = HtmlReport.render(d, NOW, Lang.en);
        has(html, "class=\"synthetic-banner\"", "SYNTHETIC DATA", "synthetic input");
    }

    @Test
    void givenAllProvinces_whenRendered_thenOneSectionEachAndANavigation() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, null, null);
        assertThat(d.provinces()).extracting(ProvinceSection::provinceCode)
                .containsExactly(ReportWarehouses.SHANDONG, ReportWarehouses.HENAN);
        String html = HtmlReport.render(d, NOW, Lang.en);
        has(html, "<nav>", "href=\"#p-370000\"", "id=\"p-410000\"", "class=\"synthetic-banner\"");
    }

    @Test
    void givenPanel_whenRendered_thenTheDisclosureIndexWithIntervalsAndTheYearsOfDisclosure() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG, null);
        ReportData.ProvinceSection p = d.provinces().get(0);
        assertThat(p.disclosure()).hasSize(ReportWarehouses.SHANDONG_COUNTIES.length);
        assertThat(p.disclosure()).allSatisfy(e -> assertThat(e.rankP05()).isLessThanOrEqualTo(e.rankP95()));
        assertThat(p.disclosureByYear()).extracting(ReportData.DisclosureYear::year).contains(2017, 2023);
        String html = HtmlReport.render(d, NOW, Lang.en);
        has(html, "Disclosure index, 2023", "disclosure rank", "Disclosure over the years", "litigation");
    }

    @Test
    void givenTheTinySampleWarehouse_whenRendered_thenItSaysWhyThingsAreMissingInsteadOfFailing() throws Exception {
        Path wh = ReportWarehouses.sample();
        int year = Integer.parseInt(fazhi.config.TestWarehouses.query(wh,
                "SELECT max(year) FROM observations").get(0).get(0));
        ReportData d = load(wh, year, null, null);
        assertThat(d.provinces()).isNotEmpty();
        String html = HtmlReport.render(d, NOW, Lang.en);
        has(html, "No county of this province is ranked", "No region has three years");
        // no real county can be ranked on the framework, but every real report has a disclosure index
        assertThat(d.provinces().stream().mapToInt(p -> p.disclosure().size()).sum()).isPositive();
        has(html, "Disclosure index, " + year, "/45");
        ReportData none = load(wh, 1999, null, null);
        has(HtmlReport.render(none, NOW, Lang.en), "no observations and no rankings for 1999");
    }

    @Test
    void givenTheCommand_whenRun_thenTheFileIsWrittenAndAnUnknownProvinceIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sub/report.html");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = FazhiMain.execute("report", "--year", "2023", "--province", "山东", "--out", out.toString(),
                    "--warehouse", ReportWarehouses.panel().toString(), "--indicators", "head_appearance_rate,legal_opinions");
        } finally {
            System.setOut(oldOut);
        }
        assertThat(code).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("wrote");
        String html = Files.readString(out, StandardCharsets.UTF_8);
        has(html, "行政机关负责人出庭应诉率", "legal_opinions", "<html lang=\"zh-CN\">", "区县排名");
        assertThat(FazhiMain.execute("report", "--year", "2023", "--province", "山东", "--out", out.toString(), "--lang", "en",
                "--warehouse", ReportWarehouses.panel().toString())).isZero();
        has(Files.readString(out, StandardCharsets.UTF_8), "<html lang=\"en\">", "Ranking of counties, 2023");
        assertThat(FazhiMain.execute("report", "--year", "2023", "--province", "火星", "--out", out.toString(),
                "--warehouse", ReportWarehouses.panel().toString())).isEqualTo(2);
        assertThat(FazhiMain.execute("report", "--year", "2023", "--out", out.toString(),
                "--warehouse", tmp.resolve("nowhere").toString())).isEqualTo(2);
    }

    @Test
    void givenPanel_whenRenderedInChinese_thenEverySectionSpeaksChineseAndNoEnglishSentenceIsLeft() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.SHANDONG, null);
        String html = HtmlReport.render(d, NOW, Lang.zh);
        has(html, "<html lang=\"zh-CN\">", "2023年区县排名", "请看区间，而不是名次本身", "2023年公开指数", "各地区趋势",
                "未排名不等于最后一名", "历年公开情况");
        assertThat(count(html, "拖累得分：")).isEqualTo(11);
        hasNot(html, "held back by", "Ranking of counties", "Read the interval", "Disclosure index", "Trends by region",
                "not ranked (", "of weight");
    }

    @Test
    void givenAWeakRateOnTheHeaviestIndicator_whenExplainedInChinese_thenTheSameFiguresInChineseWords() {
        String text = HtmlReport.drivers(List.of(
                new ReportData.Driver("head_appearance_rate", 0, 2.0 / 9, false),
                new ReportData.Driver("normdoc_filing_rate", 0, 1.0 / 9, true),
                new ReportData.Driver("hotline_response_rate", 100, 0.5 / 9, false)), Messages.of(Lang.zh));
        assertThat(text).isEqualTo("拖累得分：head_appearance_rate 0/100（占权重 22%）、normdoc_filing_rate* 0/100"
                + "（占权重 11%）；支撑得分：hotline_response_rate 100/100（占权重 6%）；3 项中 1 项为插补值（*）");
    }

    @Test
    void givenSyntheticProvince_whenRenderedInChinese_thenTheBannerSaysSoInChinese() throws Exception {
        ReportData d = load(ReportWarehouses.panel(), ReportWarehouses.PANEL_YEAR, ReportWarehouses.HENAN, null);
        String html = HtmlReport.render(d, NOW, Lang.zh);
        has(html, "class=\"synthetic-banner\"", "条是合成数据", "请勿发布或引用", "含合成数据");
        hasNot(html, "SYNTHETIC DATA");
    }

    /** Asserts without printing the whole page when it fails. */
    static void has(String html, String... needles) {
        for (String n : needles) {
            assertThat(html.contains(n)).as("the report contains %s", n).isTrue();
        }
    }

    static void hasNot(String html, String... needles) {
        for (String n : needles) {
            assertThat(html.contains(n)).as("the report does not contain %s", n).isFalse();
        }
    }

    static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
