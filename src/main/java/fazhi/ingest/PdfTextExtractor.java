package fazhi.ingest;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF, through PDFBox's text stripper. */
final class PdfTextExtractor {

    /** Fewer visible characters than this per page (on average) means the PDF has no real text layer. */
    static final int MIN_CHARS_PER_PAGE = 16;

    private PdfTextExtractor() {
    }

    static String extract(byte[] bytes) throws UnreadableSubmissionException {
        if (!hasPdfHeader(bytes)) {
            throw new UnreadableSubmissionException("not a PDF: the file does not start with %PDF-");
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableSubmissionException("PDF has no pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            String text = stripper.getText(doc);
            long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
            if (visible < (long) MIN_CHARS_PER_PAGE * pages) {
                throw new UnreadableSubmissionException("PDF has no text layer (" + visible
                        + " characters of text on " + pages + (pages == 1 ? " page" : " pages")
                        + "): it is probably a scanned image and needs OCR");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new UnreadableSubmissionException("encrypted PDF: a password is required to open it", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSubmissionException("damaged PDF: it cannot be parsed ("
                    + SubmissionReader.shortMessage(e) + ")", e);
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
