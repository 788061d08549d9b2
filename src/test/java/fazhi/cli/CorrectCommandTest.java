package fazhi.cli;

import fazhi.config.TestWarehouses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fazhi.config.TestWarehouses.count;
import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;

/** `fazhi correct` and what the following runs say about the correction. */
class CorrectCommandTest {
    static final String MEITAN_LITIGATION = "region_code = '520328' AND year = 2020 AND indicator = 'litigation_cases'";

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private String[] correct(Path warehouse, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("correct", "--warehouse", warehouse.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void aCorrectionMadeAgainstAReportThatIsThenReplacedNeedsReviewAndIsNotApplied() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        console.clear();

        int recorded = FazhiMain.execute(correct(warehouse, "--region", "520328", "--year", "2020", "--indicator",
                "litigation_cases", "--value", "42", "--reason", "the printed report says 42", "--by", "王统计"));

        assertThat(recorded).as(console.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).contains("replaces 41 (exact) of 002_3c2dc1afcfd2df07.txt");
        assertThat(Files.readAllLines(warehouse.resolve("corrections.csv"))).hasSize(2).first().isEqualTo(
                "region_code,year,indicator,value,qualifier,not_reported,reason,by,recorded_at,evidence");
        FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        assertThat(query(warehouse, "SELECT value, corrected FROM observations WHERE " + MEITAN_LITIGATION))
                .containsExactly(List.of("42.0", "true"));
        assertThat(console.stdout()).contains("corrections: applied=1");

        // the county sends a revised report for the same year: the correction was made against the old one
        Path revised = input.resolve("002_revised.txt");
        Files.writeString(revised, Files.readString(input.resolve("002_3c2dc1afcfd2df07.txt")) + "\n（修订稿）\n");
        console.clear();
        FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());

        assertThat(query(warehouse, "SELECT value, corrected, source_file FROM observations WHERE " + MEITAN_LITIGATION))
                .containsExactly(List.of("41.0", "false", "002_revised.txt"));
        assertThat(query(warehouse, "SELECT status, source_file, extracted_value FROM corrections"))
                .containsExactly(List.of("needs_review", "002_3c2dc1afcfd2df07.txt", "41.0"));
        assertThat(console.stdout()).contains("corrections: needs_review=1")
                .contains("needs_review: 湄潭县 520328 2020 litigation_cases — the report was replaced: the correction "
                        + "was made against 002_3c2dc1afcfd2df07.txt")
                .contains("now 002_revised.txt");
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE corrected")).isZero();
    }

    @Test
    void aCorrectionThatCannotBeUsedIsRefusedWithTheReasonAndNothingIsRecorded() {
        Path warehouse = tmp.resolve("wh");

        int region = FazhiMain.execute(correct(warehouse, "--region", "999999", "--year", "2020", "--indicator",
                "litigation_cases", "--value", "42", "--reason", "typo"));
        int indicator = FazhiMain.execute(correct(warehouse, "--region", "520328", "--year", "2020", "--indicator",
                "no_such", "--not-reported", "--reason", "typo"));
        int both = FazhiMain.execute(correct(warehouse, "--region", "520328", "--year", "2020", "--indicator",
                "litigation_cases", "--value", "42", "--not-reported", "--reason", "typo"));

        assertThat(List.of(region, indicator, both)).containsOnly(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("not recorded: unknown region_code '999999'")
                .contains("not recorded: unknown indicator 'no_such'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(warehouse.resolve("corrections.csv")).doesNotExist();
    }
}
