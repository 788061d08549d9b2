package fazhi.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A fast path for {@link DocxTextRenderer}: renders a .docx whose body uses only plain paragraphs, runs of
 * text, tabs and breaks, and tables, with a streaming XML parser instead of POI's object model (which costs
 * several milliseconds and much class loading and compilation per document).
 *
 * <p>It gives exactly the text POI would give, or declines: {@link #render} returns null whenever the package
 * holds anything it does not reproduce exactly (fields, hyperlinks, content controls, tracked changes,
 * drawings, footnote references, capitalised runs, an unusual package layout, a damaged or suspicious ZIP,
 * malformed XML in any part, ...), and the caller then asks POI, which also words the errors.
 */
final class PlainDocxReader {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MAIN_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String DOCUMENT_PART = "word/document.xml";
    /** POI refuses entries that inflate more than 100 times (ZipSecureFile); such files go to POI. */
    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long MAX_PART_BYTES = 64L * 1024 * 1024;

    /** One factory per thread: factories are not specified to be thread-safe. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    });

    private static XMLStreamReader parser(byte[] xml) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** Thrown inside the parser when the document holds something the fast path does not render. */
    private static final class Decline extends Exception {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private PlainDocxReader() {
    }

    /** The text as {@link DocxTextRenderer} renders it with POI, or null when POI must decide. */
    static String render(byte[] bytes) {
        try {
            Map<String, byte[]> parts = unzip(bytes);
            if (parts == null || !isPlainWordPackage(parts)) {
                return null;
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                String name = part.getKey();
                if (!name.equals(DOCUMENT_PART) && (name.endsWith(".xml") || name.endsWith(".rels"))
                        && !wellFormed(part.getValue())) {
                    return null;
                }
            }
            StringBuilder out = new StringBuilder(parts.get(DOCUMENT_PART).length / 3);
            XMLStreamReader x = parser(parts.get(DOCUMENT_PART));
            try {
                document(x, out);
            } finally {
                x.close();
            }
            return out.toString();
        } catch (Decline | XMLStreamException | IOException | RuntimeException e) {
            return null;
        }
    }

    // ---- the package

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        int entries = centralDirectoryEntries(bytes);
        if (entries <= 0) {
            return null;
        }
        int seen = 0;
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            byte[] buf = new byte[16384];
            while ((e = zip.getNextEntry()) != null) {
                seen++;
                if (e.isDirectory()) {
                    continue;
                }
                java.io.ByteArrayOutputStream part = new java.io.ByteArrayOutputStream(
                        e.getSize() > 0 && e.getSize() < MAX_PART_BYTES ? (int) e.getSize() : 8192);
                int n;
                while ((n = zip.read(buf)) > 0) {
                    part.write(buf, 0, n);
                    if (part.size() > MAX_PART_BYTES) {
                        return null;
                    }
                }
                long compressed = e.getCompressedSize();
                if (compressed < 0 || (part.size() > 0 && (double) compressed / part.size() < MIN_INFLATE_RATIO)) {
                    return null;
                }
                if (parts.put(e.getName(), part.toByteArray()) != null) {
                    return null;
                }
            }
        }
        return parts.isEmpty() || seen != entries ? null : parts;
    }

    /**
     * The entry count of the end-of-central-directory record when it is where a whole, plain (not ZIP64,
     * not commented) package has it, right after its central directory; else -1. The entries are read in
     * stream order, so this is what shows that nothing was cut off or appended.
     */
    private static int centralDirectoryEntries(byte[] b) {
        int eocd = b.length - 22;
        if (eocd < 0 || u32(b, eocd) != 0x06054b50L || u16(b, eocd + 20) != 0
                || u16(b, eocd + 4) != 0 || u16(b, eocd + 6) != 0) {
            return -1;
        }
        int entries = u16(b, eocd + 10);
        long size = u32(b, eocd + 12);
        long offset = u32(b, eocd + 16);
        if (entries != u16(b, eocd + 8) || entries == 0xFFFF || offset + size != eocd) {
            return -1;
        }
        return entries;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16);
    }

    /** [Content_Types].xml and _rels/.rels name word/document.xml as the main document part, nothing odd. */
    private static boolean isPlainWordPackage(Map<String, byte[]> parts) throws XMLStreamException {
        byte[] types = parts.get("[Content_Types].xml");
        byte[] rels = parts.get("_rels/.rels");
        if (types == null || rels == null || !parts.containsKey(DOCUMENT_PART)) {
            return false;
        }
        String mainType = null;
        String xmlDefault = null;
        XMLStreamReader x = parser(types);
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    String local = x.getLocalName();
                    if (local.equals("Override") && "/word/document.xml".equals(x.getAttributeValue(null, "PartName"))) {
                        mainType = x.getAttributeValue(null, "ContentType");
                    } else if (local.equals("Default") && "xml".equals(x.getAttributeValue(null, "Extension"))) {
                        xmlDefault = x.getAttributeValue(null, "ContentType");
                    }
                }
            }
        } finally {
            x.close();
        }
        if (!MAIN_TYPE.equals(mainType != null ? mainType : xmlDefault)) {
            return false;
        }
        int documents = 0;
        x = parser(rels);
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    String type = x.getAttributeValue(null, "Type");
                    if (type != null && type.endsWith("/officeDocument")) {
                        String target = x.getAttributeValue(null, "Target");
                        if (!OFFICE_DOCUMENT.equals(type) || x.getAttributeValue(null, "TargetMode") != null
                                || !(DOCUMENT_PART.equals(target) || ("/" + DOCUMENT_PART).equals(target))) {
                            return false;
                        }
                        documents++;
                    }
                }
            }
        } finally {
            x.close();
        }
        return documents == 1;
    }

    private static boolean wellFormed(byte[] xml) {
        try {
            XMLStreamReader x = parser(xml);
            try {
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.DTD) {
                        return false;
                    }
                }
            } finally {
                x.close();
            }
            return true;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    // ---- document.xml: w:document > w:body > (w:p | w:tbl | w:sectPr | bookmarks)

    private static void document(XMLStreamReader x, StringBuilder out) throws XMLStreamException, Decline {
        expectRoot(x, "document");
        boolean body = false;
        while (true) {
            int ev = nextChild(x);
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            String name = wName(x);
            if (name.equals("body") && !body) {
                body = true;
                body(x, out);
            } else if (name.equals("background")) {
                skip(x);
            } else {
                throw DECLINE;
            }
        }
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.DTD) {
                throw DECLINE;
            }
        }
    }

    private static void body(XMLStreamReader x, StringBuilder out) throws XMLStreamException, Decline {
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            switch (wName(x)) {
                case "p" -> DocxTextRenderer.line(paragraph(x), out);
                case "tbl" -> table(x, out);
                case "sectPr" -> skip(x);
                case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd" -> empty(x);
                default -> throw DECLINE;
            }
        }
    }

    /** The text of XWPFParagraph.getText() for a paragraph of plain runs. */
    private static String paragraph(XMLStreamReader x) throws XMLStreamException, Decline {
        StringBuilder p = new StringBuilder(64);
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            switch (wName(x)) {
                case "pPr" -> skip(x);
                case "r" -> run(x, p);
                case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd" -> empty(x);
                default -> throw DECLINE;
            }
        }
        return p.toString();
    }

    /** The text of XWPFRun.text() for a run of w:t, w:tab, w:br and w:cr. */
    private static void run(XMLStreamReader x, StringBuilder p) throws XMLStreamException, Decline {
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            switch (wName(x)) {
                case "rPr" -> runProperties(x);
                case "t" -> text(x, p);
                case "tab" -> {
                    empty(x);
                    p.append('\t');
                }
                case "br", "cr" -> {
                    empty(x);
                    p.append('\n');
                }
                case "lastRenderedPageBreak" -> empty(x);
                default -> throw DECLINE;
            }
        }
    }

    /** Run properties change no text, except capitals (POI upper-cases the text of such runs). */
    private static void runProperties(XMLStreamReader x) throws XMLStreamException, Decline {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String local = x.getLocalName();
                if (local.equals("caps") || local.equals("smallCaps") || local.equals("rPrChange")) {
                    throw DECLINE;
                }
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void text(XMLStreamReader x, StringBuilder p) throws XMLStreamException, Decline {
        while (true) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        p.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                default -> throw DECLINE;
            }
        }
    }

    private static void table(XMLStreamReader x, StringBuilder out) throws XMLStreamException, Decline {
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            switch (wName(x)) {
                case "tblPr", "tblGrid" -> skip(x);
                case "tr" -> row(x, out);
                case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd" -> empty(x);
                default -> throw DECLINE;
            }
        }
    }

    private static void row(XMLStreamReader x, StringBuilder out) throws XMLStreamException, Decline {
        StringBuilder line = new StringBuilder();
        int cells = 0;
        boolean any = false;
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            switch (wName(x)) {
                case "trPr", "tblPrEx" -> skip(x);
                case "tc" -> {
                    String t = cell(x);
                    any |= !t.isEmpty();
                    if (cells++ > 0) {
                        line.append(HtmlTextRenderer.CELL_SEPARATOR);
                    }
                    line.append(t);
                }
                case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd" -> empty(x);
                default -> throw DECLINE;
            }
        }
        if (any) {
            out.append(line).append('\n');
        }
    }

    /** As DocxTextRenderer.cellText: paragraphs and nested tables, stripped, one space between them. */
    private static String cell(XMLStreamReader x) throws XMLStreamException, Decline {
        StringBuilder b = new StringBuilder();
        while (nextChild(x) == XMLStreamConstants.START_ELEMENT) {
            String t;
            switch (wName(x)) {
                case "tcPr" -> {
                    skip(x);
                    continue;
                }
                case "p" -> t = paragraph(x);
                case "tbl" -> {
                    StringBuilder n = new StringBuilder();
                    table(x, n);
                    t = n.toString();
                }
                case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd" -> {
                    empty(x);
                    continue;
                }
                default -> throw DECLINE;
            }
            DocxTextRenderer.appendCellPart(t, b);
        }
        return b.toString();
    }

    // ---- parser helpers

    private static void expectRoot(XMLStreamReader x, String local) throws XMLStreamException, Decline {
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (!wName(x).equals(local)) {
                    throw DECLINE;
                }
                return;
            }
            if (ev == XMLStreamConstants.DTD) {
                throw DECLINE;
            }
        }
        throw DECLINE;
    }

    /**
     * Moves to the next child element (START_ELEMENT) or to the end of the current element (END_ELEMENT).
     * White space between elements, comments and processing instructions are passed over; other text
     * declines (POI would not render it, but a document with stray text is not a plain one).
     */
    private static int nextChild(XMLStreamReader x) throws XMLStreamException, Decline {
        while (true) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return ev;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!x.isWhiteSpace()) {
                        throw DECLINE;
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                default -> throw DECLINE;
            }
        }
    }

    /** The local name of a WordprocessingML element; any other namespace declines. */
    private static String wName(XMLStreamReader x) throws Decline {
        if (!W.equals(x.getNamespaceURI())) {
            throw DECLINE;
        }
        return x.getLocalName();
    }

    /** An element that must be empty (a tab, a break, a bookmark). */
    private static void empty(XMLStreamReader x) throws XMLStreamException, Decline {
        if (nextChild(x) != XMLStreamConstants.END_ELEMENT) {
            throw DECLINE;
        }
    }

    /** Passes over a properties element and everything in it. */
    private static void skip(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
