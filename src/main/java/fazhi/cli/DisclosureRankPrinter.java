package fazhi.cli;

import fazhi.report.Messages;
import fazhi.warehouse.NumberText;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fazhi rank --index disclosure}: the published disclosure index of one year (the {@code disclosure} table),
 * each county's share of the catalog, its rank in the province and the bootstrap interval of that rank.
 */
final class DisclosureRankPrinter {
    private static final String[] COLUMNS = {"year", "province_code", "province_name", "rank", "region_code",
            "region_name", "indicators_disclosed", "catalog_size", "share", "rank_p05", "rank_median", "rank_p95",
            "peers", "synthetic"};

    private DisclosureRankPrinter() {
    }

    /** Exit codes as {@link RankCommand}. */
    static int print(Path warehouse, int year, String provinceCode, RankCommand.Format format, Messages messages,
                     PrintWriter out, PrintWriter err) {
        List<Map<String, Object>> rows;
        try {
            rows = RankCommand.readRows(warehouse, "SELECT year, province_code, rank, region_code, region_name,"
                    + " indicators_disclosed, catalog_size, share, rank_p05, rank_median, rank_p95, peers, synthetic"
                    + " FROM disclosure WHERE year = ?" + (provinceCode == null ? "" : " AND province_code = ?")
                    + " ORDER BY province_code, synthetic, rank NULLS LAST, region_code", year, provinceCode);
        } catch (SQLException e) {
            return RankCommand.cannotRead(warehouse, "disclosure", e, err);
        }
        if (rows.isEmpty()) {
            return RankCommand.nothingFor(warehouse, "disclosure", year, provinceCode, err);
        }
        switch (format) {
            case csv -> {
                out.print(String.join(",", COLUMNS) + "\r\n");
                for (Map<String, Object> row : rows) {
                    List<String> f = new ArrayList<>();
                    for (String col : COLUMNS) {
                        Object v = row.get(col);
                        f.add(v == null ? "" : RankCommand.csvField(NumberText.of(v)));
                    }
                    out.print(String.join(",", f) + "\r\n");
                }
            }
            case json -> out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            default -> printTable(out, rows, messages);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows, Messages m) {
        List<String[]> cells = new ArrayList<>();
        cells.add(RankCommand.headers(m, "province", "rank", "county", "code", "disclosed", "share", "interval", "median",
                "peers", "note"));
        for (Map<String, Object> r : rows) {
            boolean ranked = r.get("rank") != null;
            cells.add(new String[]{
                    String.valueOf(r.get("province_name")),
                    ranked ? String.valueOf(r.get("rank")) : "-",
                    String.valueOf(r.get("region_name")),
                    String.valueOf(r.get("region_code")),
                    r.get("indicators_disclosed") + "/" + r.get("catalog_size"),
                    String.format(Locale.ROOT, "%.0f%%", 100 * ((Number) r.get("share")).doubleValue()),
                    ranked ? r.get("rank_p05") + "–" + r.get("rank_p95") : "",
                    ranked ? String.valueOf(r.get("rank_median")) : "",
                    ranked ? String.valueOf(r.get("peers")) : "",
                    (Boolean.TRUE.equals(r.get("synthetic")) ? m.text("rank.synthetic") : "")
                            + (ranked ? "" : m.text("rank.not_a_county"))});
        }
        RankCommand.printAligned(out, cells);
    }
}
