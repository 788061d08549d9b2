package fazhi.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a text-like submission into a String, detecting the character set from the bytes.
 *
 * <p>Order: byte-order mark; strict UTF-8 validity; juniversalchardet; then the declared charset (an HTML
 * meta tag) as a hint only; finally GB18030. GB2312 and GBK are always decoded as GB18030, their
 * superset, so GBK-only characters such as 镕 survive a page that declares gb2312.
 *
 * <p>Memory: the bytes are decoded once into the result String; validity checks decode into a small
 * reused buffer.
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Share of replacement / control characters above which text is rejected as undecodable. */
    static final double MAX_BAD_CHAR_SHARE = 0.05;

    private static final int DETECTOR_SAMPLE = 1 << 20;
    private static final int BINARY_SAMPLE = 1 << 16;

    record Decoded(String text, String encoding) {
    }

    private TextDecoder() {
    }

    /**
     * @param bytes         the whole file
     * @param declared      a charset the file declares about itself (HTML meta), or null; a hint only
     * @param kind          what the file is called in messages (".txt file", "HTML page")
     */
    static Decoded decode(byte[] bytes, String declared, String kind) throws UnreadableSubmissionException {
        int offset = 0;
        Charset charset = null;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            offset = 4;
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            offset = 4;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(bytes, 0x84, 0x31, 0x95, 0x33)) {
            charset = GB18030;
            offset = 4;
        }

        String detectorGuess = null;
        if (charset == null) {
            if (looksBinary(bytes)) {
                throw new UnreadableSubmissionException("binary content in a " + kind
                        + " (it contains NUL bytes): this is not a text document");
            }
            if (isValid(bytes, StandardCharsets.UTF_8)) {
                charset = StandardCharsets.UTF_8;
            } else {
                detectorGuess = detect(bytes);
                charset = acceptable(detectorGuess);
                if (charset == null) {
                    charset = acceptable(declared);
                }
                if (charset == null) {
                    charset = GB18030;
                }
            }
        }

        String text = new String(bytes, offset, bytes.length - offset, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String name = displayName(charset);
        double bad = badCharShare(text);
        if (bad > MAX_BAD_CHAR_SHARE) {
            throw new UnreadableSubmissionException(String.format(Locale.ROOT,
                    "text decodes mostly to replacement or control characters (%.0f%% of %,d characters as %s%s):"
                            + " the %s is binary or in an unrecognised encoding",
                    bad * 100, text.length(), name,
                    detectorGuess == null ? "" : "; detector guessed " + detectorGuess, kind));
        }
        return new Decoded(text, name);
    }

    /** Maps a charset label to the charset used to decode it; null when not one we accept. */
    static Charset acceptable(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        switch (l) {
            case "GB2312", "GBK", "GB18030", "CP936", "X-GBK", "EUC-CN", "HZ-GB-2312", "X-EUC-CN", "MS936",
                    "WINDOWS-936", "CSGB2312", "GB-2312" -> {
                return GB18030;
            }
            case "UTF-8", "UTF8" -> {
                return StandardCharsets.UTF_8;
            }
            case "BIG5", "BIG-5", "CP950", "X-WINDOWS-950" -> {
                return Charset.forName("Big5-HKSCS");
            }
            case "BIG5-HKSCS" -> {
                return Charset.forName("Big5-HKSCS");
            }
            case "EUC-TW", "X-EUC-TW" -> {
                return charsetOrNull("x-EUC-TW");
            }
            case "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" -> {
                return charsetOrNull(l);
            }
            default -> {
                return null;
            }
        }
    }

    private static Charset charsetOrNull(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static String displayName(Charset charset) {
        return charset.name();
    }

    static String detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        int step = 64 * 1024;
        for (int i = 0; i < Math.min(bytes.length, DETECTOR_SAMPLE) && !detector.isDone(); i += step) {
            detector.handleData(bytes, i, Math.min(step, bytes.length - i));
        }
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    /** Strictly decodes into a small reused buffer; true when every byte sequence is valid. */
    static boolean isValid(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                break;
            }
        }
        while (true) {
            CoderResult r = decoder.flush(out);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                return true;
            }
        }
    }

    /** NUL bytes in a file without a UTF-16/32 byte-order mark mean it is not text. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_SAMPLE);
        int nul = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                nul++;
            }
        }
        return nul > Math.max(1, n / 1000);
    }

    /** Share of U+FFFD and control characters other than tab, line feed, form feed and carriage return. */
    static double badCharShare(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        long bad = 0;
        for (int i = 0; i < n; i++) {
            if (isBad(text.charAt(i))) {
                bad++;
            }
        }
        return (double) bad / n;
    }

    static boolean isBad(char c) {
        if (c == '\uFFFD') {
            return true;
        }
        if (c < 0x20) {
            return c != '\n' && c != '\r' && c != '\t' && c != '\f';
        }
        return c == 0x7F || (c >= 0x80 && c < 0xA0);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
