package fazhi.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The tokens of a page's content stream (operands as PDFBox's COS objects, then their {@link Operator}), read
 * from the decoded bytes at once instead of byte by byte through PDFBox's {@code PDFStreamParser} (a fifth of the
 * PDF stage). Only a plain grammar is read here, the one office software and the generator write, where PDFBox's
 * parser gives exactly these tokens: numbers without sign tricks or exponents, names without {@code #} escapes,
 * literal strings without nesting or line continuations, hex strings of whole bytes, arrays of numbers and
 * strings, dictionaries of names to numbers, names and strings (marked content), operators. Anything else (a
 * comment, a nested dictionary, an inline image, a number
 * like {@code --5} or {@code 1.2.3}, a stream that cannot be decoded) gives null, and the page is parsed by
 * PDFBox as before: its repairs of broken streams are not repeated here.
 */
final class PdfContentTokens {

    /** The operator PDFBox's parser reads from the stand-in stream, on which the tokens read here are run. */
    static final String HAND_OVER_NAME = "ZfazhiTokens";
    static final byte[] HAND_OVER = (HAND_OVER_NAME + "\n").getBytes(StandardCharsets.US_ASCII);

    /**
     * A page whose decoded content is larger than this is left to PDFBox's parser, which runs each operator as it
     * reads it: the tokens of a whole page are held here at once, and a small file can decode to a huge stream.
     */
    static final int MAX_DECODED_BYTES = 4 << 20;

    private final byte[] b;
    private final int end;
    private int pos;

    private PdfContentTokens(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    /** The tokens of the page's content streams, or null when they are not all in the plain grammar. */
    static List<Object> read(PDPage page) {
        byte[] bytes;
        int length;
        try (RandomAccessRead in = page.getContentsForStreamParsing()) {
            bytes = new byte[8192];
            length = 0;
            int n;
            while ((n = in.read(bytes, length, bytes.length - length)) > 0) {
                length += n;
                if (length > MAX_DECODED_BYTES) {
                    return null;
                }
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // PDFBox's parser meets the same problem and handles it its way
        }
        return read(bytes, length);
    }

    static List<Object> read(byte[] bytes, int length) {
        try {
            return new PdfContentTokens(bytes, length).all();
        } catch (IOException | RuntimeException e) {
            return null; // a number COSNumber refuses, a hex string COSString refuses: PDFBox's parser decides
        }
    }

    private List<Object> all() throws IOException {
        List<Object> tokens = new ArrayList<>(Math.max(16, end / 6));
        while (true) {
            skipSpaces();
            if (pos >= end) {
                return tokens;
            }
            int c = b[pos] & 0xFF;
            Object token;
            if (c == '[') {
                token = array();
            } else if (c == ']') {
                return null; // PDFBox reads a stray ']' as null
            } else {
                token = operandOrOperator(c);
            }
            if (token == null) {
                return null;
            }
            tokens.add(token);
        }
    }

    private Object operandOrOperator(int c) throws IOException {
        if (c == '(') {
            return literalString();
        }
        if (c == '<') {
            return pos + 1 < end && b[pos + 1] == '<' ? dictionary() : hexString();
        }
        if (c == '/') {
            return name();
        }
        if (c >= '0' && c <= '9' || c == '-' || c == '.') {
            return number();
        }
        if (c >= 'A' && c <= 'Z' && c != 'I' || c >= 'a' && c <= 'z' || c == '\'' || c == '"') {
            return operator();
        }
        return null;
    }

    /** An array of numbers and strings (what TJ takes); anything else in it: not read here. */
    private COSArray array() throws IOException {
        pos++; // [
        COSArray array = new COSArray();
        while (true) {
            skipSpaces();
            if (pos >= end) {
                return null;
            }
            int c = b[pos] & 0xFF;
            if (c == ']') {
                pos++;
                return array;
            }
            COSBase element;
            if (c == '(') {
                element = literalString();
            } else if (c == '<') {
                element = pos + 1 < end && b[pos + 1] == '<' ? null : hexString();
            } else if (c >= '0' && c <= '9' || c == '-' || c == '.') {
                element = number();
            } else {
                return null;
            }
            if (element == null) {
                return null;
            }
            array.add(element);
        }
    }

    /**
     * A dictionary of names to numbers, names and strings (a marked-content sequence's properties, such as
     * {@code <</MCID 0>>}), as PDFBox's {@code parseCOSDictionary} reads it. Not read here: a nested dictionary or
     * array, a number followed by a digit (PDFBox reads it as the start of an object reference), anything else.
     */
    private COSDictionary dictionary() throws IOException {
        pos += 2; // <<
        COSDictionary dictionary = new COSDictionary();
        while (true) {
            skipSpaces();
            if (pos + 1 < end && b[pos] == '>' && b[pos + 1] == '>') {
                pos += 2;
                return dictionary;
            }
            if (pos >= end || b[pos] != '/') {
                return null;
            }
            COSName key = name();
            if (key == null) {
                return null;
            }
            skipSpaces();
            if (pos >= end) {
                return null;
            }
            int c = b[pos] & 0xFF;
            COSBase value;
            if (c == '/') {
                value = name();
            } else if (c == '(') {
                value = literalString();
            } else if (c == '<' && !(pos + 1 < end && b[pos + 1] == '<')) {
                value = hexString();
            } else if (c >= '0' && c <= '9' || c == '-' || c == '.') {
                value = number();
                skipSpaces();
                if (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                    return null;
                }
            } else {
                return null;
            }
            if (value == null) {
                return null;
            }
            dictionary.setItem(key, value);
        }
    }

    /**
     * An optional minus, digits and at most one dot, at least one digit, ending where a token can start: the
     * same text PDFBox's parser (and its array parser) hands to {@link COSNumber#get}.
     */
    private COSNumber number() throws IOException {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        boolean dot = false;
        boolean digit = false;
        while (pos < end) {
            int c = b[pos];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            pos++;
        }
        if (!digit || !endsToken()) {
            return null;
        }
        int slot = slot(start);
        if (slot >= 0) {
            return (COSNumber) seenTokens[slot];
        }
        COSNumber number = COSNumber.get(new String(b, start, pos - start, StandardCharsets.US_ASCII));
        remember(~slot, start, number);
        return number;
    }

    /** A name of printable ASCII without {@code #} escapes, ending where PDFBox's name ends. */
    private COSName name() {
        int start = ++pos;
        while (pos < end) {
            int c = b[pos] & 0xFF;
            if (c <= ' ' || c >= 0x7F || c == '#' || c == '{' || c == '}') {
                break;
            }
            if (c == '%' || c == '(' || c == ')' || c == '/' || c == '<' || c == '>' || c == '[' || c == ']') {
                break;
            }
            pos++;
        }
        if (pos < end && !isWhitespace(b[pos] & 0xFF) && "([/<]>".indexOf(b[pos]) < 0) {
            return null;
        }
        int slot = slot(start - 1); // with the slash: not taken for an operator of the same letters
        if (slot >= 0) {
            return (COSName) seenTokens[slot];
        }
        COSName name = COSName.getPDFName(new String(b, start, pos - start, StandardCharsets.US_ASCII));
        remember(~slot, start - 1, name);
        return name;
    }

    /**
     * Letters, {@code *}, {@code '} and {@code "}, then white space, the end, or the start of a string, name, hex
     * string or array (where both of PDFBox's operator readers stop).
     */
    private Object operator() {
        int start = pos;
        while (pos < end) {
            int c = b[pos];
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '*' || c == '\'' || c == '"') {
                pos++;
            } else {
                break;
            }
        }
        if (pos < end && !isWhitespace(b[pos] & 0xFF) && "(/<[".indexOf(b[pos]) < 0) {
            return null;
        }
        int slot = slot(start);
        if (slot >= 0) {
            return seenTokens[slot];
        }
        Object token = operator(new String(b, start, pos - start, StandardCharsets.US_ASCII));
        if (token != null) {
            remember(~slot, start, token);
        }
        return token;
    }

    private static Object operator(String name) {
        switch (name) {
            case "null":
                return COSNull.NULL;
            case "true":
                return COSBoolean.TRUE;
            case "false":
                return COSBoolean.FALSE;
            case "BI":
            case "ID":
                return null; // inline images: PDFBox's parser reads their data its own way
            default:
                return Operator.getOperator(name);
        }
    }

    /**
     * A literal string as PDFBox's {@code parseCOSString} reads it: bytes as they are (line ends too), the escapes
     * {@code \n \r \t \b \f \( \) \\} and octal ones of 1-3 digits (the low byte of their value). Not read here: an
     * unescaped {@code (} (nesting, where PDFBox guesses the end by what follows), a backslash before a line end
     * or another character, and {@code \)} where PDFBox's look-ahead would take it as the end of the string.
     */
    private COSString literalString() {
        pos++; // (
        byte[] out = new byte[32];
        int n = 0;
        while (true) {
            if (pos >= end) {
                return null;
            }
            int c = b[pos++] & 0xFF;
            if (c == ')') {
                return new COSString(Arrays.copyOf(out, n));
            }
            if (c == '(') {
                return null;
            }
            if (c == '\\') {
                if (pos >= end) {
                    return null;
                }
                int e = b[pos++] & 0xFF;
                switch (e) {
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case '(', '\\' -> c = e;
                    case ')' -> {
                        if (looksLikeEndOfString()) {
                            return null;
                        }
                        c = e;
                    }
                    default -> {
                        if (e < '0' || e > '7') {
                            return null;
                        }
                        int value = e - '0';
                        for (int digits = 1; digits < 3 && pos < end && b[pos] >= '0' && b[pos] <= '7'; digits++) {
                            value = value * 8 + (b[pos++] - '0');
                        }
                        c = value & 0xFF;
                    }
                }
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = (byte) c;
        }
    }

    /** PDFBox's test after {@code \)} (checkForEndOfString): a line end followed by {@code /} or {@code >}. */
    private boolean looksLikeEndOfString() {
        if (end - pos < 3) {
            return false;
        }
        int b0 = b[pos];
        int b1 = b[pos + 1];
        int b2 = b[pos + 2];
        return (b0 == '\r' || b0 == '\n') && (b1 == '/' || b1 == '>')
                || b0 == '\r' && b1 == '\n' && (b2 == '/' || b2 == '>');
    }

    /**
     * Hex digits and the white space PDFBox skips in them, an even number of digits: the bytes PDFBox's
     * {@code COSString.parseHex} makes of them.
     */
    private COSString hexString() {
        pos++; // <
        byte[] out = new byte[16];
        int n = 0;
        int high = -1;
        while (true) {
            if (pos >= end) {
                return null;
            }
            int c = b[pos++] & 0xFF;
            if (c == '>') {
                break;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit >= 0) {
                if (high < 0) {
                    high = digit;
                } else {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = (byte) (high * 16 + digit);
                    high = -1;
                }
            } else if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f')) {
                return null;
            }
        }
        if (high >= 0) {
            return null; // an odd digit: PDFBox's parser drops it
        }
        return new COSString(Arrays.copyOf(out, n));
    }

    /*
     * The numbers, names and operators met so far, by their bytes: a stream repeats few of them (its fonts, sizes,
     * scaling, operators), and PDFBox's objects for them are immutable (COSFloat, COSInteger, COSName and Operator
     * keep their value in final fields; PDFBox itself shares COSName, Operator and small COSInteger instances).
     * An open-addressing table; when full, tokens are no longer remembered.
     */
    private static final int SLOTS = 1024;
    private final int[] seenStart = new int[SLOTS];
    private final int[] seenLength = new int[SLOTS];
    private final Object[] seenTokens = new Object[SLOTS];
    private int seen;

    /** The slot of the token b[start, pos) if met before, else ~(the free slot for it), or ~SLOTS if full. */
    private int slot(int start) {
        int length = pos - start;
        int h = length;
        for (int i = start; i < pos; i++) {
            h = 31 * h + b[i];
        }
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        while (seenTokens[i] != null) {
            if (seenLength[i] == length && Arrays.equals(b, seenStart[i], seenStart[i] + length, b, start, pos)) {
                return i;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return seen >= SLOTS / 2 ? ~SLOTS : ~i;
    }

    private void remember(int slot, int start, Object token) {
        if (slot < SLOTS) {
            seenStart[slot] = start;
            seenLength[slot] = pos - start;
            seenTokens[slot] = token;
            seen++;
        }
    }

    /** White space, the end, or a character that starts a string, name or array or ends an array or dictionary. */
    private boolean endsToken() {
        return pos >= end || isWhitespace(b[pos] & 0xFF) || "(<[]/>".indexOf(b[pos]) >= 0;
    }

    private void skipSpaces() {
        while (pos < end && isWhitespace(b[pos] & 0xFF)) {
            pos++;
        }
    }

    /** PDFBox's white space: NUL, tab, line feed, form feed, carriage return, space. */
    private static boolean isWhitespace(int c) {
        return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
    }
}
