package fazhi.ingest;

import fazhi.generate.CorpusGenerator;
import fazhi.ingest.PdfFixtures.Shown;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF stage tokenizes content streams itself ({@link PdfContentTokens}), shows, places and de-duplicates
 * glyphs with copies of PDFBox's methods that do the same float operations in the same order (faster: widths read
 * once per font, no matrices made per glyph, no boxed tree maps), and writes a page's words itself (PDFBox's line
 * and word breaks without its output, its per-word {@code Bidi} and its paragraph rules). This pins that the copies
 * read exactly what PDFBox's own methods read, the runs (text and floats) and the laid-out text, on the
 * generator's PDFs and on pages drawn by hand: a PDFBox upgrade that changes its arithmetic fails here.
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
            PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
            assertThat(read.pagesWrittenHere()).as("pages written by our writer").isPositive();
            assertThat(read.pagesPlacedPlain()).as("of them, pages placed without TextPositions")
                    .isEqualTo(read.pagesWrittenHere());
        }
    }

    @Test
    void theFastOverlapCheckDropsFakeBoldAsPdfBoxDoes(@TempDir Path tmp) throws Exception {
        Path pdf = tmp.resolve("bold.pdf");
        PdfFixtures.writeFakeBoldPdf(pdf, List.of("冠县2023年法治政府建设情况的报告",
                "全年办理行政复议案件52件，行政机关负责人出庭应诉率100%。"));
        PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
        assertThat(read.pagesWrittenHere()).isEqualTo(1);
        assertThat(read.pagesPlacedPlain()).isEqualTo(1);
        assertThat(PdfTextExtractor.extract(Files.readAllBytes(pdf))).contains("行政复议案件52件")
                .doesNotContain("行行");
    }

    @Test
    void severalFontsSizesWideGapsAndDiacriticsAreWrittenAsByPdfBox(@TempDir Path tmp) throws Exception {
        List<Shown> page = new ArrayList<>();
        // one line in three fonts and sizes, a superscript, and a table row whose cells stand far apart
        page.add(shown(0, 11, 40, 780, "行政复议 案件"));
        page.add(shown(1, 14, 120, 780, "52件"));
        page.add(shown(2, 9, 160, 784, "注1"));
        page.add(shown(0, 11, 40, 760, "受理"));
        page.add(shown(0, 11, 300, 760, "128"));
        page.add(shown(1, 11, 420, 760, "100%"));
        // the same word drawn again a third of a point to the right (fake bold), in another font
        page.add(shown(1, 12, 40, 740, "法治政府建设"));
        page.add(shown(1, 12, 40.33f, 740, "法治政府建设"));
        page.add(shown(0, 12, 40, 720, "Caf e e"));
        // accents drawn over the letter before and before the letter they belong to
        page.add(shown(0, 12, 40 + 0.5f, 720, "    `"));
        page.add(shown(0, 12, 70, 720, "´"));
        page.add(shown(0, 12, 40, 700, "a   b      c            d"));
        // a small accent drawn over a large letter after it, and one drawn before it: PDFBox merges them
        page.add(shown(0, 40, 300, 640, "e"));
        page.add(shown(0, 4, 302, 640, "´"));
        page.add(shown(0, 4, 352, 640, "`"));
        page.add(shown(0, 40, 350, 640, "a"));
        // lines drawn bottom to top, one glyph at a time with gaps of every width
        for (int i = 0; i < 12; i++) {
            page.add(shown(i % 3, 10, 40 + i * (6 + i), 600 - (i % 2) * 0.05f, Character.toString('甲' + i)));
        }
        page.add(shown(0, 10, 40, 500, "第二行"));
        page.add(shown(0, 10, 40, 512, "第一行"));
        Path pdf = tmp.resolve("fonts.pdf");
        PdfFixtures.writeShownPdf(pdf, List.of(page), List.of(0));
        PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
        assertThat(read.pagesWrittenHere()).isEqualTo(1);
        assertThat(read.pagesPlacedPlain()).as("accents: TextPositions after all").isZero();
    }

    @Test
    void twoColumnsAndRotatedPagesAreWrittenAsByPdfBox(@TempDir Path tmp) throws Exception {
        List<Shown> columns = new ArrayList<>();
        for (int row = 0; row < 20; row++) {
            columns.add(shown(0, 10.5f, 50, 780 - row * 16, "左栏第" + row + "行行政执法案件"));
            columns.add(shown(0, 10.5f, 310, 780 - row * 16 - (row % 3) * 0.04f, "右栏第" + row + "行复议"));
        }
        List<Shown> turned = new ArrayList<>();
        for (int row = 0; row < 6; row++) {
            turned.add(new Shown(0, 11, Matrix.getRotateInstance(Math.PI / 2, 100 + row * 14, 100), "竖排第" + row + "行"));
            turned.add(new Shown(1, 11, Matrix.getRotateInstance(Math.PI, 500, 700 - row * 14), "倒排" + row));
            turned.add(new Shown(2, 11, Matrix.getRotateInstance(-Math.PI / 2, 400 + row * 14, 600), "向下" + row));
            turned.add(new Shown(0, 11, new Matrix(1, 0.2f, 0, 1, 40, 400 - row * 14), "斜体 " + row));
            turned.add(new Shown(0, 11, new Matrix(1.5f, 0, 0, 0.8f, 300, 400 - row * 14), "宽字 " + row));
        }
        Path pdf = tmp.resolve("columns.pdf");
        PdfFixtures.writeShownPdf(pdf, List.of(columns, turned, columns, turned, columns),
                List.of(0, 0, 90, 180, 270));
        PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
        assertThat(read.pagesWrittenHere()).isEqualTo(5);
        assertThat(read.pagesPlacedPlain()).as("the unrotated page of columns").isEqualTo(1);
    }

    @Test
    void rightToLeftAndLigatureTextGoesToPdfBoxsWriter(@TempDir Path tmp) throws Exception {
        List<Shown> hebrew = List.of(shown(0, 12, 40, 780, "שלום abc ש1"), shown(0, 12, 40, 760, "法治 建设"));
        List<Shown> arabicDigits = List.of(shown(0, 12, 40, 780, "案件٣٤件"));
        List<Shown> ligature = List.of(shown(0, 12, 40, 780, "of\uFB01ce \uFB02ow"));
        List<Shown> plain = List.of(shown(0, 12, 40, 780, "法治 建设 abc"));
        Path pdf = tmp.resolve("rtl.pdf");
        PdfFixtures.writeShownPdf(pdf, List.of(hebrew, arabicDigits, ligature, plain), List.of(0, 0, 0, 0));
        PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
        assertThat(read.pagesWrittenHere()).as("only the plain page").isEqualTo(1);
        assertThat(read.pagesPlacedPlain()).isEqualTo(1);
    }

    @Test
    void scatteredGlyphsOfMixedFontsAndSizesAreWrittenAsByPdfBox(@TempDir Path tmp) throws Exception {
        // accents (diacritics to PDFBox), turned pieces and turned pages: most pages leave the plain placing midway
        int[] turned = scatteredFiles(tmp.resolve("turned"), new Random(15),
                "法治政府建设行政复议案件年度报告一二三四五六七八九十，。、（）：%0123456789abcdefxyzABC.-`´^~ ", true);
        assertThat(turned[0]).as("pages written by our writer").isEqualTo(72);
        assertThat(turned[1]).as("of them, placed plain").isEqualTo(1);
        int[] upright = scatteredFiles(tmp.resolve("upright"), new Random(16),
                "法治政府建设行政复议案件年度报告一二三四五六七八九十，。、（）：%0123456789abcdefxyzABC.- ", false);
        assertThat(upright[0]).as("pages written by our writer").isEqualTo(72);
        assertThat(upright[1]).as("of them, placed plain").isEqualTo(72);
    }

    /**
     * 24 files of 3 pages of pieces of text in three fonts and six sizes on a few baselines (some drawn again 0.3 pt
     * to the right), read by both paths; turned: some pieces and pages rotated.
     *
     * @return the pages written by our writer, and of them the pages placed plain
     */
    private static int[] scatteredFiles(Path dir, Random random, String alphabet, boolean turned) throws Exception {
        Files.createDirectories(dir);
        float[] sizes = {6, 9, 10.5f, 12, 16, 22};
        int written = 0;
        int placedPlain = 0;
        for (int file = 0; file < 24; file++) {
            List<List<Shown>> pages = new ArrayList<>();
            List<Integer> rotations = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                List<Shown> page = new ArrayList<>();
                float[] baselines = new float[3 + random.nextInt(12)];
                for (int b = 0; b < baselines.length; b++) {
                    baselines[b] = 80 + random.nextInt(700);
                }
                int pieces = 5 + random.nextInt(60);
                for (int i = 0; i < pieces; i++) {
                    StringBuilder text = new StringBuilder();
                    int length = 1 + random.nextInt(8);
                    for (int k = 0; k < length; k++) {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    float y = baselines[random.nextInt(baselines.length)] + (random.nextInt(5) - 2) * random.nextFloat();
                    float x = 20 + random.nextInt(500) + random.nextFloat();
                    float size = sizes[random.nextInt(sizes.length)];
                    Matrix matrix = turned && random.nextInt(12) == 0
                            ? Matrix.getRotateInstance(Math.PI / 2 * (1 + random.nextInt(3)), x, y)
                            : Matrix.getTranslateInstance(x, y);
                    page.add(new Shown(random.nextInt(3), size, matrix, text.toString()));
                    if (random.nextInt(10) == 0) {
                        page.add(new Shown(random.nextInt(3), size, Matrix.getTranslateInstance(x + 0.3f, y),
                                text.toString()));
                    }
                }
                pages.add(page);
                rotations.add(turned && random.nextInt(8) == 0 ? 90 * random.nextInt(4) : 0);
            }
            Path pdf = dir.resolve("scattered-" + file + ".pdf");
            PdfFixtures.writeShownPdf(pdf, pages, rotations);
            PdfTextExtractor.Read read = assertSameAsPdfBox(pdf);
            written += read.pagesWrittenHere();
            placedPlain += read.pagesPlacedPlain();
        }
        return new int[] {written, placedPlain};
    }

    /**
     * The characters taken as plain leave any word of them as it is in PDFBox's writer: a left-to-right
     * {@code Bidi} of one level, whatever their order; right-to-left letters and Arabic digits are not plain.
     */
    @Test
    void plainCharactersNeverMakeAWordRightToLeft() {
        List<Character> plain = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (PdfTextExtractor.PLAIN[c]) {
                plain.add((char) c);
                Bidi alone = new Bidi(String.valueOf((char) c), Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
                assertThat(alone.isMixed() || alone.getBaseLevel() != 0).as("U+%04X", c).isFalse();
            }
        }
        assertThat(plain).contains('a', '1', '法', '，', ' ', '%', '\u0301').doesNotContain('ש', 'ب', '٣', '\uFB01',
                '\u202E', '\u2067', '\uD800');
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                word.append(plain.get(random.nextInt(plain.size())));
            }
            Bidi bidi = new Bidi(word.toString(), Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            assertThat(bidi.isMixed() || bidi.getBaseLevel() != 0).as(word.toString()).isFalse();
        }
    }

    private static Shown shown(int font, float size, float x, float y, String text) {
        return new Shown(font, size, Matrix.getTranslateInstance(x, y), text);
    }

    /** @return how the fast path read it: the pages our own writer wrote (the rest went to PDFBox's) and placed plain */
    private static PdfTextExtractor.Read assertSameAsPdfBox(Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        PdfTextExtractor.Read fast = PdfTextExtractor.read(bytes, false);
        PdfTextExtractor.Read pdfBox = PdfTextExtractor.read(bytes, true);
        assertThat(pdfBox.pagesWrittenHere()).isZero();
        assertThat(pdfBox.pagesPlacedPlain()).isZero();
        assertThat(fast.runs()).as(pdf.getFileName().toString()).isEqualTo(pdfBox.runs());
        assertThat(fast.runs()).as(pdf.getFileName() + " has text").isNotEmpty();
        String fastText;
        String pdfBoxText;
        try {
            fastText = PdfTextExtractor.extract(bytes, PdfLayout.bundled(), false).text();
        } catch (UnreadableSubmissionException e) {
            fastText = "unreadable: " + e.getMessage();
        }
        try {
            pdfBoxText = PdfTextExtractor.extract(bytes, PdfLayout.bundled(), true).text();
        } catch (UnreadableSubmissionException e) {
            pdfBoxText = "unreadable: " + e.getMessage();
        }
        assertThat(fastText).as(pdf.getFileName().toString()).isEqualTo(pdfBoxText);
        return fast;
    }
}
