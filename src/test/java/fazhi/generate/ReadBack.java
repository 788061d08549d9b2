package fazhi.generate;

import fazhi.ingest.SubmissionReader;
import fazhi.ingest.UnreadableSubmissionException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the text of a generated report as a reader sees it, a tiny number decoder, a CSV reader. */
final class ReadBack {
    static final Charset GB18030 = Charset.forName("GB18030");

    private ReadBack() {
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** decoded text of a txt / html (visible text) / docx report; .doc and .pdf as fazhi's reader decodes them */
    static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".doc") || name.endsWith(".pdf")) {
                try {
                    return new SubmissionReader().read(file).text();
                } catch (UnreadableSubmissionException e) {
                    throw new IllegalStateException(file + ": " + e.getMessage(), e);
                }
            }
            if (name.endsWith(".docx")) {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                     XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
                    return ex.getText();
                }
            }
            String s = new String(bytes, isUtf8(bytes) ? StandardCharsets.UTF_8 : GB18030);
            if (name.endsWith(".html")) {
                return Jsoup.parse(s).text();
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Decoded(BigDecimal value, String qualifier) {
    }

    private static final String[] UNITS = {"场次", "件", "起", "次", "条", "份", "个", "家", "人", "名", "本", "卷", "项", "%", "％"};

    /** decodes a written figure: 1200余件, 约300件, 二百一十六件, １２４５件, 2.1万件, 95%以上, 36.23% */
    static Decoded decode(String surface) {
        String s = surface.trim();
        String q = "exact";
        if (s.startsWith("约") || s.startsWith("近")) {
            q = "approx";
            s = s.substring(1);
        } else if (s.startsWith("超过")) {
            q = "at_least";
            s = s.substring(2);
        }
        if (s.endsWith("以上")) {
            q = "at_least";
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("左右")) {
            q = "approx";
            s = s.substring(0, s.length() - 2);
        }
        for (String u : UNITS) {
            if (s.endsWith(u)) {
                s = s.substring(0, s.length() - u.length());
                break;
            }
        }
        s = s.trim();
        if (s.endsWith("余") || s.endsWith("多")) {
            q = "at_least";
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder ascii = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                ascii.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                ascii.append('.');
            } else {
                ascii.append(c);
            }
        }
        s = ascii.toString();
        BigDecimal mult = BigDecimal.ONE;
        if (s.endsWith("万") && s.matches("[0-9.]+万")) {
            mult = BigDecimal.valueOf(10_000);
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal v = s.matches("[0-9]+(\\.[0-9]+)?") ? new BigDecimal(s) : BigDecimal.valueOf(chinese(s));
        return new Decoded(v.multiply(mult).stripTrailingZeros(), q);
    }

    /** Chinese numerals up to 亿: 一千零四十五, 十六, 二万零三百 */
    static long chinese(String s) {
        String digits = "零一二三四五六七八九";
        long total = 0;
        long section = 0;
        long number = 0;
        for (char c : s.toCharArray()) {
            int d = digits.indexOf(c);
            if (d >= 0) {
                number = d;
            } else if (c == '两') {
                number = 2;
            } else if (c == '十' || c == '百' || c == '千') {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (number == 0 ? 1 : number) * unit;
                number = 0;
            } else if (c == '万') {
                total += (section + number) * 10_000;
                section = 0;
                number = 0;
            } else {
                throw new IllegalArgumentException("not a Chinese numeral: " + s);
            }
        }
        return total + section + number;
    }

    /** RFC 4180 lines (no embedded newlines expected in our files) */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            rows.add(fields);
        }
        return rows;
    }
}
