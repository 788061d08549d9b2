package fazhi.ingest;

import fazhi.reference.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderPdfTest {

    private static final List<String> REPORT = List.of(
            "冠县关于2024年法治政府建设情况的报告",
            "2024年，冠县深入学习贯彻习近平法治思想，推动法治政府建设各项工作取得明显成效。",
            "全年共收到行政复议申请64件，审结55件。");

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    @Test
    void readsTheChineseTextLayerOfAPdf() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        PdfFixtures.writeTextPdf(pdf, REPORT);

        DecodedDocument doc = reader.read(pdf);

        assertThat(doc.format()).isEqualTo("pdf");
        assertThat(doc.encoding()).isEqualTo("binary");
        // the lines are not indented, so the full second line and the third read as one paragraph
        assertThat(doc.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .containsExactly(REPORT.get(0), REPORT.get(1) + REPORT.get(2));
    }

    @Test
    void textDrawnTwiceOverItselfAsFakeBoldIsReadOnce() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        Path bold = dir.resolve("bold.pdf");
        PdfFixtures.writeTextPdf(plain, REPORT);
        PdfFixtures.writeFakeBoldPdf(bold, REPORT);

        assertThat(reader.read(bold).text()).isEqualTo(reader.read(plain).text());
    }

    @Test
    void pdfTextIsIdentifiable() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        PdfFixtures.writeTextPdf(pdf, REPORT);

        Identification id = new ReportIdentifier(RegionTable.bundled()).identify(reader.read(pdf).text(), "report.pdf");

        assertThat(id.regionCode()).isEqualTo("371525");
        assertThat(id.year()).isEqualTo(2024);
    }

    @Test
    void encryptedPdfIsRefusedWithAReason() throws Exception {
        Path pdf = dir.resolve("locked.pdf");
        PdfFixtures.writeEncryptedPdf(pdf, REPORT);

        assertThatThrownBy(() -> reader.read(pdf)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessage("encrypted PDF: a password is required to open it; to resolve, send a copy without a password");
    }

    @Test
    void scannedPdfWithoutTextLayerIsRefused() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        PdfFixtures.writeScannedPdf(pdf);

        assertThatThrownBy(() -> reader.read(pdf)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessageStartingWith("PDF has no text layer")
                .hasMessageContaining("needs OCR");
    }

    @Test
    void pdfHeaderFollowedByGarbageIsADamagedPdf() throws Exception {
        Path pdf = dir.resolve("broken.pdf");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        byte[] bytes = new byte[garbage.length + 9];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        System.arraycopy(garbage, 0, bytes, 9, garbage.length);
        Files.write(pdf, bytes);

        assertThatThrownBy(() -> reader.read(pdf)).isInstanceOf(UnreadableSubmissionException.class)
                .satisfies(e -> assertThat(e.getMessage()).matches("(damaged PDF|PDF has no).*"));
    }

    @Test
    void truncatedPdfIsRefusedOrReadWithoutCrashing() throws Exception {
        Path whole = dir.resolve("whole.pdf");
        PdfFixtures.writeTextPdf(whole, REPORT);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.pdf");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        try {
            reader.read(cut);
        } catch (UnreadableSubmissionException e) {
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\n");
        }
    }
}
