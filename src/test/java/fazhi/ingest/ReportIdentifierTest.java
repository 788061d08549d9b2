package fazhi.ingest;

import fazhi.reference.RegionTable;
import fazhi.reference.Region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import fazhi.config.TestWarehouses;
import java.nio.file.Path;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Region and year inferred from report text. The table (src/test/resources/ingest/identification-cases.csv)
 * holds one case a row: the text ({@code \n} for a line break, or {@code @sample-data/<file>} for one of the sample reports),
 * the expected region code, year and method, or the prefix of the expected reason when unresolved.
 */
class ReportIdentifierTest {

    private static ReportIdentifier identifier;

    @BeforeAll
    static void loadTables() {
        identifier = new ReportIdentifier(RegionTable.bundled());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ingest/identification-cases.csv", numLinesToSkip = 1, maxCharsPerColumn = 20_000)
    void identifiesRegionAndYearFromTheText(String name, String sourceFile, String text, String regionCode,
                                            Integer year, String method, String reasonPrefix) throws IOException {
        Identification id = identifier.identify(load(text), sourceFile);

        if (reasonPrefix != null) {
            assertThat(id.resolved()).as("resolved: %s", id).isFalse();
            assertThat(id.reason()).startsWith(reasonPrefix);
            // every reason says what would resolve it: most often a manifest row
            assertThat(id.reason()).contains("; to resolve, ").contains("manifest.csv");
            assertThat(id.regionCode()).isNull();
            assertThat(id.year()).isNull();
        } else {
            assertThat(id.reason()).as("reason").isNull();
            assertThat(id.regionCode()).as("region of %s", id).isEqualTo(regionCode);
            assertThat(id.year()).as("year of %s", id).isEqualTo(year);
            if (method != null) {
                assertThat(id.method()).isEqualTo(method);
            }
        }
    }

    @Test
    void unresolvedReasonsExplainThemselvesToAnOperator() {
        Identification id = identifier.identify("朝阳区人民政府关于2023年法治政府建设情况的报告", null);

        assertThat(id.reason()).startsWith("region_unresolved: 朝阳区 (")
                .contains("110105 北京市朝阳区").contains("220104 吉林省长春市朝阳区");
    }

    @Test
    void yearUnresolvedReasonNamesTheRegionThatWasFound() {
        Identification id = identifier.identify("冠县法治政府建设情况的报告\n发文日期：2025-03-27\n今年以来，我县深入推进依法行政工作。",
                "a.txt");

        assertThat(id.reason()).startsWith("year_unresolved:").contains("371525").contains("2025");
    }

    @Test
    void onlyTheHeadOfAHugeTextIsScannedForTheTitle() {
        String text = "冠县关于2024年法治政府建设情况的报告\n" + "依法行政，".repeat(2_000_000);

        Identification id = identifier.identify(text, null);

        assertThat(id.regionCode()).isEqualTo("371525");
        assertThat(id.year()).isEqualTo(2024);
    }

    static String load(String text) throws IOException {
        if (text == null) {
            return "";
        }
        if (text.startsWith("@")) {
            return Files.readString(TestWarehouses.sampleReport(Path.of(text.substring(1)).getFileName().toString()),
                    StandardCharsets.UTF_8);
        }
        return text.replace("\\n", "\n");
    }

    @Test
    void aRegionUnresolvedReasonSaysWhichManifestRowWouldResolveIt() {
        Identification id = identifier.identify("今年以来，我县深入推进依法行政，法治政府建设取得新成效。", "a.txt");

        assertThat(id.reason()).isEqualTo("region_unresolved: no report title (the publishing page may have dropped"
                + " it), and neither an index number (索引号), publisher, site name, opening or report sentence,"
                + " signature nor (one county named in) the body names a region; to resolve, add a manifest.csv row"
                + " for the file with its region_code (6-digit GB/T 2260 code, see schema/regions.csv)");
    }

    @Test
    void aYearUnresolvedReasonSaysAManifestYearWouldResolveIt() {
        Identification id = identifier.identify("冠县法治政府建设情况的报告\n今年以来，我县深入推进依法行政。", "a.txt");

        assertThat(id.reason()).startsWith("year_unresolved: ")
                .endsWith("; to resolve, add a manifest.csv row for the file with its year");
    }

    @Test
    void anAnonymisedTemplateCanBeAcknowledgedInTheManifest() {
        Identification id = identifier.identify("XX县人民政府关于2023年度法治政府建设情况的报告\n2023年，我县深入推进依法行政。", null);

        assertThat(id.reason()).contains("an anonymised template; to resolve, mark the file"
                + " expected_status=quarantined in manifest.csv if it is a template, else add a manifest.csv row");
    }

    @Test
    void aCountyTheRegionTableDoesNotKnowCanBeAddedToIt() {
        Identification id = identifier.identify("新疆和田地区和康县人民政府关于2024年度法治政府建设情况的报告", null);

        assertThat(id.reason()).contains("; to resolve, add the county to schema/regions.csv if it is new, or add a"
                + " manifest.csv row for the file with its region_code");
    }

    @Test
    void theOrganEndingsThatMarkATownsReportAreReadFromTheIdentificationCues() {
        String town = "丰都县树人镇人民政府2025年法治政府建设情况报告\n2025年，树人镇坚持依法行政。";
        String yaml = new String(fazhi.reference.KnowledgeFiles.bytes(IdentificationCues.RESOURCE), StandardCharsets.UTF_8);
        String withoutTowns = yaml.replace("    town: [镇, 乡, 街道, 办事处, 苏木, 街道办]\n", "");
        assertThat(withoutTowns).isNotEqualTo(yaml);
        IdentificationCues cues = IdentificationCues.load(fazhi.reference.KnowledgeNode.parse(IdentificationCues.RESOURCE,
                withoutTowns.getBytes(StandardCharsets.UTF_8)));

        Identification bundled = identifier.identify(town, null);
        Identification edited = new ReportIdentifier(RegionTable.bundled(), cues, ChineseText.bundled()).identify(town, null);

        assertThat(bundled.reason()).startsWith("author_not_government: the title names 丰都县树人镇人民政府");
        // without the town endings, 树人镇人民政府 reads as the government's name: the county's report, as before
        assertThat(edited.reason()).isNull();
        assertThat(edited.regionCode()).isEqualTo("500230");
    }
}
