package fazhi.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file opened as a stream of characters, for tables of figures that may be far larger than a report:
 * the encoding is found in one streaming pass (a byte-order mark, else UTF-8 if every byte sequence is
 * valid UTF-8, else GB18030 if every one is valid GB18030), then the text is read in a second pass. Memory
 * does not depend on the size of the file.
 */
public record TextStream(Reader reader, String encoding) implements AutoCloseable {

    public static TextStream open(Path file) throws UnreadableSubmissionException {
        try {
            byte[] head = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 4);
            }
            int skip = 0;
            Charset charset = null;
            if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                charset = StandardCharsets.UTF_8;
                skip = 3;
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (decodesWhole(file, StandardCharsets.UTF_8)) {
                charset = StandardCharsets.UTF_8;
            } else if (decodesWhole(file, TextDecoder.GB18030)) {
                charset = TextDecoder.GB18030;
            }
            if (charset == null) {
                throw new UnreadableSubmissionException("the table is neither UTF-8 nor GB18030 text "
                        + "(or it is binary): save it as UTF-8 CSV");
            }
            return new TextStream(reader(file, charset, skip), TextDecoder.displayName(charset));
        } catch (IOException e) {
            throw new UnreadableSubmissionException(SubmissionReasons.describe(e), e);
        }
    }

    /** The text again from its start, in the encoding {@link #open} found (a byte-order mark is skipped). */
    public static Reader reopen(Path file, String encoding) throws IOException {
        Charset charset = Charset.forName(encoding);
        int skip = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (charset.equals(StandardCharsets.UTF_8) && head.length == 3 && (head[0] & 0xFF) == 0xEF
                    && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                skip = 3;
            } else if (charset.name().startsWith("UTF-16") && head.length >= 2) {
                skip = 2;
            }
        }
        return reader(file, charset, skip);
    }

    private static Reader reader(Path file, Charset charset, int skip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.skipNBytes(skip);
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE));
    }

    /** Strictly decodes the whole file through a small buffer; false at the first invalid sequence or NUL. */
    static boolean decodesWhole(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = r < 0;
                if (r > 0) {
                    for (int i = bytes.position(); i < bytes.position() + r; i++) {
                        if (bytes.array()[i] == 0) {
                            return false;
                        }
                    }
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    if (result.isError()) {
                        return false;
                    }
                    chars.clear();
                } while (result.isOverflow());
                bytes.compact();
            }
            CoderResult result;
            do {
                result = decoder.flush(chars);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
            } while (result.isOverflow());
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
