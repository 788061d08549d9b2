package fazhi.correct;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.RegionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corrections file as an importer uses it: append, append what can be used, read back. */
class CorrectionsFileTest {
    static final CorrectionRules RULES = CorrectionRules.bundled();

    @TempDir
    Path tmp;

    @Test
    void appendedCorrectionsReadBackAsTheyWereWrittenUnderOneHeader() throws Exception {
        CorrectionsFile file = CorrectionsFile.ledgerOf(tmp);
        Correction value = Correction.value("520328", 2020, "litigation_cases", 42, null,
                "the printed report says \"42\", not 41", "王统计", "p. 3, line 2");
        Correction gone = Correction.notReported("520328", 2020, "hotline_satisfaction_rate", "the province's rate",
                "王统计", null);

        file.append(value);
        file.append(gone);

        assertThat(Files.readAllLines(file.path())).hasSize(3).first().isEqualTo(String.join(",", CorrectionsFile.HEADER));
        CorrectionsFile.Read read = file.read(RULES);
        assertThat(read.problems()).isEmpty();
        assertThat(read.corrections()).extracting(CorrectionsFile.Entry::correction).containsExactly(value, gone);
        assertThat(read.corrections()).extracting(CorrectionsFile.Entry::line).containsExactly(2, 3);
        assertThat(value.qualifier()).isEqualTo("exact");
        assertThat(value.recordedAt().getNano()).isZero();
    }

    @Test
    void appendAllAppendsWhatCanBeUsedAndReturnsAProblemForEachRowThatCannot() throws Exception {
        CorrectionsFile file = CorrectionsFile.inInputFolder(tmp);
        List<Correction> rows = List.of(
                Correction.value("999999", 2020, "litigation_cases", 42, null, "typo", "x", null),
                Correction.value("520328", 2020, "litigation_cases", 42, null, "checked", "x", null),
                Correction.value("520328", 2020, "no_such", 1, "roughly", " ", "x", null));

        List<CorrectionProblem> problems = file.appendAll(rows, RULES, "review.xlsx");

        assertThat(problems).extracting(CorrectionProblem::describe).containsExactly(
                "review.xlsx line 1: unknown region_code '999999' (not in the GB/T 2260 table, schema/regions.csv)",
                "review.xlsx line 3: unknown indicator 'no_such' (not a code of the indicator catalog, "
                        + "schema/indicators.yaml); unknown qualifier 'roughly' (one of exact, at_least, approx, at_most, "
                        + "redacted); no reason: say why the figure is corrected");
        assertThat(file.read(RULES).corrections()).extracting(e -> e.correction().regionCode()).containsExactly("520328");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsOneProblemAndNoRow() throws Exception {
        Files.writeString(tmp.resolve("corrections.csv"), "\uFEFFregion,year,indicator,value\n520328,2020,litigation_cases,42\n");

        CorrectionsFile.Read read = CorrectionsFile.inInputFolder(tmp).read(RULES);

        assertThat(read.corrections()).isEmpty();
        assertThat(read.problems()).extracting(CorrectionProblem::describe).containsExactly(
                "corrections.csv (input folder) line 1: the header lacks region_code, reason (the header is "
                        + "region_code,year,indicator,value,qualifier,not_reported,reason,by,recorded_at,evidence); no row is read");
    }

    @Test
    void aRowIsReadByColumnNameWithDatesTimesAndFlagsAsPeopleWriteThem() {
        Correction c = CorrectionsFile.parse(Map.of("region_code", "520328", "year", "2020", "indicator",
                "mediation_cases", "value", "1,516", "reason", "r", "recorded_at", "2026-11-02"));
        assertThat(c.value()).isEqualTo(1516.0);
        assertThat(c.recordedAt()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(CorrectionsFile.parse(Map.of("region_code", "520328", "year", "2020", "indicator", "x",
                "not_reported", "是", "recorded_at", "2026-11-02 08:30")).notReported()).isTrue();
        assertThatThrownBy(() -> CorrectionsFile.parse(Map.of("region_code", "520328", "year", "2020", "indicator",
                "x", "value", "3", "not_reported", "true"))).hasMessage("both a value (3) and not_reported=true: give one of them");
        assertThatThrownBy(() -> CorrectionsFile.parse(Map.of("region_code", "520328", "year", "二〇二〇",
                "indicator", "x"))).hasMessage("year '二〇二〇' is not a year");
    }

    @Test
    void theRegionTableAndCatalogAreReadWhenTheFirstCorrectionIsChecked() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CorrectionRules lazy = new CorrectionRules(() -> {
            reads.incrementAndGet();
            return RegionTable.bundled();
        }, () -> {
            reads.incrementAndGet();
            return IndicatorCatalog.bundled();
        });
        CorrectionsFile file = CorrectionsFile.ledgerOf(tmp);
        Files.writeString(file.path(), String.join(",", CorrectionsFile.HEADER) + "\n");

        assertThat(file.read(lazy).corrections()).isEmpty();
        assertThat(reads).hasValue(0);

        assertThat(lazy.problems(Correction.value("520328", 2020, "litigation_cases", 42, null, "checked", "x", null)))
                .isEmpty();
        assertThat(reads).hasValue(2);
    }
}
