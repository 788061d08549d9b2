package fazhi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.text.TextPositionComparator;
import org.apache.pdfbox.util.IterativeMergeSort;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The glyph order {@link PdfTextExtractor} puts a page in itself (on positions read once) must be the order
 * PDFBox's stripper would have put it in: its comparison is not transitive, so only the same comparison in the
 * same sort (and the same fallback when the JDK's sort gives up) gives the same text.
 */
class PdfTextExtractorOrderTest {

    private static final List<String> LINES = List.of(
            "Administrative reconsideration cases received in 2024: 64, of which 55 were closed.",
            "The rate at which agency heads appeared in court was 100 percent in all 37 hearings.",
            "Normative documents reviewed: 112; repealed: 9; amended after review: 14 in total.",
            "Hotline tickets handled: 12345, answered within the day at a rate of 98.7 percent.");

    @Test
    void theComparisonOnPlacesReadOnceIsPdfBoxsOwn() {
        Random random = new Random(11);
        TextPositionComparator pdfBox = new TextPositionComparator();
        for (int i = 0; i < 20_000; i++) {
            TextPosition a = glyph(random, 0);
            TextPosition b = random.nextInt(5) == 0 ? a : glyph(random, random.nextInt(8) == 0 ? 90 : 0);
            assertThat(PdfTextExtractor.GlyphPlace.IN_READING_ORDER.compare(
                    new PdfTextExtractor.GlyphPlace(a), new PdfTextExtractor.GlyphPlace(b)))
                    .as("glyphs %s and %s", a, b)
                    .isEqualTo(pdfBox.compare(a, b));
        }
    }

    @Test
    void glyphsArePutInPdfBoxsOrderAlsoWhereTheJdkSortGivesUpOnItsComparison() {
        int gaveUp = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            List<TextPosition> drawn = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                TextPosition g = glyph(random, 0);
                drawn.add(g);
                if (random.nextInt(6) == 0) {
                    // a space drawn inside the glyph before it, which PDFBox drops after sorting
                    drawn.add(space(g));
                }
            }
            List<TextPosition> expected = new ArrayList<>(drawn);
            TextPositionComparator comparator = new TextPositionComparator();
            try {
                Collections.sort(expected, comparator);
            } catch (IllegalArgumentException e) {
                gaveUp++;
                IterativeMergeSort.sort(expected, comparator);
            }
            expected = withoutSpacesInsideTheGlyphBefore(expected);

            List<TextPosition> actual = new ArrayList<>(drawn);
            PdfTextExtractor.GlyphPlace[] places = drawn.stream().map(PdfTextExtractor.GlyphPlace::new)
                    .toArray(PdfTextExtractor.GlyphPlace[]::new);
            PdfTextExtractor.GlyphPlace.sortInReadingOrder(places, actual);

            assertThat(actual).as("seed %d", seed).containsExactlyElementsOf(expected);
            assertThat(actual.size()).isLessThan(drawn.size());
        }
        // the fallback sort is part of what must match: some of these pages take it
        assertThat(gaveUp).isPositive();
    }

    @Test
    void linesAndWordsDrawnOutOfOrderReadAsTheSamePageDrawnInOrder() throws Exception {
        String inOrder = PdfTextExtractor.extract(page(false, 0));
        String outOfOrder = PdfTextExtractor.extract(page(true, 0));

        assertThat(outOfOrder).isEqualTo(inOrder);
        assertThat(inOrder).contains("Administrative reconsideration cases received in 2024: 64")
                .contains("Hotline tickets handled: 12345");
        assertThat(inOrder.indexOf("Administrative")).isLessThan(inOrder.indexOf("Hotline"));
    }

    @Test
    void aRotatedPageDrawnOutOfOrderReadsAsItsUnrotatedTwin() throws Exception {
        // a /Rotate page is left to PDFBox's own sort and writer
        assertThat(PdfTextExtractor.extract(page(true, 90))).isEqualTo(PdfTextExtractor.extract(page(false, 0)));
    }

    /**
     * One page of {@link #LINES}, in order, or drawn last line first with the second half of each line
     * before its first half (as a generator that fills a page from the bottom, or a table, may draw it).
     */
    private static byte[] page(boolean outOfOrder, int rotation) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
            doc.addPage(page);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int n = 0; n < LINES.size(); n++) {
                    int l = outOfOrder ? LINES.size() - 1 - n : n;
                    String line = LINES.get(l);
                    int cut = line.indexOf(' ', line.length() / 2);
                    String first = line.substring(0, cut);
                    String second = line.substring(cut);
                    float y = 780 - l * 16;
                    float secondX = 40 + font.getStringWidth(first) / 1000 * 11;
                    if (outOfOrder) {
                        show(cs, font, secondX, y, second);
                        show(cs, font, 40, y, first);
                    } else {
                        show(cs, font, 40, y, first);
                        show(cs, font, secondX, y, second);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, PDFont font, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, 11);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** A glyph scattered over a few lines of mixed sizes (super- and subscripts), so the order is not total. */
    private static TextPosition glyph(Random random, int angle) {
        float size = 4 + random.nextInt(20);
        float x = 20 + random.nextInt(60) * 9 + (random.nextInt(4) == 0 ? 0.05f : 0);
        float y = 100 + random.nextInt(40) + (random.nextBoolean() ? random.nextFloat() * 20 : random.nextInt(3) * 0.05f);
        Matrix m = Matrix.getRotateInstance(Math.toRadians(angle), x, y);
        m.scale(size, size);
        float width = size * 0.6f;
        return new TextPosition(0, 595, 842, m, x + width, y, size * 0.7f, width, size * 0.28f,
                String.valueOf((char) ('a' + random.nextInt(26))), new int[] {'a'}, null, 1, (int) size);
    }

    private static TextPosition space(TextPosition glyph) {
        Matrix m = glyph.getTextMatrix().clone();
        m.translate(0.1f, 0);
        float width = glyph.getWidth() / 4;
        return new TextPosition(0, 595, 842, m, m.getTranslateX() + width, m.getTranslateY(), glyph.getHeight() / 2,
                width, width, " ", new int[] {' '}, null, 1, (int) glyph.getFontSizeInPt());
    }

    /** What PDFBox's stripper does after sorting: a space glyph lying within the glyph before it is dropped. */
    private static List<TextPosition> withoutSpacesInsideTheGlyphBefore(List<TextPosition> sorted) {
        List<TextPosition> kept = new ArrayList<>();
        for (TextPosition p : sorted) {
            if (!kept.isEmpty() && " ".equals(p.getUnicode()) && kept.get(kept.size() - 1).completelyContains(p)) {
                continue;
            }
            kept.add(p);
        }
        return kept;
    }
}
