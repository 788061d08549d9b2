package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void fullWidthDigitsAndPunctuationBecomeHalfWidth() {
        assertThat(cleaner.clean("受理１，２４５件，率达９８．６％。")).isEqualTo("受理1,245件,率达98.6%。");
    }

    @Test
    void traditionalCharactersOfTheDomainBecomeSimplified() {
        assertThat(cleaner.clean("東城區行政復議")).isEqualTo("东城区行政复议");
    }

    @Test
    void commonTraditionalCharactersOfReportsBecomeSimplified() {
        assertThat(cleaner.clean("歷經徵求意見、專家論證")).isEqualTo("历经征求意见、专家论证");
    }

    @Test
    void aChromeMarkedLineThatEndsLikeASentenceIsKept() {
        assertThat(cleaner.clean("承办单位:县政府办公室\n各承办单位按时办结率达100%。"))
                .isEqualTo("各承办单位按时办结率达100%。");
    }

    @Test
    void aLineEndingInARowValueIsNotJoinedToTheNext() {
        assertThat(cleaner.clean("全年人民调解组织调解成功率 99.8%\n受理矛盾纠纷共计8710件。"))
                .isEqualTo("全年人民调解组织调解成功率 99.8%\n受理矛盾纠纷共计8710件。");
        assertThat(cleaner.clean("2023年 全县受理矛盾纠纷合计 8 710\n调解成功8650件，成功率99.3%。"))
                .isEqualTo("2023年 全县受理矛盾纠纷合计 8 710\n调解成功8650件,成功率99.3%。");
    }

    @Test
    void aWrappedLineEndingInAFigureWithoutASpaceIsJoined() {
        assertThat(cleaner.clean("全年人民调解组织调解成功率达到99.8\n%，受理矛盾纠纷共计8710件。"))
                .isEqualTo("全年人民调解组织调解成功率达到99.8%,受理矛盾纠纷共计8710件。");
    }

    @Test
    void hardWrappedLinesOfOneWidthAreJoinedButHeadingsStayApart() {
        String raw = """
                一、主要成效
                全年共收到行政复议申请86件，依法受理行政复议案件
                74件，审结71件；发生以县政府为被告的行政诉
                讼案件52件，行政机关负责人出庭应诉率达到10
                0%。
                二、存在问题
                """;
        assertThat(cleaner.clean(raw)).isEqualTo("一、主要成效\n全年共收到行政复议申请86件,依法受理行政复议案件"
                + "74件,审结71件;发生以县政府为被告的行政诉讼案件52件,行政机关负责人出庭应诉率达到100%。\n二、存在问题");
    }

    @Test
    void aShortBlockWrappedInsideWordsIsJoinedButAHeadingIsNot() {
        assertThat(cleaner.clean("2022年经清理，保留县政府行政规范性文\n件17件，宣布失效9件、废\n止10件。"))
                .isEqualTo("2022年经清理,保留县政府行政规范性文件17件,宣布失效9件、废止10件。");
        assertThat(cleaner.clean("（一）深入推进依法行政，全面提升政府治理能力\n全年办理行政处罚案件3300件。"))
                .isEqualTo("(一)深入推进依法行政,全面提升政府治理能力\n全年办理行政处罚案件3300件。");
    }

    @Test
    void linesOfAnOrdinaryTextAreNotJoined() {
        String raw = "全年受理行政复议案件42件\n审结40件\n纠错率15%";
        assertThat(cleaner.clean(raw)).isEqualTo(raw);
    }

    @Test
    void aPageMarkOrRunningHeaderInsideASentenceIsDroppedAndTheSentenceJoined() {
        assertThat(cleaner.clean("全年提供法律咨询240余人次，受理法\n— 3 —\n律援助案件537件。"))
                .isEqualTo("全年提供法律咨询240余人次,受理法律援助案件537件。");
        assertThat(cleaner.clean("全县行政执法主体45个，持证\nXX县人民政府关于2023年法治政府建设情况的报告\n执法人员1120名。"))
                .isEqualTo("全县行政执法主体45个,持证执法人员1120名。");
    }

    @Test
    void offsetsOfAJoinedLinePointIntoTheDecodedText() {
        String raw = "全年提供法律咨询240余人次，受理法\n第3页 共9页\n律援助案件537件。";
        CleanedText clean = cleaner.cleanWithOffsets(raw);
        int at = clean.text().indexOf("537");
        assertThat(raw.substring(clean.origin()[at], clean.origin()[at] + 3)).isEqualTo("537");
    }

    @Test
    void webChromeMetadataAndAdvertsAreDropped() {
        String raw = """
                当前位置: 首页 > 政务公开
                现在订阅立享前3年的所有权益和资料
                XX县法治政府建设情况的报告
                索引号
                11371525004442025C/2025-45683699
                发布机构
                县司法局
                全年受理行政复议案件42件。
                扫一扫在手机打开当前页面
                """;
        assertThat(cleaner.clean(raw)).isEqualTo("XX县法治政府建设情况的报告\n全年受理行政复议案件42件。");
    }

    @Test
    void aReportPastedTwiceIsKeptOnce() {
        String body = "一、主要成效\n全年受理行政复议案件42件,审结40件,行政复议综合纠错率为15%。\n二、存在问题\n执法力量薄弱。\n";
        String cleaned = cleaner.clean("标题报告\n" + body + body);
        assertThat(cleaned.split("受理行政复议案件42件", -1)).hasSize(2);
    }

    @Test
    void elisionsAreUnifiedAndWordArtefactsRemoved() {
        assertThat(cleaner.clean("[bookmark: _GoBack]自治区、 （ 略 ） 工作重点")).isEqualTo("自治区、 (略) 工作重点");
    }

    @Test
    void aShortTitleRepeatedOnceIsKept() {
        assertThat(cleaner.clean("合计 | 12\n合计 | 12")).isEqualTo("合计 | 12\n合计 | 12");
    }

    @Test
    void everyCleanCharacterMapsBackToWhereItStandsInTheDecodedText() {
        String decoded = "当前位置: 首页 > 政务公开\r\n冠縣法治政府建设情况的报告\r\n\r\n"
                + "全年受理行政復議案件　４２件，[bookmark: _GoBack]审结40件（ 略 ）。\r\n扫一扫在手机打开当前页面\r\n";

        CleanedText clean = cleaner.cleanWithOffsets(decoded);

        assertThat(clean.text()).isEqualTo("冠县法治政府建设情况的报告\n\n全年受理行政复议案件 42件,审结40件(略)。");
        int figure = clean.text().indexOf("42件");
        assertThat(decoded.substring(clean.decodedOffset(figure))).startsWith("４２件");
        assertThat(decoded.substring(clean.decodedOffset(clean.text().indexOf("40件")))).startsWith("40件");
        assertThat(decoded.substring(clean.decodedOffset(clean.text().indexOf("(略)")))).startsWith("（ 略 ）");
        assertThat(decoded.charAt(clean.decodedOffset(clean.text().indexOf("县")))).isEqualTo('縣');
        assertThat(clean.decodedOffset(clean.text().length())).isEqualTo(decoded.length());
    }

    @Test
    void theTextWithOffsetsIsTheCleanText() {
        String decoded = "标题报告\n一、主要成效\n全年受理行政复议案件42件。\n全年受理行政复议案件42件。\n";

        assertThat(cleaner.cleanWithOffsets(decoded).text()).isEqualTo(cleaner.clean(decoded));
    }

    @Test
    void aTitleBrokenOverTwoLinesDoesNotMakeALaterShortLineTheTitle() {
        // a PDF's paragraphs are long lines; its title "…情况报" / "告" names no 报告 on either line
        String body = "2022年，全县深入推进依法行政。".repeat(20);
        String decoded = "博野县人民政府2022年度法治政府建设情况报\n告\n" + body + "\n主要工作数据统计表\n指标 | 2022年\n"
                + "行政复议受理(件) | 91\n三、存在的问题\n特此报告。\n【合成数据 本文非真实政府报告】\n";

        String clean = cleaner.clean(decoded);

        assertThat(clean).contains("主要工作数据统计表\n指标 | 2022年\n行政复议受理(件) | 91\n三、存在的问题\n特此报告。");
    }
}
