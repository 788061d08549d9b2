package fazhi.rank;

import fazhi.ingest.Region;
import fazhi.ingest.RegionTable;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs a ranking framework over the {@code observations} of a warehouse version and writes, inside that
 * version folder:
 * <pre>
 *   rankings/year=Y/part-0.parquet                 the rankings table (SPEC §5), one row per county
 *   ranking_steps/year=Y/part-0.parquet            every step's dataset, long format (RankingStepRow)
 *   ranking_treated_points/year=Y/part-0.parquet   every value the outlier treatment changed
 *   ranking_log/part-0.parquet                     parameters and outcomes of every step, incl. the framework
 *   _schemas/{rankings,ranking_steps,ranking_treated_points,ranking_log}.parquet   zero-row schemas
 * </pre>
 * Only county-level regions (GB/T 2260 table) are ranked; others are skipped and counted in the log.
 * A rerun into the same version folder replaces what an earlier run wrote.
 */
public final class RankingRunner {
    private static final Logger LOG = Logger.getLogger(RankingRunner.class.getName());

    public static final String STEPS_TABLE = "ranking_steps";
    public static final String LOG_TABLE = "ranking_log";
    public static final String POINTS_TABLE = "ranking_treated_points";

    private final RegionTable regions;

    public RankingRunner() {
        this(RegionTable.bundled());
    }

    public RankingRunner(RegionTable regions) {
        this.regions = regions;
    }

