package fazhi.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Paragraphs and tables of a .docx body in document order; a table row becomes one line, cells joined by " | ". */
final class DocxTextRenderer {

    private DocxTextRenderer() {
    }

    static String render(byte[] bytes) throws UnreadableSubmissionException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new UnreadableSubmissionException("not a valid .docx: the file is not a ZIP package"
                    + " (a .docx is a ZIP of XML parts)");
        }
        String plain = PlainDocxReader.render(bytes);
        return plain != null ? plain : renderWithPoi(bytes);
    }

    /** POI's rendering, for any .docx; {@link PlainDocxReader} gives the same text faster for plain ones. */
    static String renderWithPoi(byte[] bytes) throws UnreadableSubmissionException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            body(doc.getBodyElements(), out);
            return out.toString();
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableSubmissionException("not a valid .docx: this is an old Word 97-2003 (.doc)"
                    + " file with a .docx name; save it as .docx or .pdf", e);
        } catch (ODFNotOfficeXmlFileException e) {
            throw new UnreadableSubmissionException("not a valid .docx: this is an OpenDocument (.odt) file;"
                    + " save it as .docx or .pdf", e);
        } catch (NotOfficeXmlFileException | EmptyFileException e) {
            throw new UnreadableSubmissionException("not a valid .docx: the ZIP package is damaged or truncated,"
                    + " or is not a Word document", e);
        } catch (IOException | POIXMLException | IllegalStateException | IllegalArgumentException
                 | UnsupportedOperationException | ClassCastException e) {
            throw new UnreadableSubmissionException("not a valid .docx: the document is damaged or truncated ("
                    + SubmissionReader.shortMessage(e) + ")", e);
        }
    }

    private static void body(List<IBodyElement> elements, StringBuilder out) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                line(p.getText(), out);
            } else if (element instanceof XWPFTable t) {
                table(t, out);
            } else if (element instanceof XWPFSDT sdt) {
                for (String l : sdt.getContent().getText().split("\n")) {
                    line(l, out);
                }
            }
        }
    }

    private static void table(XWPFTable table, StringBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (XWPFTableCell cell : row.getTableCells()) {
                String t = cellText(cell);
                any |= !t.isEmpty();
                cells.add(t);
            }
            if (any) {
                out.append(String.join(HtmlTextRenderer.CELL_SEPARATOR, cells)).append('\n');
            }
        }
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (IBodyElement e : cell.getBodyElements()) {
            String t;
            if (e instanceof XWPFParagraph p) {
                t = p.getText();
            } else if (e instanceof XWPFTable nested) {
                StringBuilder n = new StringBuilder();
                table(nested, n);
                t = n.toString();
            } else {
                continue;
            }
            appendCellPart(t, b);
        }
        return b.toString();
    }

    /** Adds one paragraph of a table cell to the cell's text, on the same line. */
    static void appendCellPart(String text, StringBuilder cell) {
        String t = text.strip().replace('\n', ' ');
        if (!t.isEmpty()) {
            if (!cell.isEmpty()) {
                cell.append(' ');
            }
            cell.append(t);
        }
    }

    /** Adds a paragraph as a line of its own, unless it is blank. */
    static void line(String text, StringBuilder out) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.append(t).append('\n');
        }
    }
}
