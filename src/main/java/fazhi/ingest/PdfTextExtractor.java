package fazhi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * The text layer of a PDF in reading order. PDFBox's stripper finds the runs of glyphs on each baseline
 * (sorted by position, so a page drawn out of order still reads top to bottom); {@link PdfLayout} then
 * puts columns, running headers, page numbers, broken lines and table cells right.
 *
 * <p>Why not PDFBox's own text with {@code setSortByPosition(true)}: it merges the two columns of a
 * two-column page line by line, and it ends every printed line with a line break, also inside a word.
 */
final class PdfTextExtractor {

    /** Fewer visible characters than this per page (on average) means the PDF has no real text layer. */
    static final int MIN_CHARS_PER_PAGE = 16;

    private PdfTextExtractor() {
    }

    static String extract(byte[] bytes) throws UnreadableSubmissionException {
        return extract(bytes, PdfLayout.bundled()).text();
    }

    static PdfLayout.Result extract(byte[] bytes, PdfLayout layout) throws UnreadableSubmissionException {
        if (!hasPdfHeader(bytes)) {
            throw new UnreadableSubmissionException("not a PDF: the file does not start with %PDF-; to resolve,"
                    + " send the PDF itself, or the report as .docx");
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            doc.setResourceCache(new DocumentFontCache());
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableSubmissionException("PDF has no pages; to resolve, send the complete PDF");
            }
            RunCollector collector = new RunCollector();
            collector.setSortByPosition(true);
            collector.getText(doc);
            float[] widths = new float[pages];
            for (int i = 0; i < pages; i++) {
                widths[i] = doc.getPage(i).getMediaBox().getWidth();
            }
            PdfLayout.Result result = layout.layout(collector.runs, widths);
            String text = result.text();
            long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
            if (visible < (long) MIN_CHARS_PER_PAGE * pages) {
                throw new UnreadableSubmissionException("PDF has no text layer (" + visible
                        + " characters of text on " + pages + (pages == 1 ? " page" : " pages")
                        + "): it is probably a scanned image and needs OCR; to resolve, send a PDF with a text"
                        + " layer (as saved by the office software) or the .docx");
            }
            return result;
        } catch (InvalidPasswordException e) {
            throw new UnreadableSubmissionException("encrypted PDF: a password is required to open it; to resolve,"
                    + " send a copy without a password", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSubmissionException("damaged PDF: it cannot be parsed ("
                    + SubmissionReader.shortMessage(e) + "); to resolve, send the file again or as .docx", e);
        }
    }

    /**
     * Keeps every font of the document until the document is closed. PDFBox's own cache drops a page's fonts
     * after the page, so a report whose pages share their fonts parsed each font and its ToUnicode map again
     * on every page (a quarter of the time of a synthetic report); the fonts of one document are few.
     */
    private static final class DocumentFontCache extends DefaultResourceCache {
        @Override
        public PDFont removeFont(COSObject indirect) {
            return null;
        }
    }

    /**
     * Collects each word PDFBox writes (a run of glyphs without a wide gap) with its position.
     *
     * <p>PDFBox's duplicate-overlapping-text suppression (a glyph drawn again over itself, as office software
     * fakes bold) is kept with its exact rule, but looked up with one search of the glyph's x instead of a
     * range view built per glyph (the view cost two tree searches and an iterator for every glyph of every
     * page, about a tenth of the PDF stage). Pages with article beads and text inside an ActualText span
     * still go through PDFBox's own method, whose bead and ActualText handling is not repeated here.
     */
    private static final class RunCollector extends PDFTextStripper {
        final List<PdfLayout.Run> runs = new ArrayList<>();
        /** for each text, the x positions where it was shown on this page and the y positions at each */
        private final Map<String, TreeMap<Float, TreeSet<Float>>> shown = new HashMap<>();
        /** per open marked-content sequence: whether it carries an ActualText */
        private final Deque<Boolean> markedContent = new ArrayDeque<>();
        private boolean actualText;
        private boolean pageHasBeads;
        private int pageRotation;
        private PDRectangle pageBox;
        private boolean cropAtOrigin;
        /** per font dictionary of the document (as PDFBox keys its glyph heights); null: PDFBox's own method */
        private final Map<COSDictionary, FontFacts> fontFacts = new IdentityHashMap<>();
        private PDFont lastFont;
        private FontFacts lastFacts;

