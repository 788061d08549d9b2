package fazhi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDMMType1Font;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType1CFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.IterativeMergeSort;
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
        return extract(bytes, layout, false);
    }

    /**
     * @param pdfBoxOnly every content stream parsed by PDFBox's parser (not {@link PdfContentTokens}), every glyph
     *                   shown, placed and checked for overlap by PDFBox's own methods, not by the
     *                   faster copies of them below: the reference the copies must equal, bit for bit (a PDFBox
     *                   upgrade that changes its arithmetic shows in {@code PdfTextExtractorAsPdfBoxTest})
     */
    static PdfLayout.Result extract(byte[] bytes, PdfLayout layout, boolean pdfBoxOnly)
            throws UnreadableSubmissionException {
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
            List<PdfLayout.Run> runs = read(doc, pdfBoxOnly).runs();
            float[] widths = new float[pages];
            for (int i = 0; i < pages; i++) {
                widths[i] = doc.getPage(i).getMediaBox().getWidth();
            }
            PdfLayout.Result result = layout.layout(runs, widths);
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
     * The runs of every page in the order they were read, how many pages our own writer wrote, and how many of
     * them had all their glyphs placed without PDFBox's TextPositions.
     */
    record Read(List<PdfLayout.Run> runs, int pagesWrittenHere, int pagesPlacedPlain) {
    }

    /** What {@link #extract} lays out, for the tests: the runs of the same PDF must not depend on pdfBoxOnly. */
    static Read read(byte[] bytes, boolean pdfBoxOnly) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            doc.setResourceCache(new DocumentFontCache());
            return read(doc, pdfBoxOnly);
        }
    }

    private static Read read(PDDocument doc, boolean pdfBoxOnly) throws IOException {
        RunCollector collector = new RunCollector(pdfBoxOnly);
        collector.setSortByPosition(true);
        collector.getText(doc);
        return new Read(collector.runs, collector.pagesWrittenHere, collector.pagesPlacedPlain);
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
     * fakes bold) is kept with its exact rule, but kept in sorted float arrays ({@link ShownPlaces}) instead
     * of PDFBox's tree maps of boxed floats with a range view built per glyph (about a tenth of the PDF
     * stage). Pages with article beads and text inside an ActualText span
     * still go through PDFBox's own method, whose bead and ActualText handling is not repeated here.
     *
     * <p>A plain page (no rotation, no beads, crop box at the origin) whose glyphs are all upright, of plain
     * characters, outside ActualText and not diacritics (the common case of generated and office-made PDFs) is
     * read without PDFBox's {@code TextPosition}s: each glyph is placed as a {@link Glyph}, checked for overlap,
     * and written by {@link #writePage} from those; the first glyph that is not plain turns the page's glyphs so
     * far into TextPositions and the page goes on as any other.
     */
    private static final class RunCollector extends PDFTextStripper {
        final List<PdfLayout.Run> runs = new ArrayList<>();
        /** pages written by {@link #writePage} itself, not by PDFBox's writer */
        int pagesWrittenHere;
        /** pages whose glyphs were all placed as {@link Glyph}s, without a {@code TextPosition} */
        int pagesPlacedPlain;
        /**
         * Whether the glyphs of this page are still placed as plain {@link Glyph}s (see {@link #placePlain}): until
         * a glyph comes that needs PDFBox's {@code TextPosition}, when the page's glyphs so far become theirs.
         */
        private boolean placingPlain;
        private final List<Glyph> plainGlyphs = new ArrayList<>();
        /** for each text, the places where it was shown on this page */
        private final Map<String, ShownPlaces> shown = new HashMap<>();
        /** the number of the page being read, from 1 (which page a {@link CodeText}'s places are of) */
        private int pageSerial;
        /** per open marked-content sequence: whether it carries an ActualText */
        private final Deque<Boolean> markedContent = new ArrayDeque<>();
        private boolean actualText;
        /** whether a glyph of this page was shown inside an ActualText span */
        private boolean pageHadActualText;
        private boolean pageHasBeads;
        private int pageRotation;
        private PDRectangle pageBox;
        private float pageWidth;
        private float pageHeight;
        private boolean cropAtOrigin;
        /** per font dictionary of the document (as PDFBox keys its glyph heights); null: PDFBox's own method */
        private final Map<COSDictionary, FontFacts> fontFacts = new IdentityHashMap<>();
        private PDFont lastFont;
        private FontFacts lastFacts;
        /** per font dictionary of the document: the widths of a single-byte font's codes */
        private final Map<COSDictionary, CodeWidths> codeWidths = new IdentityHashMap<>();
        private PDFont lastWidthsFont;
        private CodeWidths lastWidths;
        private final boolean pdfBoxOnly;

        RunCollector(boolean pdfBoxOnly) {
            this.pdfBoxOnly = pdfBoxOnly;
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            shown.clear();
            pageSerial++;
            pageHadActualText = false;
            pageHasBeads = !page.getThreadBeads().isEmpty();
            pageRotation = page.getRotation();
            pageBox = page.getCropBox();
            pageWidth = pageBox.getWidth();
            pageHeight = pageBox.getHeight();
            cropAtOrigin = Float.compare(pageBox.getLowerLeftX(), 0) == 0
                    && Float.compare(pageBox.getLowerLeftY(), 0) == 0;
            // PDFBox's writer keeps one list of glyphs for a page without beads; placePlain stands in for it
            placingPlain = !pdfBoxOnly && pageRotation == 0 && cropAtOrigin && !pageHasBeads && getSortByPosition()
                    && getSuppressDuplicateOverlappingText();
            plainGlyphs.clear();
            List<Object> tokens = pdfBoxOnly || !page.hasContents() ? null : PdfContentTokens.read(page);
            if (tokens == null) {
                super.processPage(page);
                return;
            }
            // PDFBox's own page processing, but its content-stream parser reads one operator that hands over the
            // tokens read here (its parser and the loop that runs the operators are private)
            pageTokens = tokens;
            try {
                super.processPage(new PDPage(page.getCOSObject()) {
                    @Override
                    public PDResources getResources() {
                        return page.getResources(); // with the document's font cache
                    }

                    @Override
                    public RandomAccessRead getContentsForStreamParsing() {
                        return new RandomAccessReadBuffer(PdfContentTokens.HAND_OVER);
                    }
                });
            } finally {
                pageTokens = null;
            }
        }

        /** the tokens of the page being processed, read by {@link PdfContentTokens}; null once handed over */
        private List<Object> pageTokens;

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (pageTokens != null && PdfContentTokens.HAND_OVER_NAME.equals(operator.getName())) {
                List<Object> tokens = pageTokens;
                pageTokens = null;
                // PDFBox's loop over a content stream's tokens: operands gathered until their operator
                List<COSBase> arguments = new ArrayList<>();
                for (Object token : tokens) {
                    if (token instanceof Operator op) {
                        processOperator(op, arguments);
                        arguments.clear();
                    } else {
                        arguments.add((COSBase) token);
                    }
                }
                return;
            }
            super.processOperator(operator, operands);
        }

        /**
         * PDFBox's text showing (the glyph's matrix, then the text matrix moved by its width and the spacing) for
         * the simple fonts whose codes are single bytes, with each code's width read from the font once per
         * document instead of once per glyph (a boxed-integer map lookup and a vector every glyph). Other fonts,
         * vertical and Type 3 fonts and pages whose crop box is not at the origin go through PDFBox's own method.
         */
        @Override
        protected void showText(byte[] string) throws IOException {
            PDGraphicsState state = getGraphicsState();
            PDTextState textState = state.getTextState();
            PDFont font = textState.getFont();
            if (pdfBoxOnly || font == null || !cropAtOrigin || !SINGLE_BYTE_FONTS.contains(font.getClass())) {
                super.showText(string);
                return;
            }
            CodeWidths widths = widths(font);
            float fontSize = textState.getFontSize();
            float horizontalScaling = textState.getHorizontalScaling() / 100f;
            float charSpacing = textState.getCharacterSpacing();
            Matrix parameters = new Matrix(fontSize * horizontalScaling, 0, 0, fontSize, 0, textState.getRise());
            Matrix textMatrix = state.getTextMatrix();
            for (byte b : string) {
                int code = b & 0xFF;
                float wordSpacing = 0;
                if (code == 32) {
                    wordSpacing += textState.getWordSpacing();
                }
                Matrix ctm = state.getCurrentTransformationMatrix();
                Matrix textRenderingMatrix = parameters.multiply(textMatrix).multiply(ctm);
                float width = widths.displacementX(font, code);
                // the font's facts after its width, as PDFBox's showGlyph comes after getDisplacement (the same
                // exception first, should both fail)
                FontFacts facts = facts(font);
                if (facts == null) {
                    super.showGlyph(textRenderingMatrix, font, code, new Vector(width, 0));
                } else {
                    placeGlyph(textRenderingMatrix, font, facts, code, width, 0);
                }
                float tx = (width * fontSize + charSpacing + wordSpacing) * horizontalScaling;
                textMatrix.translate(tx, 0);
            }
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
            FontFacts facts = cropAtOrigin && !pdfBoxOnly ? facts(font) : null;
            if (facts == null) {
                super.showGlyph(textRenderingMatrix, font, code, displacement);
                return;
            }
            placeGlyph(textRenderingMatrix, font, facts, code, displacement.getX(), displacement.getY());
        }

        private void placeGlyph(Matrix textRenderingMatrix, PDFont font, FontFacts facts, int code,
                                float displacementX, float displacementY) throws IOException {
            PDGraphicsState state = getGraphicsState();
            Matrix ctm = state.getCurrentTransformationMatrix();
            float fontSize = state.getTextState().getFontSize();
            float horizontalScaling = state.getTextState().getHorizontalScaling() / 100f;
            Matrix textMatrix = getTextMatrix();
            // the end of the glyph: its displacement without character and word spacing (as PDFBox's
            // stripper has always measured it)
            float tx = displacementX * fontSize * horizontalScaling;
            float ty = displacementY * fontSize;
            glyphEnd(tx, ty, textMatrix, ctm);
            float nextX = end[6];
            float nextY = end[7];
            float dxDisplay = nextX - textRenderingMatrix.getTranslateX();
            float dyDisplay = facts.height * textRenderingMatrix.getScalingFactorY();
            float spaceWidthDisplay = facts.spaceWidth * textRenderingMatrix.getScalingFactorX();
            CodeText codeText = facts.code(font, code);
            String unicode = codeText.text;
            if (unicode == null) {
                return;
            }
            int fontSizeInPt = (int) (fontSize * textMatrix.getScalingFactorX());
            if (placingPlain && !actualText && codeText.plain && Glyph.direction(textRenderingMatrix) == 0) {
                placePlain(new Glyph(textRenderingMatrix, nextX, nextY, Math.abs(dyDisplay), dxDisplay,
                        Math.abs(spaceWidthDisplay), unicode, code, font, fontSize, fontSizeInPt, pageHeight),
                        codeText);
                return;
            }
            processTextPosition(new TextPosition(pageRotation, pageWidth, pageHeight, textRenderingMatrix, nextX,
                    nextY, Math.abs(dyDisplay), dxDisplay, Math.abs(spaceWidthDisplay), unicode, new int[] {code},
                    font, fontSize, fontSizeInPt));
        }

        /**
         * {@link #processTextPosition} for a plain glyph of a plain page (no rotation, no beads, crop box at the
         * origin; the glyph upright, outside ActualText, of plain characters, not a diacritic): the same overlap
         * check, then the glyph joins the page's list; no diacritic can merge with it or with the glyph before.
         */
        private void placePlain(Glyph glyph, CodeText codeText) {
            if (codeText.placesPage != pageSerial) {
                codeText.places = shownPlaces(glyph.text);
                codeText.placesPage = pageSerial;
            }
            // on an unrotated page and an upright glyph, TextPosition's x, y and width are its DirAdj ones
            if (!shownBefore(codeText.places, glyph.text, glyph.x, glyph.y, glyph.width)) {
                plainGlyphs.add(glyph);
            }
        }

        /** The page's plain glyphs so far become PDFBox's TextPositions, its later glyphs too. */
        private void stopPlacingPlain() {
            placingPlain = false;
            List<TextPosition> list = charactersByArticle.get(charactersByArticle.size() - 1);
            for (Glyph glyph : plainGlyphs) {
                list.add(glyph.textPosition(pageRotation, pageWidth, pageHeight));
            }
            plainGlyphs.clear();
        }

        /** scratch: the translation, the text matrix, the CTM, and the products of the glyph's end */
        private final float[] translation = new float[9];
        private final float[] textValues = new float[9];
        private final float[] ctmValues = new float[9];
        private final float[] moved = new float[9];
        private final float[] end = new float[9];

        /**
         * The translation (tx, ty) times the text matrix times the CTM into {@link #end}: PDFBox's
         * {@code Matrix.getTranslateInstance(tx, ty).multiply(textMatrix).multiply(ctm)}, the same float
         * operations in the same order (so the same bits) and the same exception on a value that is not
         * finite, without the three matrices it made per glyph.
         */
        private void glyphEnd(float tx, float ty, Matrix textMatrix, Matrix ctm) {
            float[] t = translation;
            t[0] = 1;
            t[1] = 0;
            t[2] = 0;
            t[3] = 0;
            t[4] = 1;
            t[5] = 0;
            t[6] = tx;
            t[7] = ty;
            t[8] = 1;
            copy(textMatrix, textValues);
            copy(ctm, ctmValues);
            multiply(t, textValues, moved);
            multiply(moved, ctmValues, end);
        }

        private static void copy(Matrix m, float[] into) {
            for (int row = 0; row < 3; row++) {
                for (int column = 0; column < 3; column++) {
                    into[row * 3 + column] = m.getValue(row, column);
                }
            }
        }

        /** a times b, row-major 3x3, each entry summed left to right as PDFBox's Matrix does */
        private static void multiply(float[] a, float[] b, float[] into) {
            for (int row = 0; row < 3; row++) {
                for (int column = 0; column < 3; column++) {
                    into[row * 3 + column] = a[row * 3] * b[column] + a[row * 3 + 1] * b[3 + column]
                            + a[row * 3 + 2] * b[6 + column];
                }
            }
            for (float v : into) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("Multiplying two matrices produces illegal values");
                }
            }
        }

        private CodeWidths widths(PDFont font) {
            if (font != lastWidthsFont) {
                lastWidths = codeWidths.computeIfAbsent(font.getCOSObject(), k -> new CodeWidths());
                lastWidthsFont = font;
            }
            return lastWidths;
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
            if (placingPlain) {
                stopPlacingPlain();
            }
            pageHadActualText |= actualText;
            if (pdfBoxOnly || pageHasBeads || actualText || !getSuppressDuplicateOverlappingText()) {
                super.processTextPosition(text);
                return;
            }
            String character = text.getUnicode();
            if (shownBefore(shownPlaces(character), character, text.getX(), text.getY(), text.getWidth())) {
                return;
            }
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
         * PDFBox's duplicate-overlap check: whether this text was shown near (x, y) on this page (sameText: its
         * places), within a third of its width per character; if not, the place is recorded.
         */
        private boolean shownBefore(ShownPlaces sameText, String text, float x, float y, float width) {
            float tolerance = width / text.length() / 3.0f;
            if (sameText.overlaps(x - tolerance, x + tolerance, y - tolerance, y + tolerance)) {
                return true;
            }
            sameText.add(x, y);
            return false;
        }

        /** the places where this text was shown on this page */
        private ShownPlaces shownPlaces(String text) {
            ShownPlaces places = shown.get(text);
            if (places == null) {
                places = new ShownPlaces();
                shown.put(text, places);
            }
            return places;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            // PDFBox's writer's word, measured as writePage measures its own (the text as PDFBox normalized it)
            wordStarts();
            for (TextPosition p : positions) {
                wordGrows(p.getYDirAdj(), p.getFontSizeInPt(), "", p.getXDirAdj(), p.getWidthDirAdj(), p.getHeightDir());
            }
            runs.add(wordRun(text));
            wordStarts();
        }

        /**
         * PDFBox's page writer ({@code PDFTextStripper.writePage} of PDFBox 3.0.8, Apache License 2.0; a PDFBox
         * upgrade must be checked against it: {@code PdfTextExtractorAsPdfBoxTest}) reduced to what reaches {@link #writeString}: the
         * same sort, the same removal of spaces inside the glyph before, the same line and word breaks (the same
         * float operations in the same order), each word handed over as a run as soon as it ends. What is left
         * out only writes to PDFBox's output, which is not read: paragraph, line, page and article separators.
         * Nor are a word's ligatures normalized or its right-to-left runs reordered (a {@code java.text.Bidi} per
         * word, the largest part of the writer): pages holding a character where those could change the word go to
         * PDFBox's own writer, as do pages with beads or ActualText and every page of {@code pdfBoxOnly}. The
         * writer reads {@link Glyph}s: a plain page's as they were placed, another page's read from its
         * TextPositions (their getters' values, read once each instead of at every comparison of the sort).
         */
        @Override
        protected void writePage() throws IOException {
            List<Glyph> glyphs;
            if (placingPlain) {
                pagesPlacedPlain++;
                glyphs = plainGlyphs;
            } else if (pdfBoxOnly || pageHasBeads || pageHadActualText || !getSortByPosition()
                    || charactersByArticle.size() != 1 || !plainCharacters(charactersByArticle)) {
                super.writePage();
                return;
            } else {
                List<TextPosition> positions = charactersByArticle.get(0);
                glyphs = new ArrayList<>(positions.size());
                for (TextPosition position : positions) {
                    glyphs.add(new Glyph(position));
                }
            }
            try {
                writeGlyphs(glyphs);
            } finally {
                placingPlain = false;
                plainGlyphs.clear();
            }
        }

        /** the writer of {@link #writePage} over the page's one list of glyphs */
        private void writeGlyphs(List<Glyph> textList) {
            pagesWrittenHere++;
            wordStarts();
            float maxYForLine = -Float.MAX_VALUE;
            float endOfLastTextX = -1;
            float lastWordSpacing = -1;
            float maxHeightForLine = -1;
            Glyph lastPosition = null;
            float spacingTolerance = getSpacingTolerance();
            float averageCharTolerance = getAverageCharTolerance();
            boolean ignoreSpaceGlyphs = getIgnoreContentStreamSpaceGlyphs();
            try {
                textList.sort(Glyph.ORDER);
            } catch (IllegalArgumentException e) {
                IterativeMergeSort.sort(textList, Glyph.ORDER);
            }
            removeContainedSpaces(textList);
            float previousAveCharWidth = -1;
            for (Glyph position : textList) {
                String characterValue = position.text;
                if (" ".equals(characterValue) && ignoreSpaceGlyphs) {
                    continue;
                }
                if (lastPosition != null && fontOrSizeChanged(position, lastPosition)) {
                    previousAveCharWidth = -1;
                }
                float positionX = position.x;
                float positionY = position.y;
                float positionWidth = position.width;
                float positionHeight = position.height;
                int wordCharCount = position.charCount;
                float wordSpacing = position.spaceWidth;
                float deltaSpace;
                if (Float.compare(wordSpacing, 0) == 0 || Float.isNaN(wordSpacing)) {
                    deltaSpace = Float.MAX_VALUE;
                } else if (lastWordSpacing < 0) {
                    deltaSpace = wordSpacing * spacingTolerance;
                } else {
                    deltaSpace = (wordSpacing + lastWordSpacing) / 2f * spacingTolerance;
                }
                float averageCharWidth;
                if (previousAveCharWidth < 0) {
                    averageCharWidth = positionWidth / wordCharCount;
                } else {
                    averageCharWidth = (previousAveCharWidth + positionWidth / wordCharCount) / 2f;
                }
                float deltaCharWidth = averageCharWidth * averageCharTolerance;
                float expectedStartOfNextWordX = -Float.MAX_VALUE;
                if (Float.compare(endOfLastTextX, -1) != 0) {
                    expectedStartOfNextWordX = endOfLastTextX + Math.min(deltaSpace, deltaCharWidth);
                }
                if (lastPosition != null) {
                    if (!sameLine(positionY, positionHeight, maxYForLine, maxHeightForLine)) {
                        wordEnds();
                        expectedStartOfNextWordX = -Float.MAX_VALUE;
                        maxYForLine = -Float.MAX_VALUE;
                        maxHeightForLine = -1;
                    }
                    String lastText = lastPosition.text;
                    if (Float.compare(expectedStartOfNextWordX, -Float.MAX_VALUE) != 0
                            && expectedStartOfNextWordX < positionX
                            && lastText != null && !lastText.endsWith(" ")) {
                        wordEnds();
                    }
                    if (Math.abs(position.pageX - lastPosition.pageX) > wordSpacing + deltaSpace) {
                        maxYForLine = -Float.MAX_VALUE;
                        maxHeightForLine = -1;
                    }
                }
                if (positionY >= maxYForLine) {
                    maxYForLine = positionY;
                }
                endOfLastTextX = positionX + positionWidth;
                if (characterValue != null) {
                    wordGrows(position.y, position.fontSizeInPt, characterValue, positionX, positionWidth,
                            positionHeight);
                }
                maxHeightForLine = Math.max(maxHeightForLine, positionHeight);
                lastPosition = position;
                lastWordSpacing = wordSpacing;
                previousAveCharWidth = averageCharWidth;
            }
            wordEnds();
        }

        /** the word being read by {@link #writePage}: its text and what {@link #writeString} would measure */
        private final StringBuilder wordText = new StringBuilder();
        private int wordGlyphs;
        private float wordX0;
        private float wordX1;
        private float wordHeight;
        private float wordY;
        private float wordFontSizeInPt;

        private void wordStarts() {
            wordText.setLength(0);
            wordGlyphs = 0;
            wordX0 = Float.MAX_VALUE;
            wordX1 = 0;
            wordHeight = 0;
        }

        private void wordGrows(float y, float fontSizeInPt, String text, float x, float width, float height) {
            if (wordGlyphs == 0) {
                wordY = y;
                wordFontSizeInPt = fontSizeInPt;
            }
            wordGlyphs++;
            wordText.append(text);
            wordX0 = Math.min(wordX0, x);
            wordX1 = Math.max(wordX1, x + width);
            wordHeight = Math.max(wordHeight, height);
        }

        /** the word as {@link #writeString} would have taken it, then the next one starts */
        private void wordEnds() {
            if (wordGlyphs > 0) {
                String text = wordText.toString();
                if (!text.isBlank()) {
                    runs.add(wordRun(text));
                }
            }
            wordStarts();
        }

        /** the word read so far as a run of this text */
        private PdfLayout.Run wordRun(String text) {
            return new PdfLayout.Run(getCurrentPageNo(), wordX0, wordX1, wordY, Math.max(wordHeight, wordFontSizeInPt),
                    text);
        }

        /** PDFBox's {@code overlap}: whether a glyph at y of this height stands on the line read so far */
        private static boolean sameLine(float y1, float height1, float y2, float height2) {
            return y2 < y1 + 0.1f && y2 > y1 - 0.1f
                    || y2 <= y1 && y2 >= y1 - height1
                    || y1 <= y2 && y1 >= y2 - height2;
        }

        /** PDFBox's {@code hasFontOrSizeChanged} */
        private boolean fontOrSizeChanged(Glyph current, Glyph last) {
            if (Float.compare(current.fontSize, last.fontSize) != 0) {
                return true;
            }
            if (current.font == last.font) {
                return false;
            }
            // a line alternates between two fonts (CJK and Latin): their names (a dictionary lookup each) are
            // compared once for the pair, either way round (the comparison is symmetric)
            boolean samePair = current.font == namesCompared1 && last.font == namesCompared2
                    || current.font == namesCompared2 && last.font == namesCompared1;
            if (!samePair) {
                namesCompared1 = current.font;
                namesCompared2 = last.font;
                namesDiffer = fontNamesDiffer(current.font, last.font);
            }
            return namesDiffer;
        }

        /** the two fonts whose names {@link #fontOrSizeChanged} compared last, and whether they differ */
        private PDFont namesCompared1;
        private PDFont namesCompared2;
        private boolean namesDiffer;

        /** PDFBox's test of two fonts' names: the same in either order (String.equals, a null, the hash codes) */
        private static boolean fontNamesDiffer(PDFont current, PDFont last) {
            String currentFontName = current.getName();
            String lastFontName = last.getName();
            if (currentFontName != null) {
                return !currentFontName.equals(lastFontName);
            }
            return lastFontName != null || current.hashCode() != last.hashCode();
        }

        /** PDFBox's {@code removeContainedSpaces}: a space glyph lying inside the glyph before it is dropped */
        private static void removeContainedSpaces(List<Glyph> textList) {
            Iterator<Glyph> iterator = textList.iterator();
            if (!iterator.hasNext()) {
                return;
            }
            Glyph previous = iterator.next();
            while (iterator.hasNext()) {
                Glyph position = iterator.next();
                if (" ".equals(position.text) && previous.completelyContains(position)) {
                    iterator.remove();
                } else {
                    previous = position;
                }
            }
        }
    }

    /**
     * Whether every glyph of the page has a text made only of {@link #PLAIN} characters: then PDFBox's writer
     * hands each word over as the glyphs' texts joined (no text reversed, no ligature normalized, the word's
     * {@code Bidi} all left to right at level 0).
     */
    static boolean plainCharacters(List<List<TextPosition>> articles) {
        for (List<TextPosition> article : articles) {
            for (TextPosition position : article) {
                String text = position.getUnicode();
                if (text == null) {
                    return false;
                }
                for (int i = 0; i < text.length(); i++) {
                    if (!PLAIN[text.charAt(i)]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The characters that leave a word as it is in PDFBox's writer: not in the presentation forms it normalizes
     * (U+FB00-FDFF, U+FE70-FEFF), not a surrogate, and of a bidirectional type that resolves to level 0 in a
     * left-to-right paragraph whatever stands around it (no right-to-left letter, Arabic number or embedding,
     * override or isolate, nor an unassigned code, which the bidi algorithm may take as right to left).
     */
    static final boolean[] PLAIN = plainTable();

    private static boolean[] plainTable() {
        boolean[] plain = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean presentationForm = c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF;
            plain[c] = !presentationForm && !Character.isSurrogate((char) c) && switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.DIRECTIONALITY_EUROPEAN_NUMBER,
                     Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
                     Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
                     Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_NONSPACING_MARK,
                     Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR,
                     Character.DIRECTIONALITY_SEGMENT_SEPARATOR, Character.DIRECTIONALITY_WHITESPACE,
                     Character.DIRECTIONALITY_OTHER_NEUTRALS -> true;
                default -> false;
            };
        }
        return plain;
    }

    /**
     * A glyph as PDFBox's page writer reads it: the values of the {@code TextPosition} getters it calls, read once.
     * A plain glyph of a plain page is made without a {@code TextPosition} (its values as TextPosition's
     * constructor and getters work them out for page rotation 0 and text direction 0), keeping what makes one
     * should the page need PDFBox's.
     */
    static final class Glyph {
        /** PDFBox's {@code TextPositionComparator}: by direction, then by line (top down), then by x */
        static final Comparator<Glyph> ORDER = Glyph::compare;

        final float direction;
        /** getXDirAdj, getYDirAdj, getWidthDirAdj, getHeightDir */
        final float x;
        final float y;
        final float width;
        final float height;
        /** getX: in the page's rotation, not the text's */
        final float pageX;
        final float spaceWidth;
        final int charCount;
        final String text;
        final PDFont font;
        final float fontSize;
        final float fontSizeInPt;
        /** a plain glyph's TextPosition arguments (null for a glyph read from a TextPosition) */
        private final Matrix textMatrix;
        private final float endX;
        private final float endY;
        private final float individualWidth;
        private final int code;
        private final int fontSizePt;

        /** a glyph of a page read through PDFBox's TextPositions */
        Glyph(TextPosition position) {
            direction = position.getDir();
            x = position.getXDirAdj();
            y = position.getYDirAdj();
            width = position.getWidthDirAdj();
            height = position.getHeightDir();
            pageX = position.getX();
            spaceWidth = position.getWidthOfSpace();
            charCount = position.getIndividualWidths().length;
            text = position.getUnicode();
            font = position.getFont();
            fontSize = position.getFontSize();
            fontSizeInPt = position.getFontSizeInPt();
            textMatrix = null;
            endX = 0;
            endY = 0;
            individualWidth = 0;
            code = 0;
            fontSizePt = 0;
        }

        /**
         * A plain glyph: the arguments of TextPosition's constructor on a page of rotation 0 whose (crop box)
         * height is pageHeight, the text upright ({@link #direction} 0 of this text matrix).
         */
        Glyph(Matrix textMatrix, float endX, float endY, float maxHeight, float individualWidth, float spaceWidth,
              String text, int code, PDFont font, float fontSize, int fontSizePt, float pageHeight) {
            this.direction = 0;
            this.x = textMatrix.getTranslateX();
            this.y = pageHeight - textMatrix.getTranslateY();
            this.width = Math.abs(endX - textMatrix.getTranslateX());
            this.height = maxHeight;
            this.pageX = x;
            this.spaceWidth = spaceWidth;
            this.charCount = 1;
            this.text = text;
            this.font = font;
            this.fontSize = fontSize;
            this.fontSizeInPt = fontSizePt;
            this.textMatrix = textMatrix;
            this.endX = endX;
            this.endY = endY;
            this.individualWidth = individualWidth;
            this.code = code;
            this.fontSizePt = fontSizePt;
        }

        /** the TextPosition PDFBox's text engine would have made of this plain glyph */
        TextPosition textPosition(int pageRotation, float pageWidth, float pageHeight) {
            return new TextPosition(pageRotation, pageWidth, pageHeight, textMatrix, endX, endY, height,
                    individualWidth, spaceWidth, text, new int[] {code}, font, fontSize, fontSizePt);
        }

        /**
         * Whether a glyph of this text may be placed plain: of {@link #PLAIN} characters (PDFBox's writer leaves its
         * word as it is) and not what TextPosition takes as a diacritic (one character, not the prolonged sound
         * mark, of type Mn, Sk or Lm), so no diacritic is merged on the page.
         */
        static boolean plain(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (!PLAIN[text.charAt(i)]) {
                    return false;
                }
            }
            if (text.length() != 1 || "ー".equals(text)) {
                return true;
            }
            int type = Character.getType(text.charAt(0));
            return type != Character.NON_SPACING_MARK && type != Character.MODIFIER_SYMBOL
                    && type != Character.MODIFIER_LETTER;
        }

        /** TextPosition's {@code getDir} of a glyph with this text matrix: 0, 90, 180 or 270 */
        static float direction(Matrix m) {
            float a = m.getScaleY();
            float b = m.getShearY();
            float c = m.getShearX();
            float d = m.getScaleX();
            if (a > 0 && Math.abs(b) < d && Math.abs(c) < a && d > 0) {
                return 0;
            }
            if (a < 0 && Math.abs(b) < Math.abs(d) && Math.abs(c) < Math.abs(a) && d < 0) {
                return 180;
            }
            if (Math.abs(a) < Math.abs(c) && b > 0 && c < 0 && Math.abs(d) < b) {
                return 90;
            }
            if (Math.abs(a) < c && b < 0 && c > 0 && Math.abs(d) < Math.abs(b)) {
                return 270;
            }
            return 0;
        }

        /** TextPosition's {@code completelyContains} */
        boolean completelyContains(Glyph other) {
            float thisXstart = x;
            float thisXend = x + width;
            float otherXstart = other.x;
            float otherXend = other.x + other.width;
            if (thisXstart > otherXstart || otherXend > thisXend) {
                return false;
            }
            float thisYstart = y;
            float thisYend = y + height;
            float otherYstart = other.y;
            float otherYend = other.y + other.height;
            return !(thisYstart > otherYstart || otherYend > thisYend);
        }

        /** {@code TextPositionComparator.compare} of PDFBox 3.0.8 */
        private static int compare(Glyph pos1, Glyph pos2) {
            int cmp1 = Float.compare(pos1.direction, pos2.direction);
            if (cmp1 != 0) {
                return cmp1;
            }
            float x1 = pos1.x;
            float x2 = pos2.x;
            float pos1YBottom = pos1.y;
            float pos2YBottom = pos2.y;
            float pos1YTop = pos1YBottom - pos1.height;
            float pos2YTop = pos2YBottom - pos2.height;
            float yDifference = Math.abs(pos1YBottom - pos2YBottom);
            if (yDifference < .1
                    || pos2YBottom >= pos1YTop && pos2YBottom <= pos1YBottom
                    || pos1YBottom >= pos2YTop && pos1YBottom <= pos2YBottom) {
                return Float.compare(x1, x2);
            }
            return pos1YBottom < pos2YBottom ? -1 : 1;
        }
    }

    /**
     * The places (x, y) where one text was shown on a page, sorted by x in the order of {@link Float#compare}
     * (the order of the boxed-float tree maps PDFBox keeps them in). Two float arrays instead of a tree map of
     * tree sets: no boxing, no tree nodes, and a glyph drawn to the right of the last one (the common case) is
     * appended.
     */
    static final class ShownPlaces {
        private float[] xs = new float[8];
        private float[] ys = new float[8];
        private int size;

        /**
         * Whether a place with an x in [xFrom, xTo) and a y in [yFrom, yTo) was shown, throwing where PDFBox's
         * sub-map views throw: an x range that ends before it starts, or a y range that does when some x is in
         * its range.
         */
        boolean overlaps(float xFrom, float xTo, float yFrom, float yTo) {
            if (Float.compare(xFrom, xTo) > 0) {
                throw new IllegalArgumentException("fromKey > toKey");
            }
            for (int i = firstAtOrAfter(xFrom); i < size && Float.compare(xs[i], xTo) < 0; i++) {
                if (Float.compare(yFrom, yTo) > 0) {
                    throw new IllegalArgumentException("fromKey > toKey");
                }
                if (Float.compare(ys[i], yFrom) >= 0 && Float.compare(ys[i], yTo) < 0) {
                    return true;
                }
            }
            return false;
        }

        void add(float x, float y) {
            int at = size;
            if (at > 0 && Float.compare(xs[at - 1], x) > 0) {
                at = firstAtOrAfter(x);
            }
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            System.arraycopy(xs, at, xs, at + 1, size - at);
            System.arraycopy(ys, at, ys, at + 1, size - at);
            xs[at] = x;
            ys[at] = y;
            size++;
        }

        /** the first index whose x is not below the given one (size if none) */
        private int firstAtOrAfter(float x) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Float.compare(xs[mid], x) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /**
     * The simple fonts whose code is one byte read as is ({@code readCode} reads one byte) and whose
     * displacement is their width over 1000 (PDFBox's {@code PDFont.getDisplacement}); Type 3 fonts are not.
     */
    private static final Set<Class<?>> SINGLE_BYTE_FONTS = Set.of(PDType1Font.class, PDMMType1Font.class,
            PDTrueTypeFont.class, PDType1CFont.class);

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

    /** A single-byte font's horizontal displacement of each code, asked of the font on first use. */
    private static final class CodeWidths {
        private final float[] displacementX = new float[256];
        private final boolean[] known = new boolean[256];

        /** {@code font.getDisplacement(code).getX()} of a code 0-255. */
        float displacementX(PDFont font, int code) throws IOException {
            if (!known[code]) {
                displacementX[code] = font.getDisplacement(code).getX();
                known[code] = true;
            }
            return displacementX[code];
        }
    }

    /** What a font of one document gives every glyph: computed once, the text of each code on first use. */
    private static final class FontFacts {
        final float height;
        final float spaceWidth;
        final boolean simple;
        /** the text of codes below 65536, in blocks of 256 made on first use; null in a block: not known yet */
        private final CodeText[][] text = new CodeText[256][];

        FontFacts(float height, float spaceWidth, boolean simple) {
            this.height = height;
            this.spaceWidth = spaceWidth;
            this.simple = simple;
        }

        CodeText code(PDFont font, int code) throws IOException {
            if (code < 0 || code > 0xFFFF) {
                return new CodeText(lookUp(font, code));
            }
            CodeText[] block = text[code >>> 8];
            if (block == null) {
                block = new CodeText[256];
                text[code >>> 8] = block;
            }
            CodeText t = block[code & 0xFF];
            if (t == null) {
                t = new CodeText(lookUp(font, code));
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

    /** What a code of a font shows, worked out on its first glyph in the document. */
    private static final class CodeText {
        /** null: no text (the glyph is skipped) */
        final String text;
        /** whether a glyph of this text may be placed plain ({@link Glyph#plain}) */
        final boolean plain;
        /** the places this text was shown on the page numbered placesPage (RunCollector's page serial) */
        ShownPlaces places;
        int placesPage;

        CodeText(String text) {
            this.text = text;
            this.plain = text != null && Glyph.plain(text);
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
