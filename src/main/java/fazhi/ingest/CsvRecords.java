package fazhi.ingest;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as records that remember their line: the manifest, and tables of figures. */
public final class CsvRecords {
    private CsvRecords() {
    }

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** RFC 4180 records with the line each starts on. */
    public static List<Record> parse(String s) throws MalformedCsvException {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean afterQuote = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new MalformedCsvException(line, "unexpected character '" + c
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
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new MalformedCsvException(quoteLine, "unterminated quoted field (the quote opened on line "
                    + quoteLine + " is never closed)");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
