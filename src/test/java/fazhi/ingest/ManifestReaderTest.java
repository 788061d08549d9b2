package fazhi.ingest;

import fazhi.reference.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    private static ManifestReader reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void regions() {
        reader = new ManifestReader(RegionTable.bundled());
    }

    @Test
    void sampleManifestOfTheSeeds() throws Exception {
        Manifest m = reader.read(Path.of("sample-data/manifest.csv"));

        assertThat(m.problems()).isEmpty();
        assertThat(m.entries()).hasSize(5);
        assertThat(m.entry("001_698cc89598c5c7a3.txt")).contains(
                new ManifestEntry("001_698cc89598c5c7a3.txt", "371525", 2024, false));
        assertThat(m.entry("000_56675a8f06662fd9.txt")).contains(
                new ManifestEntry("000_56675a8f06662fd9.txt", null, null, false, SubmissionStatus.QUARANTINED));
    }

    @Test
    void anExpectedStatusMustBeOneOfTheFourStatuses() throws Exception {
        Manifest m = reader.parse("""
                file,region_code,year,expected_status
                a.txt,,,quarantined
                b.txt,,,lost
                """);

        assertThat(m.entry("a.txt").orElseThrow().expectedStatus()).isEqualTo(SubmissionStatus.QUARANTINED);
        assertThat(m.problem("b.txt").orElseThrow().reason()).contains("expected_status 'lost'");
    }

    @Test
    void extraColumnsInAnyOrderAndTheSyntheticFlag() throws Exception {
        Manifest m = reader.parse("""
                year,source,file,synthetic,region_code
                2023,county site,a.txt,true,150523
                2020,,b.txt,,520328
                """);

        assertThat(m.entries().values()).containsExactly(
                new ManifestEntry("a.txt", "150523", 2023, true),
                new ManifestEntry("b.txt", "520328", 2020, false));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        Manifest m = reader.parse("file,region_code,year,note\r\n"
                + "\"冠县, 2024.txt\",371525,2024,\"他说\"\"好\"\"\"\r\n"
                + "b.txt,410423,2020,\"two\r\nlines\"\r\n"
                + "c.txt,520328,2020,last\r\n");

        assertThat(m.entries()).containsOnlyKeys("冠县, 2024.txt", "b.txt", "c.txt");
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotes() {
        assertThatThrownBy(() -> reader.parse("file,region_code,year\n\"a\nb.txt\",371525,2024\nc.txt,371525\n"))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessage("manifest.csv line 4: expected 3 fields as in the header, found 2");
    }

    @Test
    void headerWithoutYearIsMalformed() {
        assertThatThrownBy(() -> reader.parse("file,region_code\na.txt,371525\n"))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageStartingWith("manifest.csv line 1: the header must contain file,region_code,year")
                .hasMessageContaining("missing 'year'");
    }

    @Test
    void unterminatedQuoteNamesTheLineItOpenedOn() {
        assertThatThrownBy(() -> reader.parse("file,region_code,year\na.txt,371525,2024\n\"b.txt,371525,2024\n"))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageStartingWith("manifest.csv line 3: unterminated quoted field");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThatThrownBy(() -> reader.parse("file,region_code,year\n\"a\"x.txt,371525,2024\n"))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageStartingWith("manifest.csv line 2: unexpected character 'x' after a closing quote");
    }

    @Test
    void unknownRegionCodeIsAProblemForThatFileOnly() throws Exception {
        Manifest m = reader.parse("file,region_code,year\na.txt,999999,2024\nb.txt,371525,2024\n");

        assertThat(m.entries()).containsOnlyKeys("b.txt");
        assertThat(m.problem("a.txt")).contains(new ManifestProblem("a.txt", 2,
                "region_code 999999 is not in the GB/T 2260 region table"));
        assertThat(m.problem("a.txt").orElseThrow().describe())
                .isEqualTo("manifest.csv line 2: region_code 999999 is not in the GB/T 2260 region table; to resolve,"
                        + " correct that row (a blank region_code or year is read from the report)");
    }

    @Test
    void nonNumericYearAndMalformedCodeAreProblems() throws Exception {
        Manifest m = reader.parse("file,region_code,year\na.txt,37152,2O24\nb.txt,371525,1899\n");

        assertThat(m.entries()).isEmpty();
        assertThat(m.problem("a.txt").orElseThrow().reason())
                .isEqualTo("region_code '37152' is not a six-digit GB/T 2260 code; year '2O24' is not a number");
        assertThat(m.problem("b.txt").orElseThrow().reason()).isEqualTo("year 1899 is out of range (1949-2100)");
    }

    @Test
    void fileListedTwiceWithDifferentValuesIsAProblem() throws Exception {
        Manifest m = reader.parse("file,region_code,year\na.txt,371525,2024\nb.txt,520328,2020\n"
                + "a.txt,371525,2023\nb.txt,520328,2020\n");

        assertThat(m.entries()).containsOnlyKeys("b.txt");
        assertThat(m.problem("a.txt").orElseThrow().reason())
                .isEqualTo("the file is listed twice (lines 2 and 4) with different values");
    }

    @Test
    void rowWithoutAFileNameIsAProblemWithNoFile() throws Exception {
        Manifest m = reader.parse("file,region_code,year\n,371525,2024\n");

        assertThat(m.problems()).containsExactly(new ManifestProblem(null, 2, "the row names no file"));
    }

    @Test
    void aFileNameWithANulCharacterIsAProblemOfItsRowNotOfTheRun() throws Exception {
        // found by HostileInputFuzzTests: discovery built a path from it for the "missing" row and threw
        Manifest m = reader.parse("file,region_code,year\n002.\0xt,371525,2024\nb.txt,371525,2023\n");

        assertThat(m.problems()).containsExactly(new ManifestProblem(null, 2, "the file name contains a NUL character"));
        assertThat(m.entry("b.txt")).isPresent();
    }

    @Test
    void fileNamesAreNormalised() throws Exception {
        Manifest m = reader.parse("file,region_code,year\n./sub\\a.txt ,371525,2024\n");

        assertThat(m.entry("sub/a.txt")).isPresent();
    }

    @Test
    void gb18030ManifestWithBlankLinesAndExcelBom() throws Exception {
        Path gb = dir.resolve("manifest.csv");
        Files.write(gb, "file,region_code,year\n\n冠县报告.txt,371525,2024\n\n".getBytes(TextDecoder.GB18030));
        assertThat(reader.read(gb).entry("冠县报告.txt")).isPresent();

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "file,region_code,year\r\n湄潭.txt,520328,2020\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(body, 0, both, 3, body.length);
        Files.write(gb, both);
        assertThat(reader.read(gb).entry("湄潭.txt")).contains(new ManifestEntry("湄潭.txt", "520328", 2020, false));
    }

    @Test
    void folderWithoutManifestGivesAnEmptyManifest() throws Exception {
        assertThat(reader.readFolder(dir)).isEqualTo(Manifest.empty());
    }

    @Test
    void regionTableIsReadOnlyForAManifestsCodes() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ManifestReader lazy = new ManifestReader(() -> {
            reads.incrementAndGet();
            return RegionTable.bundled();
        });

        assertThat(lazy.readFolder(dir)).isEqualTo(Manifest.empty());
        assertThat(reads).hasValue(0);

        Files.writeString(dir.resolve("manifest.csv"), "file,region_code,year\na.txt,520328,2020\n");
        assertThat(lazy.readFolder(dir).entry("a.txt")).contains(new ManifestEntry("a.txt", "520328", 2020, false));
        assertThat(reads).hasPositiveValue();
    }

    @Test
    void emptyManifestFileIsMalformed() throws Exception {
        Path empty = Files.createFile(dir.resolve("manifest.csv"));

        assertThatThrownBy(() -> reader.readFolder(dir)).isInstanceOf(MalformedManifestException.class)
                .hasMessageStartingWith("manifest.csv line 1: the file is empty");
        assertThat(empty).exists();
    }
}
