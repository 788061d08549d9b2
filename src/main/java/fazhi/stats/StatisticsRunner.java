package fazhi.stats;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.PopulationTable;
import fazhi.reference.RegionLineage;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseDirectories;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the {@code trends}, {@code outliers}, {@code benford} and {@code disclosure} tables (SPEC §7) from the
 * {@code observations} view of a DuckDB connection and writes them into a version folder:
 * <pre>
 *   trends/part-0.parquet
 *   outliers/year=Y/part-0.parquet     (the year is the partition, not a column of the file)
 *   benford/part-0.parquet
 *   disclosure/year=Y/part-0.parquet
 *   _schemas/{trends,outliers,benford,disclosure}.parquet   zero-row files, so empty tables remain queryable
 * </pre>
 * Parameters come from jobs/statistics.yaml ({@link StatisticsParameters}). A county recoded between years
 * (431121 祁阳县 → 431181 祁阳市) keeps one trend series and one year-on-year comparison under its latest code
 * ({@link RegionLineage#seriesCode}). Real and synthetic figures never meet: not in a series, not as peers, not
 * in a Benford tally; every derived row carries {@code synthetic}.
 * Earlier output of these four tables in the folder is replaced. The folder should be a staging
 * version: publishing it atomically is the caller's job.
 *
 * <p>Memory: each query is read in order and one series (trends), one (year, indicator) cross-section of both methods
 * (outliers) or one province-year (benford) is held at a time; rows are streamed to Parquet.
 */
public final class StatisticsRunner {
    private static final Logger log = LoggerFactory.getLogger(StatisticsRunner.class);

    /** The trend series of the disclosure index's share (not a catalog indicator). */
    public static final String DISCLOSURE_SHARE = "disclosure_share";

    /** A temporary table of the connection: every code that was recoded, and the latest code of its series. */
    static final String SERIES_CODES = "fazhi_series_codes";

    /** Observations that carry a number, with the code of the series each belongs to. */
    static final String VALUED = "SELECT o.region_code, coalesce(sc.series_code, o.region_code) AS series_code, "
            + "o.province_code, o.year, o.indicator, o.value, o.unit, o.qualifier, coalesce(o.synthetic, false) AS synthetic "
            + "FROM observations o LEFT JOIN " + SERIES_CODES + " sc ON sc.code = o.region_code "
            + "WHERE o.value IS NOT NULL AND isfinite(o.value)";

    static final String TREND_QUERY = "SELECT series_code, province_code, indicator, year, value, region_code, synthetic "
            + "FROM (" + VALUED + ") ORDER BY series_code, synthetic, indicator, year";

    static final String OUTLIER_QUERY = "WITH o AS (" + VALUED + ") "
            + "SELECT '" + OutlierDetector.METHOD_LEVEL + "' AS method, region_code, province_code, year, indicator, "
            + "unit, value, CAST(NULL AS DOUBLE) AS previous, synthetic FROM o "
            + "UNION ALL "
            + "SELECT '" + OutlierDetector.METHOD_YOY + "', c.region_code, c.province_code, c.year, c.indicator, "
            + "c.unit, c.value, p.value, c.synthetic FROM o c JOIN o p ON p.series_code = c.series_code "
            + "AND p.indicator = c.indicator AND p.year = c.year - 1 AND p.synthetic = c.synthetic "
            + "ORDER BY year, indicator, method, region_code";

    /** Reported counts: exact or at-least figures (their first digit is the true one), not rates, value >= 1. */
    static final String BENFORD_QUERY = "SELECT province_code, year, synthetic, value FROM (" + VALUED + ") "
            + "WHERE qualifier IN ('exact', 'at_least') AND unit IS DISTINCT FROM '%' AND value >= 1 "
            + "AND province_code IS NOT NULL ORDER BY province_code, year, synthetic";

    /** One row per report (region, year): the catalog codes it gives a value for (a redacted figure is not one). */
    static final String DISCLOSURE_QUERY = "SELECT region_code, any_value(region_name), any_value(province_code), "
            + "year, coalesce(synthetic, false) AS synthetic, "
            + "list(DISTINCT indicator) FILTER (WHERE value IS NOT NULL AND qualifier IS DISTINCT FROM 'redacted') "
            + "FROM observations GROUP BY region_code, year, coalesce(synthetic, false) "
            + "ORDER BY region_code, year, synthetic";

    private final StatisticsParameters parameters;
    private final PopulationTable population;
    private final RegionLineage lineage;
    private final IndicatorCatalog catalog;

    public StatisticsRunner() {
        this(StatisticsParameters.bundled(), PopulationTable.bundled(), IndicatorCatalog.bundled());
    }

    public StatisticsRunner(StatisticsParameters parameters, PopulationTable population, IndicatorCatalog catalog) {
        this.parameters = parameters;
        this.population = population;
        this.lineage = population.lineage();
        this.catalog = catalog;
    }

    public StatisticsSummary run(Connection observations, Path versionDir, String runId) throws SQLException {
        for (WarehouseTable t : List.of(WarehouseTable.TRENDS, WarehouseTable.OUTLIERS, WarehouseTable.BENFORD,
                WarehouseTable.DISCLOSURE)) {
            WarehouseDirectories.deleteTree(versionDir.resolve(t.tableName()));
        }
        writeSchemas(versionDir);
        registerSeriesCodes(observations);
        List<DisclosureRow> disclosure = disclosure(observations, runId);
        writeDisclosure(disclosure, versionDir);
        TrendCounts trends = writeTrends(observations, disclosure, versionDir, runId);
        OutlierSink outliers = writeOutliers(observations, versionDir, runId);
        long[] benford = writeBenford(observations, versionDir, runId);
        StatisticsSummary summary = new StatisticsSummary(trends.rows, trends.increasing, trends.decreasing,
                trends.skipped, outliers.rows, outliers.flagged, List.copyOf(outliers.years), benford[0], benford[1],
                benford[2], disclosure.size());
        log.info("statistics run {}: {}", runId, summary);
        return summary;
    }

    private void registerSeriesCodes(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE " + SERIES_CODES + " (code VARCHAR, series_code VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SERIES_CODES + " VALUES (?, ?)")) {
            Set<String> seen = new LinkedHashSet<>();
            for (RegionLineage.Change ch : lineage.changes()) {
                if (ch.kind() == RegionLineage.ChangeKind.RECODED && seen.add(ch.oldCode())) {
                    ps.setString(1, ch.oldCode());
                    ps.setString(2, lineage.seriesCode(ch.oldCode()));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static void writeSchemas(Path versionDir) {
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.TRENDS), TrendRow.class,
                List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.OUTLIERS),
                OutlierRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.BENFORD),
                BenfordRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.DISCLOSURE),
                DisclosureRow.class, List.of());
    }

    private List<DisclosureRow> disclosure(Connection c, String runId) throws SQLException {
        List<DisclosureIndex.Unit> units = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DISCLOSURE_QUERY)) {
            while (rs.next()) {
                Set<String> disclosed = new LinkedHashSet<>();
                Array list = rs.getArray(6);
                if (list != null) {
                    for (Object code : (Object[]) list.getArray()) {
                        disclosed.add(String.valueOf(code));
                    }
                }
                units.add(new DisclosureIndex.Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), disclosed));
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            codes.add(d.code());
            domains.add(d.domain());
        }
        DisclosureIndex.Catalog indexCatalog = new DisclosureIndex.Catalog(codes, domains);
        int[][] draws = DisclosureIndex.draws(indexCatalog.size(), parameters.disclosureDraws(),
                parameters.disclosureSeed());
        return DisclosureIndex.compute(units, indexCatalog, draws, parameters.lowerQuantile(),
                parameters.upperQuantile(), runId);
    }

    private static void writeDisclosure(List<DisclosureRow> rows, Path versionDir) {
        Map<Integer, List<DisclosureRow.Partitioned>> byYear = new TreeMap<>();
        for (DisclosureRow r : rows) {
            byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r.withoutYear());
        }
        Path table = versionDir.resolve(WarehouseTable.DISCLOSURE.tableName());
        byYear.forEach((year, part) -> ParquetTableWriter.writeAll(
                table.resolve("year=" + year).resolve("part-0.parquet"), DisclosureRow.Partitioned.class, part));
    }

    private static final class TrendCounts {
        long rows, increasing, decreasing, skipped;
    }

    private TrendCounts writeTrends(Connection c, List<DisclosureRow> disclosure, Path versionDir, String runId)
            throws SQLException {
        TrendCounts counts = new TrendCounts();
        Path file = versionDir.resolve(WarehouseTable.TRENDS.tableName()).resolve("part-0.parquet");
        try (ParquetTableWriter<TrendRow> out = new ParquetTableWriter<>(file, TrendRow.class);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(TREND_QUERY)) {
            SeriesBuffer series = new SeriesBuffer();
            while (rs.next()) {
                String region = rs.getString(1);
                String indicator = rs.getString(3);
                boolean synthetic = rs.getBoolean(7);
                if (!series.is(region, indicator, synthetic)) {
                    flushSeries(series, out, counts, runId);
                    series.start(region, rs.getString(2), indicator, synthetic);
                }
                series.add(rs.getInt(4), rs.getDouble(5), rs.getString(6));
            }
            flushSeries(series, out, counts, runId);
            // the disclosure index's share, a series per county like any indicator's
            Map<String, List<DisclosureRow>> shares = new TreeMap<>();
            for (DisclosureRow r : disclosure) {
                shares.computeIfAbsent(lineage.seriesCode(r.regionCode()) + "|" + r.synthetic(),
                        k -> new ArrayList<>()).add(r);
            }
            for (List<DisclosureRow> rows : shares.values()) {
                rows.sort(Comparator.comparingInt(DisclosureRow::year));
                DisclosureRow last = rows.get(rows.size() - 1);
                series.start(lineage.seriesCode(last.regionCode()), last.provinceCode(), DISCLOSURE_SHARE,
                        last.synthetic());
                for (DisclosureRow r : rows) {
                    series.add(r.year(), r.share(), r.regionCode());
                }
                flushSeries(series, out, counts, runId);
            }
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
        TrendRow row = TrendAnalysis.analyse(series.region, String.join(",", series.codes), series.synthetic,
                series.province, series.indicator, years, Arrays.copyOf(series.values, series.size), runId);
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
        boolean synthetic;
        /** the codes the series was reported under, in the order of the years */
        final Set<String> codes = new LinkedHashSet<>();
        int[] years = new int[16];
        double[] values = new double[16];
        int size;

        boolean is(String r, String i, boolean s) {
            return Objects.equals(region, r) && Objects.equals(indicator, i) && region != null && synthetic == s;
        }

        void start(String r, String p, String i, boolean s) {
            region = r;
            province = p;
            indicator = i;
            synthetic = s;
            codes.clear();
            size = 0;
        }

        void add(int year, double value, String code) {
            codes.add(code);
            if (size == years.length) {
                years = Arrays.copyOf(years, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            years[size] = year;
            values[size] = value;
            size++;
        }
    }

    /**
     * Writes outlier rows to one file per year, opening the next year's file when the year changes. The rows of one
     * (year, indicator) are held until both methods are scored, so that a repeated flag can be told from a new one
     * ({@link RepeatedFlags}).
     */
    private static final class OutlierSink implements AutoCloseable {
        private final Path table;
        private final String runId;
        private final RepeatedFlags repeats;
        private ParquetTableWriter<OutlierRow.Partitioned> writer;
        private int writerYear = Integer.MIN_VALUE;
        private final List<OutlierRow> crossSection = new ArrayList<>();
        long rows, flagged;
        final List<Integer> years = new ArrayList<>();

        OutlierSink(Path table, String runId, RepeatedFlags repeats) {
            this.table = table;
            this.runId = runId;
            this.repeats = repeats;
        }

        void score(int year, String indicator, String method, List<OutlierDetector.Candidate> group,
                   StatisticsParameters parameters) {
            if (group.isEmpty()) {
                return;
            }
            if (!crossSection.isEmpty() && (crossSection.get(0).year() != year
                    || !crossSection.get(0).indicator().equals(indicator))) {
                flush();
            }
            OutlierDetector.score(year, indicator, method, group, runId, parameters, crossSection::add);
        }

        private void flush() {
            if (crossSection.isEmpty()) {
                return;
            }
            int year = crossSection.get(0).year();
            if (writer == null || writerYear != year) {
                closeWriter();
                writer = new ParquetTableWriter<>(table.resolve("year=" + year).resolve("part-0.parquet"),
                        OutlierRow.Partitioned.class);
                writerYear = year;
                years.add(year);
            }
            for (OutlierRow row : repeats.mark(crossSection)) {
                writer.write(row.withoutYear());
                rows++;
                if (row.flagged()) {
                    flagged++;
                }
            }
            crossSection.clear();
        }

        private void closeWriter() {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }

        @Override
        public void close() {
            flush();
            closeWriter();
        }
    }

    private OutlierSink writeOutliers(Connection c, Path versionDir, String runId) throws SQLException {
        try (OutlierSink sink = new OutlierSink(versionDir.resolve(WarehouseTable.OUTLIERS.tableName()), runId,
                new RepeatedFlags(lineage::seriesCode));
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
                    sink.score(groupYear, groupIndicator, groupMethod, group, parameters);
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
                Long residents = null;
                if (!rate && !hasPrevious) {
                    OptionalLong p = population.population(rs.getString(2), year);
                    residents = p.isPresent() ? p.getAsLong() : null;
                }
                group.add(new OutlierDetector.Candidate(rs.getString(2), rs.getString(3), value,
                        hasPrevious ? previous : null, scored, rate, rs.getBoolean(9), residents));
            }
            sink.score(groupYear, groupIndicator, groupMethod, group, parameters);
            return sink;
        }
    }

    /** @return rows, nonconforming, insufficient_data */
    private long[] writeBenford(Connection c, Path versionDir, String runId) throws SQLException {
        long rows = 0;
        long nonconforming = 0;
        long insufficient = 0;
        Path file = versionDir.resolve(WarehouseTable.BENFORD.tableName()).resolve("part-0.parquet");
        try (ParquetTableWriter<BenfordRow> out = new ParquetTableWriter<>(file, BenfordRow.class);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(BENFORD_QUERY)) {
            String province = null;
            int year = Integer.MIN_VALUE;
            boolean synthetic = false;
            long[] digits = new long[10];
            List<BenfordRow> done = new ArrayList<>();
            while (rs.next()) {
                String p = rs.getString(1);
                int y = rs.getInt(2);
                boolean syn = rs.getBoolean(3);
                if (!p.equals(province) || y != year || syn != synthetic) {
                    addBenfordRow(done, province, year, synthetic, digits, runId);
                    province = p;
                    year = y;
                    synthetic = syn;
                    digits = new long[10];
                }
                digits[BenfordTest.firstDigit(rs.getDouble(4))]++;
            }
            addBenfordRow(done, province, year, synthetic, digits, runId);
            for (BenfordRow row : done) {
                out.write(row);
                rows++;
                nonconforming += BenfordTest.Conformity.NONCONFORMITY.code().equals(row.conformity()) ? 1 : 0;
                insufficient += BenfordRow.INSUFFICIENT_DATA.equals(row.conformity()) ? 1 : 0;
            }
        }
        return new long[] {rows, nonconforming, insufficient};
    }

    private void addBenfordRow(List<BenfordRow> out, String province, int year, boolean synthetic, long[] digits,
                               String runId) {
        long n = 0;
        for (int d = 1; d <= 9; d++) {
            n += digits[d];
        }
        if (province != null && n > 0) {
            out.add(BenfordRow.of(province, year, digits, parameters.benfordMinFigures(), synthetic, runId));
        }
    }
}