    public RankingSummary run(Connection duckdb, Path versionDir, RankingFramework framework, String runId)
            throws SQLException {
        RankingPipeline pipeline = new RankingPipeline(framework, runId);
        Set<String> codes = new HashSet<>();
        framework.indicators().forEach(i -> codes.add(i.code()));

        List<RankingLogRow> log = new ArrayList<>(pipeline.frameworkLog());
        Map<Integer, Map<String, Builder>> byYear = new TreeMap<>();
        Set<String> skipped = new HashSet<>();
        int duplicates = 0;
        boolean hasSynthetic = columns(duckdb, "observations").contains("synthetic");
        String sql = "SELECT year, province_code, region_code, region_name, indicator, value, "
                + (hasSynthetic ? "synthetic" : "false") + " AS synthetic FROM observations"
                + " WHERE region_code IS NOT NULL ORDER BY year, region_code, indicator, value NULLS LAST";
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int year = rs.getInt(1);
                String regionCode = rs.getString(3);
                Optional<Region> region = regions.byCode(regionCode);
                if (region.isEmpty() || !"county".equals(region.get().level())) {
                    skipped.add(year + "/" + regionCode);
                    continue;
                }
                String province = rs.getString(2) != null ? rs.getString(2) : region.get().provinceCode();
                Builder b = byYear.computeIfAbsent(year, y -> new LinkedHashMap<>())
                        .computeIfAbsent(regionCode, c -> new Builder(regionCode, region.get().name(), province));
                String indicator = rs.getString(5);
                if (!codes.contains(indicator)) {
                    continue;
                }
                double v = rs.getDouble(6);
                Double value = rs.wasNull() ? null : v;
                if (b.values.containsKey(indicator)) {
                    duplicates++;
                    continue;
                }
                b.values.put(indicator, value);
                b.synthetic |= rs.getBoolean(7);
            }
        }
        log.add(new RankingLogRow(runId, null, null, "raw", "regions_skipped_not_county", String.valueOf(skipped.size())));
        log.add(new RankingLogRow(runId, null, null, "raw", "duplicate_observations_ignored", String.valueOf(duplicates)));

        List<RankingRow> rankings = new ArrayList<>();
        List<RankingStepRow> steps = new ArrayList<>();
        List<TreatedPointRow> points = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Builder>> e : byYear.entrySet()) {
            List<UnitInput> units = e.getValue().values().stream().map(Builder::build).toList();
            RankingPipeline.YearResult r = pipeline.run(e.getKey(), units);
            rankings.addAll(r.rankings());
            steps.addAll(r.steps());
            log.addAll(r.log());
            points.addAll(r.treatedPoints());
        }
        rankings.sort(Comparator.comparingInt(RankingRow::year).thenComparing(RankingRow::provinceCode)
                .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(RankingRow::regionCode));

        write(duckdb, versionDir, runId, rankings, steps, points, log);
        int ranked = (int) rankings.stream().filter(RankingRow::ranked).count();
        RankingSummary summary = new RankingSummary(runId, framework.name(), List.copyOf(byYear.keySet()),
                rankings.size(), ranked, rankings.size() - ranked, steps.size(), points.size(), skipped.size());
        LOG.info(() -> "rankings: " + summary);
        return summary;
    }

    /** Views ranking_steps, ranking_log and ranking_treated_points over a version folder (rankings itself is a
     * {@link WarehouseTable} and gets its view from {@link WarehouseConnection#openVersion}). */
    public static void registerViews(Connection c, Path versionDir) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : List.of(STEPS_TABLE, POINTS_TABLE, LOG_TABLE)) {
                Path dir = versionDir.resolve(table);
                boolean partitioned = !table.equals(LOG_TABLE);
                String source;
                if (hasParquet(dir)) {
                    source = partitioned
                            ? "read_parquet(" + WarehouseConnection.quote(dir + "/**/*.parquet")
                            + ", hive_partitioning=true, hive_types={'year': INTEGER})"
                            : "read_parquet(" + WarehouseConnection.quote(dir + "/*.parquet") + ")";
                } else {
                    source = "read_parquet(" + WarehouseConnection.quote(schemaFile(versionDir, table).toString()) + ")";
                }
                s.execute("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM " + source);
            }
        }
    }

    static Path schemaFile(Path versionDir, String table) {
        return versionDir.resolve("_schemas").resolve(table + ".parquet");
    }

    private void write(Connection duckdb, Path versionDir, String runId, List<RankingRow> rankings,
                       List<RankingStepRow> steps, List<TreatedPointRow> points, List<RankingLogRow> log)
            throws SQLException {
        String rankingsTable = WarehouseTable.RANKINGS.tableName();
        for (String t : List.of(rankingsTable, STEPS_TABLE, POINTS_TABLE, LOG_TABLE)) {
            deleteTree(versionDir.resolve(t));
        }
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.RANKINGS),
                RankingRow.class, List.of());
        ParquetTableWriter.writeAll(schemaFile(versionDir, STEPS_TABLE), RankingStepRow.class, List.of());
        ParquetTableWriter.writeAll(schemaFile(versionDir, POINTS_TABLE), TreatedPointRow.class, List.of());
        ParquetTableWriter.writeAll(schemaFile(versionDir, LOG_TABLE), RankingLogRow.class, List.of());

        Path tmp = versionDir.resolve("_tmp_ranking_" + runId.replaceAll("[^A-Za-z0-9_.-]", "_"));
        try {
            partitionByYear(duckdb, tmp, versionDir.resolve(rankingsTable), RankingRow.class, rankings);
            partitionByYear(duckdb, tmp, versionDir.resolve(STEPS_TABLE), RankingStepRow.class, steps);
            partitionByYear(duckdb, tmp, versionDir.resolve(POINTS_TABLE), TreatedPointRow.class, points);
            ParquetTableWriter.writeAll(versionDir.resolve(LOG_TABLE).resolve("part-0.parquet"), RankingLogRow.class, log);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Writes rows to a flat file, then lets DuckDB split it into year=Y/part-0.parquet (no year column inside,
     * as the pipeline writes observations). */
    private static <R extends Record> void partitionByYear(Connection duckdb, Path tmp, Path target, Class<R> type,
                                                           List<R> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Path flat = tmp.resolve(target.getFileName() + ".parquet");
        ParquetTableWriter.writeAll(flat, type, rows);
        try (Statement s = duckdb.createStatement()) {
            s.execute("COPY (SELECT * FROM read_parquet(" + WarehouseConnection.quote(flat.toString()) + ")) TO "
                    + WarehouseConnection.quote(target.toString())
                    + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), FILENAME_PATTERN 'part-{i}',"
                    + " OVERWRITE_OR_IGNORE true)");
        }
    }

    private static Set<String> columns(Connection c, String view) throws SQLException {
        Set<String> cols = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + view)) {
            while (rs.next()) {
                cols.add(rs.getString(1));
            }
        }
        return cols;
    }

    private static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static final class Builder {
        final String regionCode;
        final String regionName;
        final String provinceCode;
        final Map<String, Double> values = new HashMap<>();
        boolean synthetic;

        Builder(String regionCode, String regionName, String provinceCode) {
            this.regionCode = regionCode;
            this.regionName = regionName;
            this.provinceCode = provinceCode;
        }

        UnitInput build() {
            return new UnitInput(regionCode, regionName, provinceCode, values, synthetic);
        }
    }
}
