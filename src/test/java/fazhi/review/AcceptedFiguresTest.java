package fazhi.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of figures reviewers accepted: appended once per figure, read back, bad rows named and skipped. */
class AcceptedFiguresTest {
    @TempDir
    Path warehouse;

    private static AcceptedFigures.Acceptance accept(String submission, Double value, String evidence) {
        return new AcceptedFigures.Acceptance("520328", 2020, "case_files_reviewed", value, "exact", submission,
                "王统计", Instant.parse("2026-11-30T12:00:00Z"), evidence);
    }

    @Test
    void theSameFigureOfTheSameReportIsRecordedOnce() throws Exception {
        AcceptedFigures ledger = AcceptedFigures.of(warehouse);

        assertThat(ledger.appendNew(List.of(accept("aaaa", 24.0, "review.xlsx row 2: 同时,县司法局对我县报送的24份案卷开展了评查"),
                accept("aaaa", 24.0, "another workbook")))).isEqualTo(1);
        // the same indicator with another value, or of another report, is another figure
        assertThat(ledger.appendNew(List.of(accept("aaaa", 24.0, "again"), accept("aaaa", 55.0, "x"),
                accept("bbbb", 24.0, "y"), accept("aaaa", null, "redacted")))).isEqualTo(3);

        AcceptedFigures.Read read = ledger.read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.accepted()).hasSize(4);
        assertThat(read.accepted().get(0)).isEqualTo(accept("aaaa", 24.0,
                "review.xlsx row 2: 同时,县司法局对我县报送的24份案卷开展了评查"));
        assertThat(read.accepted().get(3).value()).isNull();
    }

    @Test
    void aMissingLedgerHasNoFiguresAndABrokenRowIsNamedAndSkipped() throws Exception {
        assertThat(AcceptedFigures.of(warehouse).read().accepted()).isEmpty();

        Files.writeString(warehouse.resolve(AcceptedFigures.FILE_NAME), String.join(",", AcceptedFigures.HEADER) + "\n"
                + "520328,2020,litigation_cases,12,exact,aaaa,,,\n"
                + "520328,twenty,litigation_cases,12,exact,aaaa,,,\n"
                + "520328,2020,litigation_cases,12,exact,,,,\n");

        AcceptedFigures.Read read = AcceptedFigures.of(warehouse).read();
        assertThat(read.accepted()).singleElement().extracting(AcceptedFigures.Acceptance::indicator)
                .isEqualTo("litigation_cases");
        assertThat(read.problems()).hasSize(2);
        assertThat(read.problems().get(0)).contains("review-accepted.csv line 3: unreadable year");
        assertThat(read.problems().get(1)).endsWith("review-accepted.csv line 4: no submission_id; not used");
    }
}
