package fazhi.stats;

import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseDirectories;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Computes the {@code trends}, {@code outliers} and {@code benford} tables (SPEC §7) from the
 * {@code observations} view of a DuckDB connection and writes them into a version folder:
 * <pre>
 *   trends/part-0.parquet
 *   outliers/year=Y/part-0.parquet     (the year is the partition, not a column of the file)
 *   benford/part-0.parquet
 *   _schemas/{trends,outliers,benford}.parquet   zero-row files, so empty tables remain queryable
 * </pre>
 * Earlier output of these three tables in the folder is replaced. The folder should be a staging
 * version: publishing it atomically is the caller's job.
 *
 * <p>Memory: each query is read in order and one series (trends), one (year, indicator) cross-section
 * (outliers) or one province-year (benford) is held at a time; rows are streamed to Parquet.
 */
public final class StatisticsRunner {
    private static final Logger log = LoggerFactory.getLogger(StatisticsRunner.class);

    /** Observations that carry a number. */
    static final String VALUED = "SELECT region_code, province_code, year, indicator, value, unit, qualifier "
            + "FROM observations WHERE value IS NOT NULL AND isfinite(value)";

    static final String TREND_QUERY = "SELECT region_code, province_code, indicator, year, value FROM (" + VALUED
            + ") ORDER BY region_code, indicator, year";

    static final String OUTLIER_QUERY = "WITH o AS (" + VALUED + ") "
            + "SELECT '" + OutlierDetector.METHOD_LEVEL + "' AS method, region_code, province_code, year, indicator, "
            + "unit, value, CAST(NULL AS DOUBLE) AS previous FROM o "
            + "UNION ALL "
            + "SELECT '" + OutlierDetector.METHOD_YOY + "', c.region_code, c.province_code, c.year, c.indicator, "
            + "c.unit, c.value, p.value FROM o c JOIN o p ON p.region_code = c.region_code "
            + "AND p.indicator = c.indicator AND p.year = c.year - 1 "
            + "ORDER BY year, indicator, method, region_code";

    /** Reported counts: exact or at-least figures (their first digit is the true one), not rates, value >= 1. */
    static final String BENFORD_QUERY = "SELECT province_code, year, value FROM (" + VALUED + ") "
            + "WHERE qualifier IN ('exact', 'at_least') AND unit IS DISTINCT FROM '%' AND value >= 1 "
            + "AND province_code IS NOT NULL ORDER BY province_code, year";

    public StatisticsSummary run(Connection observations, Path versionDir, String runId) throws SQLException {
        for (WarehouseTable t : List.of(WarehouseTable.TRENDS, WarehouseTable.OUTLIERS, WarehouseTable.BENFORD)) {
            WarehouseDirectories.deleteTree(versionDir.resolve(t.tableName()));
        }
        writeSchemas(versionDir);
        TrendCounts trends = writeTrends(observations, versionDir, runId);
        OutlierSink outliers = writeOutliers(observations, versionDir, runId);
        long[] benford = writeBenford(observations, versionDir, runId);
        StatisticsSummary summary = new StatisticsSummary(trends.rows, trends.increasing, trends.decreasing,
                trends.skipped, outliers.rows, outliers.flagged, List.copyOf(outliers.years), benford[0], benford[1]);
        log.info("statistics run {}: {}", runId, summary);
        return summary;
    }

