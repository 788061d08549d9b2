package fazhi.report;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fazhi.report.Html.esc;

/**
 * Small helpers for the notebooks in notebooks/ (Java kernel): open the warehouse named by FAZHI_WAREHOUSE, run a
 * query with parameters, and turn the result into an HTML table for the notebook's display. Plain JDBC; needs only
 * target/classes and the DuckDB JDBC jar on the kernel's classpath.
 */
public final class NotebookSupport {
    /** Rows shown by {@link #table}; the rest are counted, not shown. */
    public static final int MAX_ROWS = 60;

    private NotebookSupport() {
    }

    /** The warehouse folder: $FAZHI_WAREHOUSE, else ../warehouse (notebooks run from notebooks/). */
    public static Path warehouse() {
        String env = System.getenv("FAZHI_WAREHOUSE");
        return Path.of(env == null || env.isBlank() ? "../warehouse" : env).toAbsolutePath().normalize();
    }

    /** The repository root (for docs/queries): $FAZHI_REPO, else the parent of the working folder. */
    public static Path repo() {
        String env = System.getenv("FAZHI_REPO");
        return Path.of(env == null || env.isBlank() ? ".." : env).toAbsolutePath().normalize();
    }

    public static Connection open() throws SQLException {
        return WarehouseConnection.openPublished(new WarehouseLayout(warehouse()));
    }

    /** A query of docs/queries/, without its final semicolon. */
    public static String exampleQuery(String fileName) throws IOException {
        return Files.readString(repo().resolve("docs/queries").resolve(fileName), StandardCharsets.UTF_8)
                .strip().replaceAll(";\\s*$", "");
    }

    public static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object scalar(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** The rows as an HTML table (escaped; numbers right-aligned and rounded for reading). */
    public static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p><em>(no rows)</em></p>";
        }
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        for (String col : rows.get(0).keySet()) {
            b.append("<th>").append(esc(col)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Map<String, Object> row : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            b.append("<tr>");
            for (Object v : row.values()) {
                boolean number = v instanceof Number;
                b.append(number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(esc(format(v))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (rows.size() > MAX_ROWS) {
            b.append("<p><em>").append(rows.size() - MAX_ROWS).append(" more rows not shown</em></p>");
        }
        return b.toString();
    }

    public static String table(Connection c, String sql, Object... params) throws SQLException {
        return table(rows(c, sql, params));
    }

    static String format(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d) {
            // small p-values must not print as 0
            return d != 0 && Math.abs(d) < 0.001 ? String.format(java.util.Locale.ROOT, "%.2e", d) : Html.num(d);
        }
        if (v instanceof Float f) {
            return Html.num(f.doubleValue());
        }
        return v.toString();
    }
}
