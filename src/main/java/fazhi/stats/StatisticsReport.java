package fazhi.stats;

import fazhi.warehouse.NumberText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-text summary of the {@code trends}, {@code outliers} and {@code benford} views of a DuckDB
 * connection: counts, significant trends, flagged outliers (the strongest listed) and Benford conformity.
 */
public final class StatisticsReport {
    private StatisticsReport() {
    }

    /** True when the connection has a view or table of each statistics table. */
    public static boolean hasStatisticsTables(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT table_name) FROM "
                + "information_schema.tables WHERE table_name IN ('trends', 'outliers', 'benford')")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 3;
            }
        }
    }

    public static String render(Connection c, int top) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement()) {
            Map<String, Long> directions = counts(s, "SELECT direction, count(*) FROM trends WHERE indicator <> '"
                    + StatisticsRunner.DISCLOSURE_SHARE + "' GROUP BY 1 ORDER BY 1");
            long trends = directions.values().stream().mapToLong(Long::longValue).sum();
            out.append(String.format(Locale.ROOT, "trends: %d series (>= %d valued years); increasing %d, "
                            + "decreasing %d, no trend %d (Mann-Kendall, alpha = %.2f)%n", trends,
                    TrendAnalysis.MIN_YEARS, directions.getOrDefault("increasing", 0L),
                    directions.getOrDefault("decreasing", 0L), directions.getOrDefault("no_trend", 0L),
                    TrendAnalysis.ALPHA));

            out.append("outliers (modified z, |z| > 3.5, peer groups of 10 or more; jobs/statistics.yaml):\n");
            try (ResultSet rs = s.executeQuery("SELECT method, scope, count(*), count(score), "
                    + "count(*) FILTER (WHERE not_scored_reason = '" + OutlierDetector.PEER_GROUP_TOO_SMALL + "'), "
                    + "count(*) FILTER (WHERE flagged) FROM outliers GROUP BY ALL ORDER BY ALL")) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    out.append(String.format(Locale.ROOT,
                            "  %-10s %-8s %8d rows, %8d scored, %8d too few peers, %6d flagged%n",
                            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
                if (!any) {
                    out.append("  none\n");
                }
            }
            List<String> strongest = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT year, region_code, indicator, value, method, scope, score "
                    + "FROM outliers WHERE flagged ORDER BY abs(score) DESC, year, region_code, indicator, method, "
                    + "scope LIMIT " + Math.max(0, top))) {
                while (rs.next()) {
                    strongest.add(String.format(Locale.ROOT, "  %d %s %-28s %14s %-10s %-8s z = %8.2f",
                            rs.getInt(1), rs.getString(2), rs.getString(3), NumberText.plain(rs.getDouble(4)),
                            rs.getString(5), rs.getString(6), rs.getDouble(7)));
                }
            }
            if (!strongest.isEmpty()) {
                out.append("strongest flagged outliers:\n");
                strongest.forEach(line -> out.append(line).append('\n'));
            }

            Map<String, Long> bands = counts(s, "SELECT conformity, count(*) FROM benford GROUP BY 1 ORDER BY 1");
            long benford = bands.values().stream().mapToLong(Long::longValue).sum();
            long rejected;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM benford WHERE chi_square_reliable "
                    + "AND p_value < 0.05")) {
                rs.next();
                rejected = rs.getLong(1);
            }
            out.append(String.format(Locale.ROOT, "benford: %d province-years; Nigrini MAD close %d, acceptable %d, "
                            + "marginal %d, nonconformity %d, insufficient_data %d (a label needs %d figures); "
                            + "chi-square p < 0.05 (n >= %d) %d%n", benford,
                    bands.getOrDefault("close", 0L), bands.getOrDefault("acceptable", 0L),
                    bands.getOrDefault("marginal", 0L), bands.getOrDefault("nonconformity", 0L),
                    bands.getOrDefault(BenfordRow.INSUFFICIENT_DATA, 0L),
                    StatisticsParameters.bundled().benfordMinFigures(), BenfordTest.MIN_N_FOR_CHI_SQUARE, rejected));
            if (hasTable(s, "disclosure")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE NOT synthetic), "
                        + "median(share), max(catalog_size) FROM disclosure")) {
                    rs.next();
                    out.append(String.format(Locale.ROOT, "disclosure: %d reports (%d real); median share of the "
                                    + "catalog disclosed %.0f%% of %d indicators (fazhi rank --index disclosure)%n",
                            rs.getLong(1), rs.getLong(2), 100 * rs.getDouble(3), rs.getInt(4)));
                }
            }
        }
        return out.toString();
    }

    private static boolean hasTable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                + name + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static Map<String, Long> counts(Statement s, String sql) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }
}
