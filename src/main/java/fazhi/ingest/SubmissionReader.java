package fazhi.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * Reads one submission file and decodes it to plain text: .txt, .htm/.html, .docx, .doc (Word 97-2003),
 * .wps (when it is a Word binary or a .docx package), .pdf (and .csv/.json, decoded as text for the
 * structured-table readers).
 *
 * <p>Every failure is an {@link UnreadableSubmissionException} whose message is a reason an operator reads
 * (never a stack trace). The file is read whole once; decoding produces the text once, so memory is about
 * the file's bytes plus its text.
 */
public final class SubmissionReader {

    /** Files larger than this are refused rather than read into memory. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /** Where the bytes come from; a seam for tests that need an I/O failure root cannot cause. */
    @FunctionalInterface
    interface ByteSource {
        byte[] read(Path file) throws IOException;
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

    private final ByteSource source;
    private final long maxBytes;

    public SubmissionReader() {
        this(Files::readAllBytes, DEFAULT_MAX_BYTES);
    }

    public SubmissionReader(long maxBytes) {
        this(Files::readAllBytes, maxBytes);
    }

    SubmissionReader(ByteSource source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /** The format name for a file name, from its extension (txt, html, docx, doc, wps, pdf, csv, json), or null. */
    public static String formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "txt", "text" -> "txt";
            case "htm", "html", "xhtml", "shtml" -> "html";
            case "docx" -> "docx";
            case "doc" -> "doc";
            case "wps" -> "wps";
            case "pdf" -> "pdf";
            case "csv" -> "csv";
            case "json" -> "json";
            default -> null;
        };
    }

    public DecodedDocument read(Path file) throws UnreadableSubmissionException {
        String format = formatOf(file);
        if (format == null) {
            String name = String.valueOf(file.getFileName());
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "(no extension)" : "'" + name.substring(dot) + "'";
            throw new UnreadableSubmissionException("unsupported file type " + ext
                    + ": fazhi reads .txt, .htm/.html, .docx, .doc, .wps, .pdf, .csv and .json; to resolve, save it as"
                    + " .docx or .pdf",
                    null, UnreadableSubmissionException.UNSUPPORTED_FORMAT);
        }
        byte[] bytes = readBytes(file);
        if (bytes.length == 0) {
            throw new UnreadableSubmissionException("empty file (0 bytes); to resolve, send the file again");
        }
        DecodedDocument doc = switch (format) {
            case "html" -> html(bytes);
            // a Word 97-2003 file renamed .docx is still read, as what it is
            case "docx" -> new DecodedDocument(format, "binary", WordBinaryReader.isOle2(bytes)
                    ? WordBinaryReader.read(bytes, "Word 97-2003 .doc file named .docx") : DocxTextRenderer.render(bytes));
            case "doc" -> new DecodedDocument(format, "binary", WordBinaryReader.read(bytes, ".doc file"));
            case "wps" -> new DecodedDocument(format, "binary", wps(bytes));
            case "pdf" -> new DecodedDocument(format, "binary", PdfTextExtractor.extract(bytes));
            default -> text(format, bytes);
        };
        return checked(doc);
    }

    /**
     * WPS Office writes .wps as a Word 97-2003 binary (or, when asked, as a .docx package); anything else
     * named .wps (Microsoft Works, Kingsoft's own old format) is not Word-compatible.
     */
    private static String wps(byte[] bytes) throws UnreadableSubmissionException {
        if (WordBinaryReader.isOle2(bytes)) {
            return WordBinaryReader.read(bytes, ".wps file");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            return DocxTextRenderer.render(bytes);
        }
        throw new UnreadableSubmissionException(".wps file is not Word-compatible (neither a Word 97-2003 binary"
                + " nor a .docx package); to resolve, save it as .docx or .pdf", null,
                UnreadableSubmissionException.UNSUPPORTED_FORMAT);
    }

    private byte[] readBytes(Path file) throws UnreadableSubmissionException {
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableSubmissionException("not a file: " + file.getFileName() + " is a directory");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new UnreadableSubmissionException(String.format(Locale.ROOT,
                        "file too large (%,d bytes; the limit is %,d bytes)", size, maxBytes));
            }
            return source.read(file);
        } catch (OutOfMemoryError e) {
            throw new UnreadableSubmissionException("file too large to read into memory", null);
        } catch (IOException e) {
            throw new UnreadableSubmissionException(SubmissionReasons.describe(e), e);
        }
    }

    private static DecodedDocument text(String format, byte[] bytes) throws UnreadableSubmissionException {
        TextDecoder.Decoded d = TextDecoder.decode(bytes, null, "." + format + " file");
        return new DecodedDocument(format, d.encoding(), normalizeNewlines(d.text()));
    }

    private static DecodedDocument html(byte[] bytes) throws UnreadableSubmissionException {
        TextDecoder.Decoded d = TextDecoder.decode(bytes, declaredCharset(bytes), "HTML page");
        String text = HtmlTextRenderer.render(Jsoup.parse(d.text()));
        return new DecodedDocument("html", d.encoding(), text);
    }

    /** The charset an HTML page declares in its first few kilobytes (a hint: the bytes win). */
    static String declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static DecodedDocument checked(DecodedDocument doc) throws UnreadableSubmissionException {
        String text = doc.text();
        boolean visible = false;
        for (int i = 0; i < text.length() && !visible; i++) {
            visible = !HtmlTextRenderer.isSpace(text.charAt(i));
        }
        if (!visible) {
            throw new UnreadableSubmissionException("no text: the " + doc.format()
                    + " file contains nothing but white space");
        }
        if (!doc.format().equals("txt") && !doc.format().equals("html")) {
            double bad = TextDecoder.badCharShare(text);
            if (bad > TextDecoder.MAX_BAD_CHAR_SHARE) {
                throw new UnreadableSubmissionException(String.format(Locale.ROOT,
                        "the %s's text is mostly replacement or control characters (%.0f%% of %,d): its fonts"
                                + " do not map to Unicode", doc.format(), bad * 100, text.length()));
            }
        }
        return doc;
    }

    static String normalizeNewlines(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** One line of an exception's message, for a reason; never a stack trace. */
    static String shortMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            // a bare ArrayIndexOutOfBoundsException from a parser says nothing an operator can use
            return "the parser gave no detail";
        }
        m = m.strip();
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        // libraries wrap causes as "org.apache.xmlbeans.XmlException: error: …": the operator needs the words
        m = LEADING_CLASS_NAME.matcher(m).replaceFirst("");
        if (m.isBlank()) {
            return "the parser gave no detail";
        }
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    private static final Pattern LEADING_CLASS_NAME =
            Pattern.compile("^(?:(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*:\\s*)+");
}
