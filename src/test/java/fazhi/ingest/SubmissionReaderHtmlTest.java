package fazhi.ingest;

import fazhi.reference.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML pages: bytes decide the charset; the page is rendered as lines of text. */
class SubmissionReaderHtmlTest {

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    private DecodedDocument read(String fixture) throws Exception {
        Path target = dir.resolve(fixture);
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return reader.read(target);
    }

    @Test
    void pageLabelledGb2312WithGbkOnlyCharactersIsDecodedAsGb18030() throws Exception {
        DecodedDocument doc = read("gb2312-labelled-gbk-chars.html");

        assertThat(doc.format()).isEqualTo("html");
        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).contains("朱镕基").doesNotContain("\uFFFD");
    }

    @Test
    void scriptsStylesAndNavigationAreDropped() throws Exception {
        DecodedDocument doc = read("gb2312-labelled-gbk-chars.html");

        assertThat(doc.text()).doesNotContain("不应出现的脚本文字").doesNotContain("color").doesNotContain("首页");
    }

    @Test
    void inlineTagsDoNotSplitWords() throws Exception {
        DecodedDocument doc = read("gb2312-labelled-gbk-chars.html");

        assertThat(doc.text()).contains("朱镕基同志的讲话精神得到深入学习。");
    }

    @Test
    void blocksAndLineBreaksBecomeLines() throws Exception {
        DecodedDocument doc = read("utf8-report.html");

        assertThat(doc.encoding()).isEqualTo("UTF-8");
        assertThat(doc.text().lines().toList()).containsSubsequence(
                "湄潭县2020年度法治政府建设工作报告",
                "2020年，全县各级各部门深入贯彻落实党的十九大精神，继续深入推进依法行政。",
                "现将有关情况报告如下：",
                "一、行政复议工作情况");
    }

    @Test
    void tableRowsBecomeOneLineWithCellsJoinedByBars() throws Exception {
        DecodedDocument doc = read("utf8-report.html");

        assertThat(doc.text().lines().toList()).containsSubsequence(
                "项目 | 数量",
                "行政复议申请（件） | 64",
                "行政应诉案件 （件） | 18");
    }

    @Test
    void listItemsGetALineEach() throws Exception {
        DecodedDocument doc = read("utf8-report.html");

        assertThat(doc.text().lines().toList()).containsSubsequence(
                "健全规范性文件审查制度", "落实行政机关负责人出庭应诉制度");
    }

    @Test
    void hiddenElementsAndScriptsAreNotText() throws Exception {
        DecodedDocument doc = read("utf8-report.html");

        assertThat(doc.text()).doesNotContain("隐藏的文字").doesNotContain("广告脚本").doesNotContain("政务公开");
    }

    @Test
    void bytesWinOverAWrongMetaCharset() throws Exception {
        DecodedDocument doc = read("declared-utf8-really-gb18030.html");

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).contains("开鲁县人民政府始终坚持");
    }

    @Test
    void layoutTablesAreRenderedAsBlocksAndInnerDataTablesAsRows() throws Exception {
        DecodedDocument doc = read("layout-table.html");

        assertThat(doc.text().lines().toList()).containsSubsequence(
                "开鲁县人民政府2023年度法治政府建设情况报告",
                "2023年,全县共办理行政复议案件12件。",
                "新收行政复议案件 | 12",
                "行政诉讼案件 | 30");
    }

    @Test
    void titleElementIsKeptWhenThePageBodyLacksIt() throws Exception {
        Path page = dir.resolve("title-only.html");
        Files.writeString(page, "<html><head><title>冠县关于2024年法治政府建设情况的报告</title></head>"
                + "<body><p>2024年,冠县深入学习贯彻习近平法治思想。</p></body></html>");

        DecodedDocument doc = reader.read(page);

        assertThat(doc.text()).startsWith("冠县关于2024年法治政府建设情况的报告\n2024年,冠县");
    }

    @Test
    void htmlPageIsIdentified() throws Exception {
        DecodedDocument doc = read("utf8-report.html");

        Identification id = new ReportIdentifier(RegionTable.bundled()).identify(doc.text(), "utf8-report.html");

        assertThat(id.regionCode()).isEqualTo("520328");
        assertThat(id.year()).isEqualTo(2020);
    }
}