        @Override
        public void processPage(PDPage page) throws IOException {
            shown.clear();
            pageHasBeads = !page.getThreadBeads().isEmpty();
            pageRotation = page.getRotation();
            pageBox = page.getCropBox();
            cropAtOrigin = Float.compare(pageBox.getLowerLeftX(), 0) == 0
                    && Float.compare(pageBox.getLowerLeftY(), 0) == 0;
            super.processPage(page);
        }

        /**
         * The glyph as PDFBox's legacy text engine places it, with what depends only on the font and the code
         * (the text of the code, the width of a space, the glyph height) worked out once per font instead of
         * once per glyph. Vertical and Type 3 fonts and pages whose crop box is not at the origin go through
         * PDFBox's own method.
         */
        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            FontFacts facts = cropAtOrigin ? facts(font) : null;
            if (facts == null) {
                super.showGlyph(textRenderingMatrix, font, code, displacement);
                return;
            }
            PDGraphicsState state = getGraphicsState();
            Matrix ctm = state.getCurrentTransformationMatrix();
            float fontSize = state.getTextState().getFontSize();
            float horizontalScaling = state.getTextState().getHorizontalScaling() / 100f;
            Matrix textMatrix = getTextMatrix();
            // the end of the glyph: its displacement without character and word spacing (as PDFBox's
            // stripper has always measured it)
            float tx = displacement.getX() * fontSize * horizontalScaling;
            float ty = displacement.getY() * fontSize;
            Matrix next = Matrix.getTranslateInstance(tx, ty).multiply(textMatrix).multiply(ctm);
            float nextX = next.getTranslateX();
            float nextY = next.getTranslateY();
            float dxDisplay = nextX - textRenderingMatrix.getTranslateX();
            float dyDisplay = facts.height * textRenderingMatrix.getScalingFactorY();
            float spaceWidthDisplay = facts.spaceWidth * textRenderingMatrix.getScalingFactorX();
            String unicode = facts.unicode(font, code);
            if (unicode == null) {
                return;
            }
            processTextPosition(new TextPosition(pageRotation, pageBox.getWidth(), pageBox.getHeight(),
                    textRenderingMatrix, nextX, nextY, Math.abs(dyDisplay), dxDisplay, Math.abs(spaceWidthDisplay),
                    unicode, new int[] {code}, font, fontSize, (int) (fontSize * textMatrix.getScalingFactorX())));
        }

        private FontFacts facts(PDFont font) throws IOException {
            if (font == lastFont) {
                return lastFacts;
            }
            COSDictionary dict = font.getCOSObject();
            FontFacts facts = fontFacts.get(dict);
            if (facts == null && !fontFacts.containsKey(dict)) {
                facts = font.isVertical() || font instanceof PDType3Font ? null
                        : new FontFacts(computeFontHeight(font), spaceWidth(font), font instanceof PDSimpleFont);
                fontFacts.put(dict, facts);
            }
            lastFont = font;
            lastFacts = facts;
            return facts;
        }

