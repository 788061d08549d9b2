package fazhi.cli;

import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.report.Messages;
import fazhi.warehouse.NumberText;
import fazhi.warehouse.TextWidth;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fazhi rank --year YYYY [--province CODE|NAME] [--index composite|disclosure] [--warehouse DIR]
 * [--format table|csv|json] [--lang zh|en]}: prints the published provincial rankings of counties (the
 * {@code rankings} table, or with {@code --index disclosure} the {@code disclosure} table) with Chinese names, scores
 * and the 5th-95th percentile rank interval; the table's headers and notes in Chinese unless {@code --lang en}
 * (csv and json keep the column names). Exit codes ({@link ExitCodes}): 0 printed; 2 an unknown province, nothing
 * published for that year / province (the message lists what is), or no published warehouse; 1 the warehouse cannot
 * be read.
 */
@Command(name = "rank", header = "Print the provincial ranking of counties for one year.", mixinStandardHelpOptions = true,
        description = "Print the published provincial rankings of counties for one year.")
public class RankCommand implements Callable<Integer> {

    public enum Format { table, csv, json }

    /** composite: the ranking framework's index; disclosure: the share of the catalog the report discloses */
    public enum Index { composite, disclosure }

    @Option(names = "--year", required = true, description = "ranking year, e.g. 2023")
    int year;

    @Option(names = "--province", description = "province code (370000) or name (山东省 / 山东); default: all")
    String province;

    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--format", defaultValue = "table", description = "table, csv (RFC 4180) or json")
    Format format;

    @Option(names = "--index", defaultValue = "composite",
            description = "composite (the ranking framework, default) or disclosure (the share of the catalog disclosed)")
    Index index;

    @Option(names = "--lang", defaultValue = "zh",
            description = "language of the table's headers and notes: zh (default) or en (schema/messages.csv)")
    Messages.Lang lang;

    @Spec
    CommandSpec spec;

