package fazhi.ingest;

import fazhi.generate.CorpusGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF stage tokenizes content streams itself ({@link PdfContentTokens}) and shows, places and de-duplicates
 * glyphs with copies of PDFBox's methods that do the same float
 * operations in the same order (faster: widths read once per font, no matrices made per glyph, no boxed tree
 * maps). This pins that the copies read exactly what PDFBox's own methods read, on the generator's PDFs and on
 * text drawn twice as office software fakes bold: a PDFBox upgrade that changes its arithmetic fails here.
 */
class PdfTextExtractorAsPdfBoxTest {

    @Test
    void theFastGlyphPathReadsTheSameTextAsPdfBoxOnGeneratedReports(@TempDir Path tmp) throws Exception {
        CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(tmp, 40, 2021, 2023, 11));
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(tmp.resolve("reports"))) {
            pdfs = files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).as("the generator writes PDFs").hasSizeGreaterThan(20);
        for (Path pdf : pdfs) {
            assertSameAsPdfBox(pdf);
        }
    }

    @Test
    void theFastOverlapCheckDropsFakeBoldAsPdfBoxDoes(@TempDir Path tmp) throws Exception {
        Path pdf = tmp.resolve("bold.pdf");
        PdfFixtures.writeFakeBoldPdf(pdf, List.of("冠县2023年法治政府建设情况的报告",
                "全年办理行政复议案件52件，行政机关负责人出庭应诉率100%。"));
        assertSameAsPdfBox(pdf);
        assertThat(PdfTextExtractor.extract(Files.readAllBytes(pdf))).contains("行政复议案件52件")
                .doesNotContain("行行");
    }

    private static void assertSameAsPdfBox(Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        String fast = PdfTextExtractor.extract(bytes, PdfLayout.bundled(), false).text();
        String pdfBox = PdfTextExtractor.extract(bytes, PdfLayout.bundled(), true).text();
        assertThat(fast).as(pdf.getFileName().toString()).isEqualTo(pdfBox);
    }
}
