package fazhi.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes PDFs whose text layer is Chinese without needing a CJK font on the machine: every character is
 * drawn with a one-byte code of the built-in Courier font, and a ToUnicode CMap per font maps the codes back
 * (188 characters per font copy; a report uses several). The page shows Latin glyphs, the text layer is the
 * Chinese text, which is all a text extractor reads. Courier is monospaced, so every character is
 * {@link #advance(float)} wide, like CJK text set on a grid.
 *
 * <p>Coordinates: x from the left edge, y from the top of the page (to the baseline), in points.
 * Deterministic: no dates, no random ids.
 */
public final class SyntheticPdf implements AutoCloseable {
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    /** Courier's advance is 600/1000 em; stretched so a character is one em wide, as CJK glyphs are. */
    private static final float SCALING = 100f / 0.6f;

    public static final float A4_WIDTH = PDRectangle.A4.getWidth();
    public static final float A4_HEIGHT = PDRectangle.A4.getHeight();

    private final PDDocument doc = new PDDocument();
    private final List<Font> fonts = new ArrayList<>();
    private final Map<Integer, int[]> codeOf = new HashMap<>();
    private PDPageContentStream page;
    /** digest of everything drawn: the file identifier, so the same report gives the same bytes */
    private final MessageDigest drawn = sha256();

    private static final class Font {
        final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
        final Map<Integer, Integer> codes = new HashMap<>();
        int next = 0x21;
    }

    /** How far one character advances at this size. */
    public static float advance(float size) {
        return size;
    }

    public void newPage() {
        closePage();
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try {
            page = new PDPageContentStream(doc, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of text starting at (x, y); one text object, switching font copies as needed. */
    public void text(float x, float y, float size, String s) {
        if (page == null) {
            newPage();
        }
        drawn.update((x + "," + y + "," + size + "," + s + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            page.beginText();
            page.newLineAtOffset(x, A4_HEIGHT - y);
            int current = -1;
            StringBuilder shown = new StringBuilder();
            for (int cp : s.codePoints().toArray()) {
                int[] code = cp == ' ' ? new int[] {Math.max(current, 0), ' '} : code(cp);
                if (code[0] != current) {
                    if (shown.length() > 0) {
                        page.showText(shown.toString());
                        shown.setLength(0);
                    }
                    page.setFont(fonts.isEmpty() ? spaceFont() : fonts.get(code[0]).font, size);
                    if (current < 0) {
                        page.setHorizontalScaling(SCALING);
                    }
                    current = code[0];
                }
                shown.append(new String(new byte[] {(byte) code[1]}, WIN_ANSI));
            }
            if (shown.length() > 0) {
                page.showText(shown.toString());
            }
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of spaces only, before any character was assigned: the first font copy draws them. */
    private PDType1Font spaceFont() {
        fonts.add(new Font());
        return fonts.get(0).font;
    }

    /** {font index, one-byte code} of a character, assigned on first use. */
    private int[] code(int cp) {
        return codeOf.computeIfAbsent(cp, c -> {
            if (fonts.isEmpty() || fonts.get(fonts.size() - 1).next > 0xFF) {
                fonts.add(new Font());
            }
            Font f = fonts.get(fonts.size() - 1);
            int code = f.next;
            f.codes.put(c, code);
            f.next++;
            // skip the codes windows-1252 leaves undefined or invisible (0x7F-0xA0, soft hyphen)
            if (f.next == 0x7F) {
                f.next = 0xA1;
            }
            if (f.next == 0xAD) {
                f.next++;
            }
            return new int[] {fonts.size() - 1, code};
        });
    }

    public byte[] bytes() {
        closePage();
        try {
            for (Font f : fonts) {
                f.font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode(doc, f.codes));
            }
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.setTimeInMillis(0);
            doc.getDocumentInformation().setCreationDate(fixed);
            doc.getDocumentInformation().setProducer("fazhi generate (synthetic data)");
            byte[] id = java.util.Arrays.copyOf(drawn.digest(), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().setDocumentID(ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void closePage() {
        if (page != null) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = null;
        }
    }

    /**
     * A ToUnicode map for a simple font whose one-byte codes stand for the given code points: a PDF reader
     * turns the glyphs back into Chinese text without any CJK font on the machine. Test fixtures use it too.
     */
    public static PDStream toUnicode(PDDocument doc, Map<Integer, Integer> codes) throws IOException {
        StringBuilder cmap = new StringBuilder();
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Fazhi-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(codes.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        for (int i = 0; i < entries.size(); i += 100) {
            List<Map.Entry<Integer, Integer>> block = entries.subList(i, Math.min(entries.size(), i + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : block) {
                StringBuilder utf16 = new StringBuilder();
                for (char c : Character.toChars(e.getKey())) {
                    utf16.append(String.format("%04X", (int) c));
                }
                cmap.append(String.format("<%02X> <%s>%n", e.getValue(), utf16));
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return new PDStream(doc, new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
