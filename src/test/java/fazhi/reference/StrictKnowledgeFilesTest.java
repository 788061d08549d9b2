package fazhi.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fazhi.extract.ExtractionLexicon;
import fazhi.extract.TextCleaner;
import fazhi.generate.PhraseBank;
import fazhi.ingest.CsvRecords;
import fazhi.ingest.ReportIdentifier;
import fazhi.normalize.StructuredFigures;
import fazhi.rank.FrameworkException;
import fazhi.rank.RankingFramework;
import fazhi.validate.ValidationRuleSet;

/**
 * Every knowledge file is read strictly: an edited copy (in a --catalog folder) with a renamed key, a value of the
 * wrong type or an unknown indicator code fails when it is loaded, with one message naming the file, the line
 * and the key - a typo no longer reads as an empty list.
 */
class StrictKnowledgeFilesTest {

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^([a-z_0-9]+):");

    @TempDir
    Path catalog;

    @AfterEach
    void bundledAgain() {
        KnowledgeFiles.useBundled();
    }

    @Test
    void renamingAnyTopLevelKeyOfTheExtractionLexiconFailsNamingTheKeyAndItsLine() throws IOException {
        assertEveryTopLevelKeyIsChecked("schema/extraction-lexicon.yaml", ExtractionLexicon::bundled);
    }

    @Test
    void renamingAnyTopLevelKeyOfTheCleaningRulesFailsNamingTheKey() throws IOException {
        assertEveryTopLevelKeyIsChecked("schema/cleaning.yaml", TextCleaner::new);
    }

    @Test
    void renamingAnyTopLevelKeyOfTheGeneratorPhraseBankFailsNamingTheKey() throws IOException {
        assertEveryTopLevelKeyIsChecked("schema/generator/phrases.yaml", PhraseBank::bundled);
    }

    @Test
    void renamingAnyTopLevelKeyOfTheIdentificationCuesFailsNamingTheKey() throws IOException {
        RegionTable regions = RegionTable.bundled();
        assertEveryTopLevelKeyIsChecked("schema/ingest-identification.yaml", () -> new ReportIdentifier(regions));
    }

    @Test
    void renamingAnyKeyOfTheFlagWordsFailsAndAnEditedCopyChangesWhatACellMeans() throws IOException {
        assertEveryTopLevelKeyIsChecked(CsvRecords.FLAG_WORDS, () -> CsvRecords.flag("是"));
        assertThat(CsvRecords.flag("是")).isTrue();
        assertThat(CsvRecords.flag("否")).isFalse();
        assertThat(CsvRecords.flag("对")).isNull();
        write("flag-words.yaml", bundled(CsvRecords.FLAG_WORDS).replace("'是'", "'是', '对'"));
        assertThat(CsvRecords.flag("对")).isTrue();
        write("flag-words.yaml", bundled(CsvRecords.FLAG_WORDS).replace("'否'", "'否', 'yes'"));
        assertThatThrownBy(() -> CsvRecords.flag("1")).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("key false_words").hasMessageContaining("'yes' is also one of the true_words");
    }

    @Test
    void renamingAnyKeyOfTheFigureTableHeadersFailsNamingTheKey() throws IOException {
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        assertEveryTopLevelKeyIsChecked("schema/figure-tables.yaml", () -> new StructuredFigures(catalog));
        String text = bundled("schema/figure-tables.yaml");
        write("figure-tables.yaml", text.replace("  year:", "  yaer:"));

        assertThatThrownBy(() -> new StructuredFigures(catalog)).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("figure-tables.yaml line ")
                .hasMessageContaining("key headers.year");
    }

    @Test
    void renamingAnyTopLevelKeyOfTheRulesAndJobParametersFailsNamingTheKey() throws IOException {
        assertEveryTopLevelKeyIsChecked("schema/validation-rules.yaml", ValidationRuleSet::bundled);
        assertEveryTopLevelKeyIsChecked("schema/indicators.yaml", IndicatorCatalog::bundled);
        assertEveryTopLevelKeyIsChecked("jobs/statistics.yaml", fazhi.stats.StatisticsParameters::bundled);
        assertEveryTopLevelKeyIsChecked("jobs/review.yaml", fazhi.review.ReviewParameters::bundled);
    }

    @Test
    void aMisspelledKeyInsideAnIndicatorFailsWithItsLine() throws IOException {
        String text = bundled("schema/indicators.yaml");
        int at = text.indexOf("    stock: true");
        write("indicators.yaml", text.substring(0, at) + "    stok: true" + text.substring(at + "    stock: true".length()));
        int line = (int) text.substring(0, at).lines().count() + 1;

        assertThatThrownBy(IndicatorCatalog::bundled).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("indicators.yaml line " + line)
                .hasMessageContaining(".stok")
                .hasMessageContaining("unknown key");
    }

