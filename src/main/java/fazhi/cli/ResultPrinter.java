package fazhi.cli;

import fazhi.warehouse.NumberText;
import fazhi.warehouse.TextWidth;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Prints a query result as an aligned table, RFC 4180 CSV (header row, NULL empty) or a JSON array. */
public final class ResultPrinter {
    public enum Format { TABLE, CSV, JSON }

    private static final int TABLE_ROW_LIMIT = 10_000;

    private ResultPrinter() {
    }

    public static Format parse(String s) {
        try {
            return Format.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (use table, csv or json)");
        }
    }

    /** Prints the rows and returns how many there were. */
    public static long print(ResultSet rs, Format format, PrintWriter out) throws SQLException {
        return print(rs, format, out, UnaryOperator.identity());
    }

    /** Prints the rows with {@code label} applied to the column names (the header, the JSON keys). */
    public static long print(ResultSet rs, Format format, PrintWriter out, UnaryOperator<String> label)
            throws SQLException {
        return switch (format) {
            case CSV -> csv(rs, out, label);
            case JSON -> json(rs, out, label);
            case TABLE -> table(rs, out, label);
        };
    }

    private static long csv(ResultSet rs, PrintWriter out, UnaryOperator<String> label) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            header.add(csvField(label.apply(md.getColumnLabel(i))));
        }
        out.print(String.join(",", header) + "\r\n");
        long rows = 0;
        while (rs.next()) {
            List<String> cells = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                cells.add(csvField(text(rs, i)));
            }
            out.print(String.join(",", cells) + "\r\n");
            rows++;
        }
        out.flush();
        return rows;
    }

    static String csvField(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static long json(ResultSet rs, PrintWriter out, UnaryOperator<String> label) throws SQLException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        long rows = 0;
        while (rs.next()) {
            ObjectNode o = array.addObject();
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                String name = label.apply(md.getColumnLabel(i));
                if (v == null) {
                    o.putNull(name);
                } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                    o.put(name, ((Number) v).longValue());
                } else if (v instanceof Double || v instanceof Float) {
                    o.put(name, new BigDecimal(NumberText.of(v)));
                } else if (v instanceof BigDecimal b) {
                    o.put(name, b);
                } else if (v instanceof Boolean b) {
                    o.put(name, b);
                } else {
                    o.put(name, v.toString());
                }
            }
            rows++;
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        out.flush();
        return rows;
    }

    private static long table(ResultSet rs, PrintWriter out, UnaryOperator<String> label) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            header[i] = label.apply(md.getColumnLabel(i + 1));
            width[i] = TextWidth.of(header[i]);
        }
        long total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() >= TABLE_ROW_LIMIT) {
                continue;
            }
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                String t = text(rs, i + 1);
                r[i] = t == null ? "NULL" : t.replace('\n', ' ');
                width[i] = Math.min(60, Math.max(width[i], TextWidth.of(r[i])));
            }
            rows.add(r);
        }
        printRow(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (String[] r : rows) {
            printRow(out, r, width);
        }
        out.println("(" + total + (total == 1 ? " row" : " rows")
                + (total > rows.size() ? ", first " + rows.size() + " shown; use --format csv for all" : "") + ")");
        out.flush();
        return total;
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = truncate(cells[i], width[i]);
            line.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(Math.max(0, width[i] - TextWidth.of(c))));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String truncate(String s, int width) {
        if (TextWidth.of(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = TextWidth.of(cp);
            if (w + cw > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }

    private static String text(ResultSet rs, int i) throws SQLException {
        return NumberText.of(rs.getObject(i));
    }
}