    private static final String[] COLUMNS = {"year", "province_code", "province_name", "rank", "region_code",
            "region_name", "score", "rank_p05", "rank_median", "rank_p95", "indicators_used", "indicators_imputed", "coverage", "ranked",
            "not_ranked_reason", "synthetic"};

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RegionTable regions = RegionTable.bundled();
        String provinceCode = null;
        if (province != null) {
            provinceCode = resolveProvince(regions, province);
            if (provinceCode == null) {
                err.println("fazhi rank: unknown province '" + province
                        + "': give a code such as 370000 or a name such as 山东省");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        if (index == Index.disclosure) {
            return DisclosureRankPrinter.print(warehouse, year, provinceCode, format, Messages.of(lang), out, err);
        }
        List<Map<String, Object>> rows;
        try {
            rows = readRows(warehouse, "SELECT year, province_code, rank, region_code, region_name,"
                    + " score, rank_p05, rank_median, rank_p95, indicators_used, indicators_imputed, coverage, ranked,"
                    + " not_ranked_reason, synthetic FROM rankings WHERE year = ?"
                    + (provinceCode == null ? "" : " AND province_code = ?")
                    + " ORDER BY province_code, ranked DESC, rank, region_code", year, provinceCode);
        } catch (SQLException e) {
            return cannotRead(warehouse, "rankings", e, err);
        }
        if (rows.isEmpty()) {
            return nothingFor(warehouse, "rankings", year, provinceCode, err);
        }
        switch (format) {
            case csv -> printCsv(out, rows);
            case json -> out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            default -> printTable(out, rows, Messages.of(lang));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * A warehouse that cannot be read: no published version, or none with this table, is the user's to fix (USAGE);
     * a damaged one is not.
     */
    static int cannotRead(Path warehouse, String table, SQLException e, PrintWriter err) {
        boolean published = Files.isDirectory(new WarehouseLayout(warehouse).current());
        if (published && String.valueOf(e.getMessage()).startsWith("Catalog Error")) {
            // a warehouse that only `fazhi ingest` has published: no statistics, rankings or disclosure yet
            err.println("fazhi rank: the warehouse " + warehouse + " has no " + table
                    + " yet (run `./fazhi stats` after the reports are published)");
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("fazhi rank: " + (published ? "cannot read " + table + ": " : "") + SqlShell.errorText(e));
        err.flush();
        return published ? ExitCodes.RUN_FAILED : ExitCodes.USAGE;
    }

    /**
     * Nothing in {@code table} for the year (and province) asked: says which years and provinces the warehouse has,
     * so that the next command is the right one.
     */
    static int nothingFor(Path warehouse, String table, int year, String provinceCode, PrintWriter err) {
        RegionTable regions = RegionTable.bundled();
        String asked = year + (provinceCode == null ? "" : " in " + provinceName(regions, provinceCode));
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
             Statement s = c.createStatement()) {
            List<String> years = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT year FROM " + table + " ORDER BY 1")) {
                while (rs.next()) {
                    years.add(rs.getString(1));
                }
            }
            if (years.isEmpty()) {
                err.println("fazhi rank: the warehouse " + warehouse + " has no " + table
                        + " yet (run `./fazhi stats` after the reports are published)");
            } else {
                // the provinces of the year asked, or else of the latest year there is
                String shown = years.contains(String.valueOf(year)) ? String.valueOf(year) : years.get(years.size() - 1);
                List<String> provinces = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT province_code FROM " + table + " WHERE year = "
                        + Integer.parseInt(shown) + " ORDER BY 1")) {
                    while (rs.next()) {
                        provinces.add(provinceName(regions, rs.getString(1)));
                    }
                }
                err.println("fazhi rank: no " + table + " for " + asked + "; the warehouse " + warehouse + " has "
                        + table + " for " + String.join(", ", years) + " (in " + shown + ": "
                        + String.join(", ", provinces) + ")");
            }
        } catch (SQLException e) {
            return cannotRead(warehouse, table, e, err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String provinceName(RegionTable regions, String code) {
        return regions.byCode(code).map(r -> r.name() + " (" + code + ")").orElse(code);
    }

    /** A province by code, full name (山东省) or the leading part of its name (山东, 广西, 内蒙古). */
    static String resolveProvince(RegionTable regions, String query) {
        String q = query.trim();
        List<Region> provinces = regions.all().stream().filter(r -> "province".equals(r.level())).toList();
        for (Region r : provinces) {
            if (r.code().equals(q) || r.name().equals(q)) {
                return r.code();
            }
        }
        List<Region> prefix = provinces.stream().filter(r -> q.length() >= 2 && r.name().startsWith(q)).toList();
        return prefix.size() == 1 ? prefix.get(0).code() : null;
    }

    private static void printCsv(PrintWriter out, List<Map<String, Object>> rows) {
        out.print(String.join(",", COLUMNS) + "\r\n");
        for (Map<String, Object> row : rows) {
            List<String> f = new ArrayList<>();
            for (String col : COLUMNS) {
                Object v = row.get(col);
                f.add(v == null ? "" : csvField(NumberText.of(v)));
            }
            out.print(String.join(",", f) + "\r\n");
        }
    }

    static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows, Messages m) {
        List<String[]> cells = new ArrayList<>();
        cells.add(headers(m, "province", "rank", "county", "code", "score", "interval", "median", "indicators", "coverage", "note"));
        for (Map<String, Object> r : rows) {
            boolean ranked = Boolean.TRUE.equals(r.get("ranked"));
            cells.add(new String[]{
                    String.valueOf(r.get("province_name")),
                    ranked ? String.valueOf(r.get("rank")) : "-",
                    String.valueOf(r.get("region_name")),
                    String.valueOf(r.get("region_code")),
                    r.get("score") == null ? "" : String.format(Locale.ROOT, "%.2f", ((Number) r.get("score")).doubleValue()),
                    ranked ? r.get("rank_p05") + "–" + r.get("rank_p95") : "",
                    ranked ? String.valueOf(r.get("rank_median")) : "",
                    // reported + imputed indicators in the score
                    r.get("indicators_used") + (((Number) r.get("indicators_imputed")).intValue() > 0
                            ? "+" + r.get("indicators_imputed") + "*" : ""),
                    String.format(Locale.ROOT, "%.0f%%", 100 * ((Number) r.get("coverage")).doubleValue()),
                    ranked ? (Boolean.TRUE.equals(r.get("synthetic")) ? m.text("rank.synthetic_input") : "")
                            : m.text("rank.not_ranked", r.get("not_ranked_reason"))});
        }
        printAligned(out, cells);
    }

    /** The header row of a printed table: the messages rank.th.* in the language asked for. */
    static String[] headers(Messages m, String... columns) {
        String[] head = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            head[i] = m.text("rank.th." + columns[i]);
        }
        return head;
    }

    /** Rows of cells in aligned columns (the first row is the header). */
    static void printAligned(PrintWriter out, List<String[]> cells) {
        String[] head = cells.get(0);
        int[] width = new int[head.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], TextWidth.of(row[i]));
            }
        }
        for (String[] row : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                b.append(row[i]);
                if (i < row.length - 1) {
                    b.append(" ".repeat(width[i] - TextWidth.of(row[i]) + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /**
     * The rows of a published ranking table for a year (and a province when given: the statement's second
     * parameter), each with the province's name next to its code.
     */
    static List<Map<String, Object>> readRows(Path warehouse, String sql, int year, String provinceCode)
            throws SQLException {
        RegionTable regions = RegionTable.bundled();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            if (provinceCode != null) {
                ps.setString(2, provinceCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i);
                        Object v = rs.getObject(i);
                        // scores and shares without float noise, in the table, csv and json alike
                        row.put(name, v instanceof Double d ? NumberText.clean(d) : v);
                        if (name.equals("province_code")) {
                            row.put("province_name", regions.byCode(rs.getString(i)).map(Region::name).orElse(null));
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
