package fazhi.report;

import fazhi.correct.CorrectionStatus;
import fazhi.rank.RankingStep;
import fazhi.report.ReportData.CorrectionEntry;
import fazhi.report.ReportData.DisclosureEntry;
import fazhi.report.ReportData.DisclosureYear;
import fazhi.report.ReportData.Driver;
import fazhi.report.ReportData.IndicatorPanel;
import fazhi.report.ReportData.OutlierEntry;
import fazhi.report.ReportData.Point;
import fazhi.report.ReportData.ProvinceSection;
import fazhi.report.ReportData.RankingEntry;
import fazhi.report.ReportData.RegionSeries;
import fazhi.report.ReportData.SyntheticShare;
import fazhi.report.ReportData.Trend;
import fazhi.stats.OutlierDetector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the report shows from a connection carrying the warehouse views ({@code WarehouseConnection}).
 * Works on any size of warehouse: a view that is missing or empty gives an empty section with a note, never an
 * error.
 */
public final class ReportLoader {

    /** What to report on. {@code provinceCode} null: every province with data that year. */
    public record Request(int year, String provinceCode, List<String> indicators, int maxIndicators,
                          int maxRegionsPerPanel) {
        public Request {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        public static Request of(int year, String provinceCode, List<String> indicators) {
            return new Request(year, provinceCode, indicators, 3, 12);
        }
    }

    private final Connection c;
    private final Set<String> views = new HashSet<>();
    private final boolean hasCorrections;

    public ReportLoader(Connection c) throws SQLException {
        this.c = c;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT view_name FROM duckdb_views() WHERE NOT internal")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_columns() "
                + "WHERE table_name = 'observations' AND column_name = 'corrected'")) {
            rs.next();
            hasCorrections = rs.getLong(1) > 0;
        }
    }

    public ReportData load(Request req, String warehouseLabel) throws SQLException {
        if (!views.contains("observations")) {
            throw new SQLException("the warehouse has no observations table");
        }
        List<String> provinces = new ArrayList<>();
        if (req.provinceCode() != null) {
            provinces.add(req.provinceCode());
        } else {
            String sql = "SELECT DISTINCT province_code FROM observations WHERE year = ?"
                    + (has("rankings") ? " UNION SELECT DISTINCT province_code FROM rankings WHERE year = ?" : "")
                    + " ORDER BY 1";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, req.year());
                if (has("rankings")) {
                    ps.setInt(2, req.year());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        provinces.add(rs.getString(1));
                    }
                }
            }
        }
        List<ProvinceSection> sections = new ArrayList<>();
        for (String p : provinces) {
            sections.add(province(req, p));
        }
        return new ReportData(req.year(), warehouseLabel, runId(), sections, synthetic(req));
    }

    private boolean has(String view) {
        return views.contains(view);
    }

    private ProvinceSection province(Request req, String province) throws SQLException {
        String name = provinceName(province);
        List<RankingEntry> rankings = rankings(req.year(), province);
        List<IndicatorPanel> panels = panels(req, province);
        long scored = scalarLong("SELECT count(*) FROM outliers WHERE year = ? AND province_code = ? AND score IS NOT NULL",
                "outliers", req.year(), province);
        List<OutlierEntry> outliers = outliers(req.year(), province);
        return new ProvinceSection(province, name, rankings, panels, outliers, scored,
                disclosure(req.year(), province), disclosureByYear(req.year(), province),
                corrections(req.year(), province));
    }

    /** The province's corrections up to the year (the province is the first two digits of a GB/T 2260 code). */
    private List<CorrectionEntry> corrections(int year, String province) throws SQLException {
        List<CorrectionEntry> out = new ArrayList<>();
        if (!has("corrections")) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT region_code, region_name, year, indicator, value, qualifier,"
                + " not_reported, extracted_value, status, status_reason, reason, corrected_by FROM corrections"
                + " WHERE year <= ? AND left(region_code, 2) || '0000' = ? AND status <> " + CorrectionStatus.SUPERSEDED.sql()
                + " ORDER BY year DESC, region_code, indicator")) {
            ps.setInt(1, year);
            ps.setString(2, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CorrectionEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            dbl(rs, 5), rs.getString(6), rs.getBoolean(7), dbl(rs, 8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    /** {@code o.corrected} where the warehouse has the column (one written before corrections existed: false). */
    private String correctedColumn(String alias) {
        return hasCorrections ? "coalesce(" + alias + ".corrected, false)" : "false";
    }

    private List<DisclosureEntry> disclosure(int year, String province) throws SQLException {
        List<DisclosureEntry> out = new ArrayList<>();
        if (!has("disclosure")) {
            return out;
        }
        // domains listed from the most to the least disclosed, each as "domain 3/4"-like shares in percent
        try (PreparedStatement ps = c.prepareStatement("SELECT region_code, region_name, indicators_disclosed,"
                + " catalog_size, share, rank, rank_p05, rank_median, rank_p95, peers, synthetic,"
                + " (SELECT string_agg(e.key || ' ' || CAST(round(100 * e.value) AS INTEGER) || '%', ', '"
                + "   ORDER BY e.value DESC, e.key) FROM (SELECT unnest(map_entries(domain_shares)) AS e) t(e))"
                + " FROM disclosure WHERE year = ? AND province_code = ?"
                + " ORDER BY synthetic, rank NULLS LAST, region_code")) {
            ps.setInt(1, year);
            ps.setString(2, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DisclosureEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getDouble(5), integer(rs, 6), integer(rs, 7), integer(rs, 8), integer(rs, 9),
                            integer(rs, 10), rs.getBoolean(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    private List<DisclosureYear> disclosureByYear(int year, String province) throws SQLException {
        List<DisclosureYear> out = new ArrayList<>();
        if (!has("disclosure")) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT year, synthetic, count(*), median(share)"
                + " FROM disclosure WHERE year <= ? AND province_code = ? GROUP BY ALL ORDER BY synthetic, year")) {
            ps.setInt(1, year);
            ps.setString(2, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DisclosureYear(rs.getInt(1), rs.getBoolean(2), rs.getLong(3), rs.getDouble(4)));
                }
            }
        }
        return out;
    }

    private String provinceName(String code) throws SQLException {
        if (has("regions")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM regions WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        return rs.getString(1);
                    }
                }
            }
        }
        return code;
    }

    private List<RankingEntry> rankings(int year, String province) throws SQLException {
        List<RankingEntry> out = new ArrayList<>();
        if (!has("rankings")) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT region_code, region_name, score, rank, rank_p05,"
                + " rank_median, rank_p95, indicators_used, coverage, ranked, not_ranked_reason, synthetic"
                + " FROM rankings WHERE year = ? AND province_code = ? ORDER BY ranked DESC, rank, region_code")) {
            ps.setInt(1, year);
            ps.setString(2, province);
            Map<String, List<Driver>> drivers = drivers(year, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RankingEntry(rs.getString(1), rs.getString(2), dbl(rs, 3), integer(rs, 4),
                            integer(rs, 5), integer(rs, 6), integer(rs, 7), rs.getInt(8), rs.getDouble(9),
                            rs.getBoolean(10), rs.getString(11), rs.getBoolean(12),
                            drivers.getOrDefault(rs.getString(1), List.of())));
                }
            }
        }
        return out;
    }

    /**
     * Per county, the indicators of its score (normalised step), with the framework weight (ranking_log) as a
     * share of the weights it used and whether the value was imputed; the costliest first.
     */
    private Map<String, List<Driver>> drivers(int year, String province) throws SQLException {
        Map<String, List<Driver>> out = new LinkedHashMap<>();
        if (!has("ranking_steps") || !has("ranking_log")) {
            return out;
        }
        String sql = "WITH w AS (SELECT replace(parameter, 'indicator/', '') AS indicator,"
                + " CAST(regexp_extract(value, 'weight=([0-9.]+)', 1) AS DOUBLE) AS weight FROM ranking_log"
                + " WHERE step = '" + RankingStep.FRAMEWORK.sql() + "' AND parameter LIKE 'indicator/%'),"
                + " n AS (SELECT s.region_code, s.indicator, s.value, w.weight FROM ranking_steps s JOIN w USING (indicator)"
                + " WHERE s.year = ? AND s.province_code = ? AND s.step = '" + RankingStep.NORMALISED.sql() + "'),"
                + " i AS (SELECT DISTINCT region_code, indicator FROM ranking_steps"
                + " WHERE year = ? AND province_code = ? AND step = '" + RankingStep.IMPUTED.sql() + "')"
                + " SELECT n.region_code, n.indicator, n.value, n.weight / sum(n.weight) OVER (PARTITION BY n.region_code),"
                + " i.indicator IS NOT NULL FROM n LEFT JOIN i USING (region_code, indicator)"
                + " ORDER BY n.region_code, n.weight / sum(n.weight) OVER (PARTITION BY n.region_code) * (100 - n.value) DESC,"
                + " n.indicator";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setString(2, province);
            ps.setInt(3, year);
            ps.setString(4, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Driver(rs.getString(2),
                            rs.getDouble(3), rs.getDouble(4), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    /** The chosen indicators, else those of the province with the most trends, then the most figures. */
    private List<String> indicatorsFor(Request req, String province) throws SQLException {
        if (!req.indicators().isEmpty()) {
            return req.indicators();
        }
        String sql = "SELECT o.indicator, count(DISTINCT o.region_code) regions, count(*) figures,"
                + (has("trends") ? " (SELECT count(*) FROM trends t WHERE t.indicator = o.indicator AND t.province_code = ?)"
                : " 0") + " AS trend_rows"
                + " FROM observations o WHERE o.province_code = ? AND o.year <= ? AND o.value IS NOT NULL"
                + " GROUP BY o.indicator ORDER BY trend_rows DESC, regions DESC, figures DESC, o.indicator LIMIT ?";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (has("trends")) {
                ps.setString(i++, province);
            }
            ps.setString(i++, province);
            ps.setInt(i++, req.year());
            ps.setInt(i, req.maxIndicators());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<IndicatorPanel> panels(Request req, String province) throws SQLException {
        List<IndicatorPanel> out = new ArrayList<>();
        for (String code : indicatorsFor(req, province)) {
            String[] meta = indicatorMeta(code);
            Map<String, List<Point>> points = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            // order: ranked counties by rank first, then the regions with the longest series
            String sql = "SELECT o.region_code, any_value(o.region_name) OVER (PARTITION BY o.region_code), o.year,"
                    + " o.value, o.synthetic, " + correctedColumn("o") + " AS corrected,"
                    + (has("rankings") ? " (SELECT min(r.rank) FROM rankings r WHERE r.year = ? AND r.region_code = o.region_code)"
                    : " NULL") + " AS rnk,"
                    + " count(*) OVER (PARTITION BY o.region_code) AS n"
                    + " FROM observations o WHERE o.province_code = ? AND o.indicator = ? AND o.year <= ?"
                    + " AND o.value IS NOT NULL AND isfinite(o.value)"
                    + " ORDER BY rnk NULLS LAST, n DESC, o.region_code, o.year";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (has("rankings")) {
                    ps.setInt(i++, req.year());
                }
                ps.setString(i++, province);
                ps.setString(i++, code);
                ps.setInt(i, req.year());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String region = rs.getString(1);
                        names.putIfAbsent(region, rs.getString(2));
                        points.computeIfAbsent(region, k -> new ArrayList<>())
                                .add(new Point(rs.getInt(3), rs.getDouble(4), rs.getBoolean(5), rs.getBoolean(6)));
                    }
                }
            }
            List<RegionSeries> series = new ArrayList<>();
            for (Map.Entry<String, List<Point>> e : points.entrySet()) {
                if (series.size() == req.maxRegionsPerPanel()) {
                    break;
                }
                series.add(new RegionSeries(e.getKey(), names.get(e.getKey()), e.getValue(), trend(e.getKey(), code)));
            }
            out.add(new IndicatorPanel(code, meta[0], meta[1], series, points.size() - series.size()));
        }
        return out;
    }

    private String[] indicatorMeta(String code) throws SQLException {
        if (has("indicators")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name_zh, unit FROM indicators WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new String[]{rs.getString(1), rs.getString(2)};
                    }
                }
            }
        }
        return new String[]{code, null};
    }

    private Trend trend(String region, String indicator) throws SQLException {
        if (!has("trends")) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT n, first_year, last_year, direction, sen_slope,"
                + " sen_intercept, mk_p FROM trends WHERE region_code = ? AND indicator = ?")) {
            ps.setString(1, region);
            ps.setString(2, indicator);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Trend(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), dbl(rs, 5), dbl(rs, 6),
                            dbl(rs, 7));
                }
            }
        }
        return null;
    }

    private List<OutlierEntry> outliers(int year, String province) throws SQLException {
        List<OutlierEntry> out = new ArrayList<>();
        if (!has("outliers")) {
            return out;
        }
        String sql = "SELECT o.region_code, any_value(ob.region_name), o.indicator,"
                + (has("indicators") ? " any_value(i.name_zh), any_value(i.unit)," : " NULL, any_value(ob.unit),")
                + " o.method, string_agg(DISTINCT o.scope, ', ' ORDER BY o.scope), arg_max(o.score, abs(o.score)),"
                + " any_value(o.value), any_value(o.previous_value), any_value(ob.evidence), any_value(ob.source_file),"
                + " any_value(ob.char_offset), any_value(pr.evidence), coalesce(bool_or(ob.synthetic), false),"
                + " coalesce(bool_or(" + correctedColumn("ob") + "), false),"
                + (hasCorrections ? " any_value(ob.extracted_value)" : " NULL")
                + " FROM outliers o"
                + " LEFT JOIN observations ob ON ob.region_code = o.region_code AND ob.year = o.year"
                + "  AND ob.indicator = o.indicator"
                + " LEFT JOIN observations pr ON o.method = '" + OutlierDetector.METHOD_YOY + "' AND pr.region_code = o.region_code"
                + "  AND pr.year = o.year - 1 AND pr.indicator = o.indicator"
                + (has("indicators") ? " LEFT JOIN indicators i ON i.code = o.indicator" : "")
                + " WHERE o.year = ? AND o.province_code = ? AND o.flagged"
                + " GROUP BY o.region_code, o.indicator, o.method"
                + " ORDER BY max(abs(o.score)) DESC, o.region_code, o.indicator LIMIT 60";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setString(2, province);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutlierEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8), dbl(rs, 9),
                            dbl(rs, 10), rs.getString(11), rs.getString(12), integer(rs, 13), rs.getString(14),
                            rs.getBoolean(15), rs.getBoolean(16), dbl(rs, 17)));
                }
            }
        }
        return out;
    }

    private SyntheticShare synthetic(Request req) throws SQLException {
        String where = " WHERE year <= ?" + (req.provinceCode() == null ? "" : " AND province_code = ?");
        long[] obs = counts("SELECT count(*), count(*) FILTER (WHERE synthetic) FROM observations" + where, req);
        long[] rk = has("rankings")
                ? counts("SELECT count(*), count(*) FILTER (WHERE synthetic) FROM rankings" + where.replace("year <= ?", "year = ?"), req)
                : new long[]{0, 0};
        return new SyntheticShare(obs[0], obs[1], rk[0], rk[1]);
    }

    private long[] counts(String sql, Request req) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, req.year());
            if (req.provinceCode() != null) {
                ps.setString(2, req.provinceCode());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private long scalarLong(String sql, String view, int year, String province) throws SQLException {
        if (!has(view)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setString(2, province);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String runId() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(run_id) FROM observations")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Double dbl(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
