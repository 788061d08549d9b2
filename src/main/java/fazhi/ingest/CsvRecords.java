package fazhi.ingest;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV as records that remember their line: the manifest, and tables of figures. Records are
 * read one at a time from a stream, so a table of any length is read in the memory of one record.
 */
public final class CsvRecords {
    private CsvRecords() {
    }

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** The words a true/false cell may hold: {@value #FLAG_WORDS}. */
    public static final String FLAG_WORDS = "schema/flag-words.yaml";

    /** The words of {@link #FLAG_WORDS}, lower case, and the knowledge generation they were read in. */
    private record FlagWords(Set<String> trueWords, Set<String> falseWords, int generation) {
        static FlagWords read() {
            int generation = KnowledgeFiles.generation();
            KnowledgeNode root = KnowledgeFiles.yaml(FLAG_WORDS);
            Set<String> yes = lowerCase(root.strings("true_words"));
            Set<String> no = lowerCase(root.strings("false_words"));
            for (String w : yes) {
                if (no.contains(w)) {
                    throw root.problem("false_words", "'" + w + "' is also one of the true_words");
                }
            }
            root.finish();
            return new FlagWords(yes, no, generation);
        }

        private static Set<String> lowerCase(List<String> words) {
            return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
    }

    private static volatile FlagWords flagWords;

    /** A true/false cell (one of the words of {@link #FLAG_WORDS}, any case; blank is false), or null when neither. */
    public static Boolean flag(String cell) {
        FlagWords words = flagWords;
        if (words == null || words.generation() != KnowledgeFiles.generation()) {
            words = FlagWords.read();
            flagWords = words;
        }
        String s = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Boolean.FALSE;
        }
        return words.trueWords().contains(s) ? Boolean.TRUE : words.falseWords().contains(s) ? Boolean.FALSE : null;
    }

    /** RFC 4180 records with the line each starts on. */
    public static List<Record> parse(String s) throws MalformedCsvException {
        List<Record> records = new ArrayList<>();
        try {
            read(new StringReader(s), records::add);
        } catch (MalformedCsvException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return records;
    }

    /** Hands each record to {@code out} as soon as it is complete. */
    public static void read(Reader in, Consumer<Record> out) throws IOException, MalformedCsvException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean afterQuote = false;
        Lookahead s = new Lookahead(in);
        for (int c = s.next(); c >= 0; c = s.next()) {
            if (inQuotes) {
                if (c == '"') {
                    if (s.peek() == '"') {
                        field.append('"');
                        s.next();
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && s.peek() != '\n')) {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && s.peek() == '\n') {
                    s.next();
                }
                fields.add(field.toString());
                out.accept(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new MalformedCsvException(line, "unexpected character '" + (char) c
                        + "' after a closing quote (a quote inside a quoted field must be doubled: \"\")");
            } else if (c == '"') {
                if (!field.toString().isBlank()) {
                    throw new MalformedCsvException(line, "a quote inside an unquoted field;"
                            + " quote the whole field and double the quote (\"\")");
                }
                field.setLength(0);
                inQuotes = true;
                quoteLine = line;
            } else {
                field.append((char) c);
            }
        }
        if (inQuotes) {
            throw new MalformedCsvException(quoteLine, "unterminated quoted field (the quote opened on line "
                    + quoteLine + " is never closed)");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            out.accept(new Record(recordLine, List.copyOf(fields)));
        }
    }

    /** A buffered character stream with one character of lookahead. */
    private static final class Lookahead {
        private final Reader in;
        private final char[] buf = new char[8192];
        private int pos;
        private int len;

        Lookahead(Reader in) {
            this.in = in;
        }

        int next() throws IOException {
            int c = peek();
            if (c >= 0) {
                pos++;
            }
            return c;
        }

        int peek() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos];
        }
    }
}
