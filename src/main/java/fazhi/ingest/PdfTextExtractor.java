package fazhi.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

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

    /** Collects each word PDFBox writes (a run of glyphs without a wide gap) with its position. */
    private static final class RunCollector extends PDFTextStripper {
        final List<PdfLayout.Run> runs = new ArrayList<>();

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
