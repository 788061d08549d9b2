package fazhi.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The text of a Word 97–2003 binary document (.doc), and of a .wps file when it is one (WPS Office saves
 * its .wps as a Word binary; Microsoft Works' .wps is another format and is refused with that reason).
 *
 * <p>Read from Word's own text stream: a paragraph ends with CR, a table cell with the cell mark U+0007
 * and a table row with a second cell mark; the row becomes one line with cells joined by {@code " | "},
 * as the other readers render tables. Field codes are dropped and their results kept.
 */
final class WordBinaryReader {

    private static final char CELL_MARK = '\u0007';

    private WordBinaryReader() {
    }

    static boolean isOle2(byte[] bytes) {
        return bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    /**
     * @param kind what the file is called in reasons (".doc file", ".wps file")
     */
    static String read(byte[] bytes, String kind) throws UnreadableSubmissionException {
        if (!isOle2(bytes)) {
            throw new UnreadableSubmissionException("not a valid " + kind
                    + ": it is not an OLE2 compound file (Word 97-2003 format); to resolve, give the file the"
                    + " extension of its real format, or send it as .docx or .pdf");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new UnreadableSubmissionException("encrypted " + kind + ": a password is required to open it; to resolve,"
                        + " send a copy without a password");
            }
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                throw new UnreadableSubmissionException(kind + " is not Word-compatible (it holds no Word"
                        + " document stream); to resolve, save it as .docx or .pdf", null,
                        UnreadableSubmissionException.UNSUPPORTED_FORMAT);
            }
            String raw;
            try (HWPFDocument doc = new HWPFDocument(root)) {
                raw = doc.getText().toString();
            } catch (OldWordFileFormatException e) {
                // Word 6 / Word 95: HWPF has a simpler extractor for those
                try (Word6Extractor old = new Word6Extractor(fs)) {
                    raw = old.getText();
                }
            }
            return render(raw);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableSubmissionException("encrypted " + kind + ": a password is required to open it; to resolve,"
                    + " send a copy without a password", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSubmissionException("damaged " + kind + ": it cannot be parsed ("
                    + SubmissionReader.shortMessage(e) + "); to resolve, send the file again or as .docx or .pdf", e);
        }
    }

    /** Word's text stream to lines: paragraphs, table rows as cells joined by " | ", fields as their results. */
    static String render(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder cell = new StringBuilder();
        boolean inRow = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case CELL_MARK -> {
                    if (inRow && cell.isEmpty() && i > 0 && text.charAt(i - 1) == CELL_MARK) {
                        out.append('\n'); // the row-end mark
                        inRow = false;
                        continue;
                    }
                    if (inRow) {
                        out.append(" | ");
                    }
                    out.append(cell.toString().strip());
                    cell.setLength(0);
                    inRow = true;
                }
                case '\r', '\u000B', '\u000C' -> {
                    if (inRow) {
                        cell.append(' '); // a paragraph inside a cell stays in the cell
                    } else {
                        out.append('\n');
                    }
                }
                case '\u001E' -> (inRow ? cell : out).append('-');    // non-breaking hyphen
                case '\u0001', '\u0008', '\u001F', '\u0013', '\u0014', '\u0015' -> { } // objects, optional hyphen
                default -> (inRow ? cell : out).append(c);
            }
        }
        if (inRow) {
            out.append(cell.isEmpty() ? "" : " | " + cell.toString().strip()).append('\n');
        }
        return out.toString();
    }
}
