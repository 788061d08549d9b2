package fazhi.report;

import fazhi.ingest.CsvRecords;
import fazhi.ingest.MalformedCsvException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the HTML report and of {@code fazhi rank}, in Chinese (the default: the people who read them) and
 * English: {@code schema/messages.csv} (key,en,zh; bundled as {@value #RESOURCE}). A message may hold
 * {@code {0}}, {@code {1}}… for its arguments; the report's messages are HTML fragments (the file is ours), and
 * {@link #html} escapes the arguments, which come from the warehouse.
 */
public final class Messages {
    public static final String RESOURCE = "/schema/messages.csv";

    /** The language of a page or a printed table. */
    public enum Lang {
        zh, en;

        /** The value of an HTML {@code lang} attribute. */
        public String htmlLang() {
            return this == zh ? "zh-CN" : "en";
        }
    }

    private static volatile Map<Lang, Messages> bundled;

    private final Lang lang;
    private final Map<String, String> text;

    private Messages(Lang lang, Map<String, String> text) {
        this.lang = lang;
        this.text = Map.copyOf(text);
    }

    public static Messages of(Lang lang) {
        Map<Lang, Messages> b = bundled;
        if (b == null) {
            try (InputStream in = Messages.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                b = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = b;
        }
        return b.get(lang);
    }

    /** Both languages of a key,en,zh table; every row needs a key and both texts, and a key appears once. */
    static Map<Lang, Messages> parse(String csv) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(csv);
        } catch (MalformedCsvException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || !records.get(0).fields().equals(List.of("key", "en", "zh"))) {
            throw new IllegalArgumentException(RESOURCE + " line 1: expected the header key,en,zh");
        }
        Map<String, String> en = new HashMap<>();
        Map<String, String> zh = new HashMap<>();
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            if (r.isBlank()) {
                continue;
            }
            List<String> f = r.fields();
            if (f.size() != 3 || f.get(0).isBlank() || f.get(1).isBlank() || f.get(2).isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + r.line()
                        + ": expected key,en,zh with a key and both texts: " + String.join(",", f));
            }
            if (en.put(f.get(0), f.get(1)) != null) {
                throw new IllegalArgumentException(RESOURCE + " line " + r.line() + ": key " + f.get(0) + " appears twice");
            }
            zh.put(f.get(0), f.get(2));
        }
        Map<Lang, Messages> out = new EnumMap<>(Lang.class);
        out.put(Lang.en, new Messages(Lang.en, en));
        out.put(Lang.zh, new Messages(Lang.zh, zh));
        return out;
    }

    public Lang lang() {
        return lang;
    }

    /** The message with its arguments as they are (plain text: the terminal, or a text escaped as a whole). */
    public String text(String key, Object... args) {
        String m = text.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + RESOURCE);
        }
        return fill(m, args, false);
    }

    /** The message of {@code prefix + code} when there is one (a status, a reason), else the code itself. */
    public String textOr(String prefix, String code) {
        return code == null ? "" : text.getOrDefault(prefix + code, code);
    }

    /** The message (an HTML fragment) with its arguments HTML-escaped. */
    public String html(String key, Object... args) {
        String m = text.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + RESOURCE);
        }
        return fill(m, args, true);
    }

    private static String fill(String message, Object[] args, boolean escape) {
        StringBuilder b = new StringBuilder(message.length() + 32);
        for (int i = 0; i < message.length(); i++) {
            char ch = message.charAt(i);
            int close = ch == '{' ? message.indexOf('}', i) : -1;
            if (close > i + 1 && message.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(message.substring(i + 1, close));
                if (n >= args.length) {
                    throw new IllegalArgumentException("message '" + message + "' needs argument {" + n + "}");
                }
                String v = String.valueOf(args[n]);
                b.append(escape ? Html.esc(v) : v);
                i = close;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Every key, for the test that both languages use the same arguments. */
    Map<String, String> all() {
        return text;
    }
}