    @Test
    void aWordWhereAListIsExpectedFailsAsAWrongType() throws IOException {
        String text = bundled("schema/extraction-lexicon.yaml");
        Matcher m = Pattern.compile("(?m)^comparison_cues:.*$").matcher(text);
        assertThat(m.find()).isTrue();
        write("extraction-lexicon.yaml", text.substring(0, m.start()) + "comparison_cues: 同比" + text.substring(m.end()));

        assertThatThrownBy(ExtractionLexicon::bundled).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("key comparison_cues")
                .hasMessageContaining("must be a list");
    }

    @Test
    void aValidationRuleNamingAnIndicatorOutsideTheCatalogFails() throws IOException {
        String text = bundled("schema/validation-rules.yaml");
        write("validation-rules.yaml", text + """
                  - id: notary_ceiling
                    severity: warning
                    scope: observation
                    applies_to: {indicators: [notary_acts]}
                    expression: "value <= 100000"
                    message: "an implausible number of notarial acts"
                """);

        assertThatThrownBy(ValidationRuleSet::bundled).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("validation-rules.yaml line")
                .hasMessageContaining("unknown indicator code 'notary_acts'");
    }

    @Test
    void aGeneratorIndicatorOutsideTheCatalogFails() throws IOException {
        String text = bundled("schema/generator/phrases.yaml");
        write("generator/phrases.yaml", text.replace("\n  recon_applications:\n", "\n  recon_applicationz:\n"));

        assertThatThrownBy(PhraseBank::bundled).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("key indicators.recon_applicationz")
                .hasMessageContaining("unknown indicator code");
    }

    @Test
    void aGeneratorCompositeWithBreakdownsButNoSplitFails() throws IOException {
        String text = bundled("schema/generator/phrases.yaml");
        write("generator/phrases.yaml", text.replace("    split: [本级政府文件, 各部门文件]\n", ""));

        assertThatThrownBy(PhraseBank::bundled).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("phrases.yaml line ")
                .hasMessageContaining(".split")
                .hasMessageContaining("missing");
    }

    @Test
    void aMisspelledKeyOfTheRankingFrameworkGivenWithFrameworkFails() throws IOException {
        Path framework = catalog.resolve("my-framework.yaml");
        Files.writeString(framework, bundled("jobs/ranking-default.yaml").replace("  screening:", "  screenin:"));
        KnowledgeFiles.use(null, framework);

        assertThatThrownBy(RankingFramework::bundledDefault).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("unknown key 'screenin'");
    }

    @Test
    void aFileAbsentFromTheCatalogFolderIsTheBundledOneAndEveryReadIsRecordedWithItsHash() throws IOException {
        String text = bundled("jobs/statistics.yaml");
        write("jobs/statistics.yaml", text + "\n# edited\n");

        fazhi.stats.StatisticsParameters.bundled();
        ExtractionLexicon.bundled();

        assertThat(KnowledgeFiles.used()).extracting(KnowledgeFiles.UsedFile::file, KnowledgeFiles.UsedFile::source)
                .contains(org.assertj.core.groups.Tuple.tuple("jobs/statistics.yaml",
                                catalog.resolve("jobs/statistics.yaml").toString()),
                        org.assertj.core.groups.Tuple.tuple("schema/extraction-lexicon.yaml", KnowledgeFiles.BUNDLED));
        assertThat(KnowledgeFiles.used()).filteredOn(f -> f.file().equals("jobs/statistics.yaml"))
                .extracting(KnowledgeFiles.UsedFile::sha256)
                .containsExactly(KnowledgeFiles.sha256((text + "\n# edited\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCatalogFolderThatDoesNotExistFailsAtOnce() {
        assertThatThrownBy(() -> KnowledgeFiles.use(catalog.resolve("missing"), null))
                .isInstanceOf(KnowledgeFileException.class).hasMessageContaining("not a folder");
    }

    /**
     * Renames each top-level key of the file in turn (in an edited copy in the catalog folder) and checks that
     * loading fails with a message naming that key and a line.
     */
    private void assertEveryTopLevelKeyIsChecked(String file, Runnable load) throws IOException {
        String text = bundled(file);
        List<String> keys = new ArrayList<>();
        Matcher m = TOP_LEVEL_KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).as(file).isNotEmpty();
        load.run(); // the bundled file loads
        KnowledgeFiles.use(catalog, null);
        for (String key : keys) {
            Files.createDirectories(catalog.resolve(file).getParent());
            Files.writeString(catalog.resolve(file), text.replaceFirst("(?m)^" + key + ":", key + "_renamed:"));
            assertThatThrownBy(load::run).as(file + " with " + key + " renamed")
                    .isInstanceOf(KnowledgeFileException.class)
                    .hasMessageContaining(file + " line ")
                    .hasMessageContaining("key " + key);
        }
        Files.delete(catalog.resolve(file));
    }

    private void write(String pathInCatalog, String text) throws IOException {
        Path target = catalog.resolve(pathInCatalog);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
        KnowledgeFiles.use(catalog, null);
    }

    private static String bundled(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(StrictKnowledgeFilesTest.class.getResourceAsStream("/" + file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