        /** The width of a space in text space, with PDFBox's fallbacks (and its float arithmetic). */
        private static float spaceWidth(PDFont font) {
            float glyphToText = 1 / 1000f;
            float width = 0;
            try {
                width = font.getSpaceWidth() * glyphToText;
            } catch (Exception e) {
                // PDFBox logs and goes on with the average width
            }
            if (Float.compare(width, 0) == 0) {
                width = font.getAverageFontWidth() * glyphToText;
                width *= .80f;
            }
            if (Float.compare(width, 0) == 0) {
                width = 1.0f;
            }
            return width;
        }

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            // the same rule as PDFBox's: the innermost sequence that opens decides, one with an ActualText
            // ends it on closing
            actualText = PDMarkedContent.create(tag, properties).getActualText() != null;
            markedContent.push(actualText);
            super.beginMarkedContentSequence(tag, properties);
        }

        @Override
        public void endMarkedContentSequence() {
            Boolean had = markedContent.poll();
            if (had != null && had) {
                actualText = false;
            }
            super.endMarkedContentSequence();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (pageHasBeads || actualText || !getSuppressDuplicateOverlappingText()) {
                super.processTextPosition(text);
                return;
            }
            String character = text.getUnicode();
            float x = text.getX();
            float y = text.getY();
            TreeMap<Float, TreeSet<Float>> sameText = shown.computeIfAbsent(character, k -> new TreeMap<>());
            float tolerance = text.getWidth() / character.length() / 3.0f;
            if (overlapsShown(sameText, x - tolerance, x + tolerance, y - tolerance, y + tolerance)) {
                return;
            }
            sameText.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
            // no beads on the page: PDFBox puts every glyph into its last article list
            List<TextPosition> list = charactersByArticle.get(charactersByArticle.size() - 1);
            if (list.isEmpty()) {
                list.add(text);
                return;
            }
            TextPosition previous = list.get(list.size() - 1);
            if (text.isDiacritic() && previous.contains(text)) {
                previous.mergeDiacritic(text);
            } else if (previous.isDiacritic() && text.contains(previous)) {
                text.mergeDiacritic(previous);
                list.remove(list.size() - 1);
                list.add(text);
            } else {
                list.add(text);
            }
        }

        /**
         * Whether the same text was shown at an x in [xFrom, xTo) and a y in [yFrom, yTo), in the order of
         * floats of {@link Float#compare}, throwing where PDFBox's sub-map views throw (a negative width).
         */
        private static boolean overlapsShown(TreeMap<Float, TreeSet<Float>> sameText, float xFrom, float xTo,
                                             float yFrom, float yTo) {
            if (Float.compare(xFrom, xTo) > 0) {
                throw new IllegalArgumentException("fromKey > toKey");
            }
            for (Map.Entry<Float, TreeSet<Float>> e = sameText.ceilingEntry(xFrom);
                    e != null && Float.compare(e.getKey(), xTo) < 0; e = sameText.higherEntry(e.getKey())) {
                if (Float.compare(yFrom, yTo) > 0) {
                    throw new IllegalArgumentException("fromKey > toKey");
                }
                Float y = e.getValue().ceiling(yFrom);
                if (y != null && Float.compare(y, yTo) < 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            TextPosition first = positions.get(0);
            float x0 = Float.MAX_VALUE;
            float x1 = 0;
            float height = 0;
            for (TextPosition p : positions) {
                x0 = Math.min(x0, p.getXDirAdj());
                x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                height = Math.max(height, p.getHeightDir());
            }
            runs.add(new PdfLayout.Run(getCurrentPageNo(), x0, x1, first.getYDirAdj(),
                    Math.max(height, first.getFontSizeInPt()), text));
        }
    }

    /** The glyph list PDFBox's text engine reads codes with: Adobe's and its additional names. */
    private static final GlyphList GLYPH_LIST = additionalGlyphList();

    private static GlyphList additionalGlyphList() {
        try (InputStream in = GlyphList.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
            return new GlyphList(GlyphList.getAdobeGlyphList(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a font of one document gives every glyph: computed once, the text of each code on first use. */
    private static final class FontFacts {
        /** a code whose text is not known yet */
        private static final String UNKNOWN = new String("unknown");

        final float height;
        final float spaceWidth;
        final boolean simple;
        /** the text of codes below 65536, in blocks of 256 made on first use; null: no text (skipped) */
        private final String[][] text = new String[256][];

        FontFacts(float height, float spaceWidth, boolean simple) {
            this.height = height;
            this.spaceWidth = spaceWidth;
            this.simple = simple;
        }

        String unicode(PDFont font, int code) throws IOException {
            if (code < 0 || code > 0xFFFF) {
                return lookUp(font, code);
            }
            String[] block = text[code >>> 8];
            if (block == null) {
                block = new String[256];
                Arrays.fill(block, UNKNOWN);
                text[code >>> 8] = block;
            }
            String t = block[code & 0xFF];
            if (t == UNKNOWN) {
                t = lookUp(font, code);
                block[code & 0xFF] = t;
            }
            return t;
        }

        /**
         * PDFBox's rule: the font's own mapping, else a simple font's code taken as the character (as Acrobat
         * does); a composite font's unmapped code shows nothing.
         */
        private String lookUp(PDFont font, int code) throws IOException {
            String unicode = font.toUnicode(code, GLYPH_LIST);
            if (unicode == null && simple) {
                unicode = new String(new char[] {(char) code});
            }
            return unicode;
        }
    }

    /** The header may be preceded by a little junk (the PDF spec allows it within the first 1024 bytes). */
    static boolean hasPdfHeader(byte[] bytes) {
        int limit = Math.min(bytes.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F'
                    && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }
}
