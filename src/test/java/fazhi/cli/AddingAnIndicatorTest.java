package fazhi.cli;

import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fazhi.extract.IndicatorExtractor;
import fazhi.extract.RawMention;
import fazhi.rank.FrameworkException;
import fazhi.rank.RankingFramework;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;

/**
 * The README's worked example, Adding an indicator: one catalog entry (in an edited copy given with --catalog,
 * no rebuild) is extracted from a real report, published, checked by a validation rule that names it, accepted
 * by a ranking framework that lists it, and the warehouse records the edited files with their hashes.
 */
class AddingAnIndicatorTest {

    /** The entry a statistician adds to indicators.yaml (the README shows the same). */
    static final String ENTRY = """

              - code: law_literate_residents
                domain: legal_education
                name_zh: 法律明白人数
                unit: 人
                kind: count
                description: villagers and residents trained as rule-of-law guides (法律明白人)
                units: [人, 名]
                stock: true
                phrasings:
                  - id: trained
                    subjects: [法律明白人]
            """;
    /** A short report in the shape of the real ones (written for this test). */
    static final String REPORT = """
            开鲁县人民政府关于2023年法治政府建设情况的报告

            一、主要工作
            全年共收到行政复议申请19件，受理19件，审结16件。
            深入开展法治宣传教育，全年培育“法律明白人”1251人，覆盖全县所有行政村。
            """;
    static final String RULE = """

              - id: law_literate_residents_plausible
                severity: warning
                scope: observation
                applies_to: {indicators: [law_literate_residents]}
                expression: value IS NULL OR value <= 1000
                message: more than 1000 rule-of-law guides in one county is worth a second look
            """;
    static final String FRAMEWORK_LINE =
            "  - {code: law_literate_residents, weight: 0.5, direction: 1, transform: log1p, group: legal_education}\n";

    @TempDir
    Path tmp;

    @AfterEach
    void bundledAgain() {
        KnowledgeFiles.useBundled();
    }

    @Test
    void anIndicatorAddedInACatalogFolderIsExtractedValidatedPublishedAndRecorded() throws Exception {
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Files.writeString(catalog.resolve("indicators.yaml"), bundled("schema/indicators.yaml") + ENTRY);
        Files.writeString(catalog.resolve("validation-rules.yaml"), bundled("schema/validation-rules.yaml") + RULE);
        Path framework = tmp.resolve("framework.yaml");
        Files.writeString(framework, withFrameworkLine(bundled("jobs/ranking-default.yaml")));
        Path input = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(input.resolve("kailu-2023.txt"), REPORT);
        Files.writeString(input.resolve("manifest.csv"), "file,region_code,year\nkailu-2023.txt,150523,2023\n");
        Path warehouse = tmp.resolve("wh");

        int exit = FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--catalog", catalog.toString(), "--framework", framework.toString());

        assertThat(exit).isZero();
        assertThat(query(warehouse, "SELECT value, unit FROM observations WHERE indicator = 'law_literate_residents'"))
                .containsExactly(List.of("1251.0", "人"));
        assertThat(query(warehouse, "SELECT name_zh FROM indicators WHERE code = 'law_literate_residents'"))
                .containsExactly(List.of("法律明白人数"));
        assertThat(query(warehouse, "SELECT indicator FROM validation_issues WHERE rule = 'law_literate_residents_plausible'"))
                .containsExactly(List.of("law_literate_residents"));
        assertThat(query(warehouse, "SELECT file, source FROM knowledge_files WHERE source <> 'bundled' ORDER BY file"))
                .containsExactly(List.of("jobs/ranking-default.yaml", framework.toString()),
                        List.of("schema/indicators.yaml", catalog.resolve("indicators.yaml").toString()),
                        List.of("schema/validation-rules.yaml", catalog.resolve("validation-rules.yaml").toString()));
        assertThat(query(warehouse, "SELECT count(*) FROM knowledge_files WHERE file = 'schema/extraction-lexicon.yaml'"
                + " AND source = 'bundled' AND length(sha256) = 64")).containsExactly(List.of("1"));
    }

    @Test
    void theRankingFrameworkAcceptsTheNewCodeOnlyWhenTheCatalogHasIt() throws IOException {
        String framework = withFrameworkLine(bundled("jobs/ranking-default.yaml"));
        assertThatThrownBy(() -> RankingFramework.parse(framework, "framework.yaml", RankingFramework.catalogCodes(),
                RankingFramework.DENOMINATORS)).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("unknown indicator code 'law_literate_residents'");

        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Files.writeString(catalog.resolve("indicators.yaml"), bundled("schema/indicators.yaml") + ENTRY);
        KnowledgeFiles.use(catalog, null);

        RankingFramework read = RankingFramework.parse(framework, "framework.yaml", RankingFramework.catalogCodes(),
                RankingFramework.DENOMINATORS);
        assertThat(read.indicators()).extracting(s -> s.code()).contains("law_literate_residents");
        List<RawMention> mentions = new IndicatorExtractor(IndicatorCatalog.bundled())
                .extract(REPORT);
        assertThat(mentions).extracting(RawMention::indicator, RawMention::numberText)
                .contains(org.assertj.core.groups.Tuple.tuple("law_literate_residents", "1251"));
    }

    private static String withFrameworkLine(String framework) {
        int at = framework.indexOf("\nparameters:");
        String head = framework.substring(0, at);
        int lastIndicator = head.lastIndexOf("\n  - {code:");
        int lineEnd = head.indexOf('\n', lastIndicator + 1);
        return framework.substring(0, lineEnd + 1) + FRAMEWORK_LINE + framework.substring(lineEnd + 1);
    }

    private static String bundled(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(AddingAnIndicatorTest.class.getResourceAsStream("/" + file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
