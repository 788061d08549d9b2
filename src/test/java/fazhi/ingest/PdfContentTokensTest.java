package fazhi.ingest;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content-stream tokens read by {@link PdfContentTokens} are PDFBox's own ({@code PDFStreamParser}), or it
 * reads none and leaves the page to PDFBox: on hand-written streams with every escape and edge it claims to read,
 * on streams it must refuse, and on random streams made of content-stream pieces.
 */
class PdfContentTokensTest {

    @Test
    void readsPlainStreamsAsPdfBoxDoes() throws Exception {
        for (String stream : List.of(
                "BT\n197.88782 789.88977 Td\n/F1 10.5 Tf\n166.66666 Tz\n(!\"#$%&'\\(\\)*+,-./0123) Tj\nET\n",
                "q 1 0 0 1 72 720 cm BT /F2 12 Tf 0 -14.4 TD [(Wor) -32 (d) 120.5(s)<20>] TJ T* (x) ' 1 2 (y) \" ET Q",
                "BT /TT0 1 Tf 12 0 0 12 90 700 Tm <0041 00420043> Tj <a1B2> Tj (a\\nb\\rc\\td\\be\\ff\\\\g) Tj ET",
                "BT (\\101\\1012\\7\\777\\0) Tj (line\nbreak\r\nkept) Tj (\\)\n/) Tj ET",
                "0.5 g .5 G -.25 0 m 5. 6 l S 1 0 0 RG 0 0 10 10 re f* W n",
                "/P <</MCID 0>> BDC EMC /NonStruct <</MCID 1 >>BDC EMC /Span <</ActualText (x) /Lang/en>>BDC",
                "/Span <</ActualText <FEFF0041> /E (\\101)>> BDC T*[(T)-0.700248(h)]TJ 1 0 0 1 5 5 Td[(a)]TJ",
                "/P <</MCID 0 0 R>> BDC", "/P <</A <</B 1>> >> BDC", "/P <</A [1]>> BDC", "/P <<>> BDC",
                "/P <</A true>> BDC", "/P <</A 1>>> BDC", "/P <<A 1>> BDC", "/P <</A>> BDC",
                "BT (a(b)c) Tj ET", // nesting: refused
                "BT (a\\)\n/F1 1 Tf) Tj ET", // PDFBox ends the string at \) here: refused
                "BT (a\\\nb) Tj ET", // line continuation: refused
                "BT (a\\qb) Tj ET", // unknown escape: refused
                "% comment\nBT ET", // comment: refused
                "BT --5 0 Td ET", "BT 5-3 0 Td ET", "BT 1.2.3 0 Td ET", "BT +5 0 Td ET", "BT 1e3 0 Td ET",
                "BT /F#31 12 Tf ET", "BT <414> Tj ET", "BT <41 4x> Tj ET", "BT (open Tj ET", "BT [(a) 1 0 R] TJ ET",
                "BI /W 1 /H 1 ID x EI", "12Tf", "0 0 m 1 1 l S]", "/F1 true false null d0 d1",
                "", "   \n\t\f\r\u0000 ")) {
            assertSameAsPdfBox(stream.getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] plain = bytes("/P <</MCID 0>>BDC BT /F1 10.5 Tf (ab\\(c) Tj T*[(a) -3 <4142>] TJ ET EMC");
        assertThat(PdfContentTokens.read(plain, plain.length))
                .as("the generator's and office software's streams are read here").isNotNull();
    }

    @Test
    void aPageThatDecodesToAHugeStreamIsLeftToPdfBoxsParser() throws Exception {
        byte[] line = bytes("0 0 m 1 1 l S\n");
        try (PDDocument doc = new PDDocument()) {
            PDPage small = new PDPage();
            small.setContents(new PDStream(doc, new ByteArrayInputStream(line)));
            byte[] huge = new byte[PdfContentTokens.MAX_DECODED_BYTES + line.length];
            for (int i = 0; i + line.length <= huge.length; i += line.length) {
                System.arraycopy(line, 0, huge, i, line.length);
            }
            PDPage large = new PDPage();
            large.setContents(new PDStream(doc, new ByteArrayInputStream(huge)));
            assertThat(PdfContentTokens.read(small)).as("a page of the usual size").isNotNull();
            assertThat(PdfContentTokens.read(large)).as("its tokens are not all held at once").isNull();
        }
    }

    @Test
    void randomStreamsOfContentPiecesAreReadAsPdfBoxDoes() throws Exception {
        String[] pieces = {"BT", "ET", "Tj", "TJ", "Td", "Tf", "'", "\"", "q", "Q", "cm", "re", "f*", "T*",
                "/F1", "/F#32", "/a.b", "12", "-3", "0.5", "-.25", "5.", "--2", "1.2.3", "+4", "7-1", ".", "-",
                "(abc)", "(a\\)b)", "(\\101\\12x)", "(x\\\ny)", "(a(b)c)", "(\\)\n/)", "<4142>", "<41 42>", "<414>",
                "<4g>", "[", "]", "[(a) -5 (b)]", "<<", ">>", "%c\n", "<</MCID 0>>", "<</A /b>>", "<</A 1 0 R>>",
                "<</A(x)/B<41>>>", "<</A 1>>BDC", "T*[(a)]TJ", "Td[", "Tj(", "BDC", "EMC", "true", "null", "d1", "BI", "ID", "\n", " ",
                "\r\n", "\t", "\u0000", "(", ")", "<", ">", "{", "}", "\u00ff", "#"};
        Random random = new Random(15);
        int readHere = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder stream = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                stream.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(4) > 0) {
                    stream.append(' ');
                }
            }
            if (assertSameAsPdfBox(stream.toString().getBytes(StandardCharsets.ISO_8859_1))) {
                readHere++;
            }
        }
        assertThat(readHere).as("some random streams are in the plain grammar").isGreaterThan(1000);
    }

    /** Whether the stream was read here (else refused); either way, no token differs from PDFBox's. */
    private static boolean assertSameAsPdfBox(byte[] stream) throws Exception {
        List<Object> ours = PdfContentTokens.read(stream, stream.length);
        if (ours == null) {
            return false;
        }
        List<Object> pdfBox = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(stream);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            pdfBox.add(token);
        }
        String as = new String(stream, StandardCharsets.ISO_8859_1);
        assertThat(describe(ours)).as(as).isEqualTo(describe(pdfBox));
        return true;
    }

    private static List<String> describe(List<?> tokens) {
        List<String> out = new ArrayList<>();
        for (Object token : tokens) {
            out.add(describe(token));
        }
        return out;
    }

    private static String describe(Object token) {
        if (token instanceof Operator op) {
            return "op " + op.getName();
        }
        if (token instanceof COSString s) {
            return "string " + java.util.HexFormat.of().formatHex(s.getBytes());
        }
        if (token instanceof COSFloat f) {
            return "float " + Float.floatToRawIntBits(f.floatValue());
        }
        if (token instanceof COSInteger i) {
            return "integer " + i.longValue();
        }
        if (token instanceof COSArray a) {
            List<String> elements = new ArrayList<>();
            for (COSBase e : a) {
                elements.add(describe(e));
            }
            return "array " + elements;
        }
        if (token instanceof COSDictionary d) {
            List<String> entries = new ArrayList<>();
            for (var e : d.entrySet()) {
                entries.add(e.getKey().getName() + "=" + describe(e.getValue()));
            }
            return "dictionary " + entries;
        }
        return token.getClass().getSimpleName() + " " + token;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