    static void writeSchemas(Path versionDir) {
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.TRENDS), TrendRow.class,
                List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.OUTLIERS),
                OutlierRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.BENFORD),
                BenfordRow.class, List.of());
    }

    private static final class TrendCounts {
        long rows, increasing, decreasing, skipped;
    }

    private TrendCounts writeTrends(Connection c, Path versionDir, String runId) throws SQLException {
        TrendCounts counts = new TrendCounts();
        Path file = versionDir.resolve(WarehouseTable.TRENDS.tableName()).resolve("part-0.parquet");
        try (ParquetTableWriter<TrendRow> out = new ParquetTableWriter<>(file, TrendRow.class);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(TREND_QUERY)) {
            SeriesBuffer series = new SeriesBuffer();
            while (rs.next()) {
                String region = rs.getString(1);
                String indicator = rs.getString(3);
                if (!series.is(region, indicator)) {
                    flushSeries(series, out, counts, runId);
                    series.start(region, rs.getString(2), indicator);
                }
                series.add(rs.getInt(4), rs.getDouble(5));
            }
            flushSeries(series, out, counts, runId);
        }
        return counts;
    }

    private static void flushSeries(SeriesBuffer series, ParquetTableWriter<TrendRow> out, TrendCounts counts,
                                    String runId) {
        if (series.region == null || series.size < TrendAnalysis.MIN_YEARS) {
            return;
        }
        int[] years = Arrays.copyOf(series.years, series.size);
        for (int i = 1; i < years.length; i++) {
            if (years[i] == years[i - 1]) {
                log.warn("trends: {} {} has two values for {}; series skipped", series.region, series.indicator,
                        years[i]);
                counts.skipped++;
                return;
            }
        }
        TrendRow row = TrendAnalysis.analyse(series.region, series.province, series.indicator, years,
                Arrays.copyOf(series.values, series.size), runId);
        out.write(row);
        counts.rows++;
        if (TrendDirection.INCREASING.code().equals(row.direction())) {
            counts.increasing++;
        } else if (TrendDirection.DECREASING.code().equals(row.direction())) {
            counts.decreasing++;
        }
    }

    /** The points of the series being read; reused from series to series. */
    private static final class SeriesBuffer {
        String region, province, indicator;
        int[] years = new int[16];
        double[] values = new double[16];
        int size;

        boolean is(String r, String i) {
            return Objects.equals(region, r) && Objects.equals(indicator, i) && region != null;
        }

        void start(String r, String p, String i) {
            region = r;
            province = p;
            indicator = i;
            size = 0;
        }

        void add(int year, double value) {
            if (size == years.length) {
                years = Arrays.copyOf(years, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            years[size] = year;
            values[size] = value;
            size++;
        }
    }

    /** Writes outlier rows to one file per year, opening the next year's file when the year changes. */
    private static final class OutlierSink implements AutoCloseable {
        private final Path table;
        private final String runId;
        private ParquetTableWriter<OutlierRow.Partitioned> writer;
        private int writerYear = Integer.MIN_VALUE;
        long rows, flagged;
        final List<Integer> years = new ArrayList<>();

        OutlierSink(Path table, String runId) {
            this.table = table;
            this.runId = runId;
        }

        void score(int year, String indicator, String method, List<OutlierDetector.Candidate> group) {
            if (group.isEmpty()) {
                return;
            }
            if (writer == null || writerYear != year) {
                close();
                writer = new ParquetTableWriter<>(table.resolve("year=" + year).resolve("part-0.parquet"),
                        OutlierRow.Partitioned.class);
                writerYear = year;
                years.add(year);
            }
            OutlierDetector.score(year, indicator, method, group, runId, row -> {
                writer.write(row.withoutYear());
                rows++;
                if (row.flagged()) {
                    flagged++;
                }
            });
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }

    private OutlierSink writeOutliers(Connection c, Path versionDir, String runId) throws SQLException {
        try (OutlierSink sink = new OutlierSink(versionDir.resolve(WarehouseTable.OUTLIERS.tableName()), runId);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OUTLIER_QUERY)) {
            List<OutlierDetector.Candidate> group = new ArrayList<>();
            String groupMethod = null;
            String groupIndicator = null;
            int groupYear = Integer.MIN_VALUE;
            while (rs.next()) {
                String method = rs.getString(1);
                int year = rs.getInt(4);
                String indicator = rs.getString(5);
                if (year != groupYear || !indicator.equals(groupIndicator) || !method.equals(groupMethod)) {
                    sink.score(groupYear, groupIndicator, groupMethod, group);
                    group.clear();
                    groupYear = year;
                    groupIndicator = indicator;
                    groupMethod = method;
                }
                boolean rate = OutlierScale.isRate(rs.getString(6));
                double value = rs.getDouble(7);
                double previous = rs.getDouble(8);
                boolean hasPrevious = !rs.wasNull();
                double scored = hasPrevious ? OutlierScale.yearOnYear(value, previous, rate)
                        : OutlierScale.level(value, rate);
                group.add(new OutlierDetector.Candidate(rs.getString(2), rs.getString(3), value,
                        hasPrevious ? previous : null, scored));
            }
            sink.score(groupYear, groupIndicator, groupMethod, group);
            return sink;
        }
    }

    private long[] writeBenford(Connection c, Path versionDir, String runId) throws SQLException {
        long rows = 0;
        long nonconforming = 0;
        Path file = versionDir.resolve(WarehouseTable.BENFORD.tableName()).resolve("part-0.parquet");
        try (ParquetTableWriter<BenfordRow> out = new ParquetTableWriter<>(file, BenfordRow.class);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(BENFORD_QUERY)) {
            String province = null;
            int year = Integer.MIN_VALUE;
            long[] digits = new long[10];
            while (rs.next()) {
                String p = rs.getString(1);
                int y = rs.getInt(2);
                if (!p.equals(province) || y != year) {
                    BenfordRow row = benfordRow(province, year, digits, runId);
                    if (row != null) {
                        out.write(row);
                        rows++;
                        nonconforming += isNonconforming(row) ? 1 : 0;
                    }
                    province = p;
                    year = y;
                    digits = new long[10];
                }
                digits[BenfordTest.firstDigit(rs.getDouble(3))]++;
            }
            BenfordRow row = benfordRow(province, year, digits, runId);
            if (row != null) {
                out.write(row);
                rows++;
                nonconforming += isNonconforming(row) ? 1 : 0;
            }
        }
        return new long[] {rows, nonconforming};
    }

    private static boolean isNonconforming(BenfordRow row) {
        return BenfordTest.Conformity.NONCONFORMITY.code().equals(row.conformity());
    }

    private static BenfordRow benfordRow(String province, int year, long[] digits, String runId) {
        long n = 0;
        for (int d = 1; d <= 9; d++) {
            n += digits[d];
        }
        return province == null || n == 0 ? null : BenfordRow.of(province, year, digits, runId);
    }
}
