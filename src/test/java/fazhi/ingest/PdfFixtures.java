package fazhi.ingest;

import fazhi.generate.SyntheticPdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * PDFs made inside the tests, with no system font: Chinese text is drawn with the built-in Helvetica, each
 * character given a one-byte code, and a ToUnicode CMap maps the codes back to the Chinese characters. The
 * page looks like Latin gibberish, but its text layer is the Chinese text, which is what a reader extracts.
 */
public final class PdfFixtures {

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private PdfFixtures() {
    }

    public static void writeTextPdf(Path out, List<String> lines) throws IOException {
        write(out, lines, false, 1);
    }

    static void writeEncryptedPdf(Path out, List<String> lines) throws IOException {
        write(out, lines, true, 1);
    }

    /** The text drawn twice, the second time a third of a point to the right: bold as office software fakes it. */
    static void writeFakeBoldPdf(Path out, List<String> lines) throws IOException {
        write(out, lines, false, 2);
    }

    /** A one-byte code for every character of the texts but the space, in order of first use (0x21-0xFF, no DEL, no soft hyphen). */
    private static Map<Integer, Integer> singleByteCodes(List<String> texts) {
        Map<Integer, Integer> codes = new LinkedHashMap<>();
        int next = 0x21;
        for (String text : texts) {
            for (int cp : text.codePoints().toArray()) {
                if (cp != ' ' && !codes.containsKey(cp)) {
                    if (next == 0x7F) {
                        next = 0xA1;
                    }
                    if (next == 0xAD) {
                        next++;
                    }
                    if (next > 0xFF) {
                        throw new IllegalArgumentException("more than 188 distinct characters in a PDF fixture");
                    }
                    codes.put(cp, next++);
                }
            }
        }
        return codes;
    }

    private static void write(Path out, List<String> lines, boolean encrypt, int copies) throws IOException {
        Map<Integer, Integer> codes = singleByteCodes(lines);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            font.getCOSObject().setItem(COSName.TO_UNICODE, SyntheticPdf.toUnicode(doc, codes));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int copy = 0; copy < copies; copy++) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(40 + copy / 3f, 800);
                    for (String line : lines) {
                        StringBuilder shown = new StringBuilder();
                        for (int cp : line.codePoints().toArray()) {
                            shown.append(cp == ' ' ? " " : new String(new byte[] {(byte) (int) codes.get(cp)}, WIN_ANSI));
                        }
                        cs.showText(shown.toString());
                        cs.newLineAtOffset(0, -18);
                    }
                    cs.endText();
                }
            }
            if (encrypt) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out.toFile());
        }
    }

    /**
     * Text drawn by hand: on each page, each piece in one of three built-in fonts (0 Helvetica, 1 Times-Bold,
     * 2 Courier) at a size, where its text matrix puts it (rotated, scaled or skewed as given). As above, every
     * character but the space gets a one-byte code that a ToUnicode CMap (the same for the three fonts) maps back.
     */
    record Shown(int font, float size, Matrix matrix, String text) {
    }

    /** @param rotations each page's /Rotate */
    static void writeShownPdf(Path out, List<List<Shown>> pages, List<Integer> rotations) throws IOException {
        Map<Integer, Integer> codes = singleByteCodes(pages.stream().flatMap(List::stream).map(Shown::text).toList());
        try (PDDocument doc = new PDDocument()) {
            PDStream toUnicode = SyntheticPdf.toUnicode(doc, codes);
            List<PDType1Font> fonts = new ArrayList<>();
            for (Standard14Fonts.FontName name : List.of(Standard14Fonts.FontName.HELVETICA,
                    Standard14Fonts.FontName.TIMES_BOLD, Standard14Fonts.FontName.COURIER)) {
                PDType1Font font = new PDType1Font(name);
                font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode);
                fonts.add(font);
            }
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setRotation(rotations.get(i));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (Shown shown : pages.get(i)) {
                        StringBuilder text = new StringBuilder();
                        for (int cp : shown.text().codePoints().toArray()) {
                            text.append(cp == ' ' ? " " : new String(new byte[] {(byte) (int) codes.get(cp)}, WIN_ANSI));
                        }
                        cs.beginText();
                        cs.setFont(fonts.get(shown.font()), shown.size());
                        cs.setTextMatrix(shown.matrix());
                        cs.showText(text.toString());
                        cs.endText();
                    }
                }
            }
            doc.save(out.toFile());
        }
    }

    /** A one-page PDF holding only a picture, like a scan. */
    static void writeScannedPdf(Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) {
                for (int y = 0; y < 100; y++) {
                    img.setRGB(x, y, (x * 7 + y * 13) % 2 == 0 ? 0xFFFFFF : 0x000000);
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 500, 400, 200);
            }
            doc.save(out.toFile());
        }
    }
}
