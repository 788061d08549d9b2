package fazhi.rank;

import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseDirectories;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(RankingRunner.class);

    public static final String STEPS_TABLE = WarehouseTable.RANKING_STEPS.tableName();
    public static final String LOG_TABLE = WarehouseTable.RANKING_LOG.tableName();
    public static final String POINTS_TABLE = WarehouseTable.RANKING_TREATED_POINTS.tableName();

    private final RegionTable regions;
    private final PopulationTable population;

    public RankingRunner() {
        this(RegionTable.bundled());
    }

    public RankingRunner(RegionTable regions) {
        this(regions, PopulationTable.bundled());
    }

    public RankingRunner(RegionTable regions, PopulationTable population) {
        this.regions = regions;
        this.population = population;
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
        log.add(new RankingLogRow(runId, null, null, RankingStep.RAW.sql(), "regions_skipped_not_county", String.valueOf(skipped.size())));
        log.add(new RankingLogRow(runId, null, null, RankingStep.RAW.sql(), "duplicate_observations_ignored", String.valueOf(duplicates)));

        List<RankingRow> rankings = new ArrayList<>();
        List<RankingStepRow> steps = new ArrayList<>();
        List<TreatedPointRow> points = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Builder>> e : byYear.entrySet()) {
            boolean perCapita = framework.indicators().stream().anyMatch(i -> i.transform() == Transform.PER_CAPITA);
            int year = e.getKey();
            List<UnitInput> units = e.getValue().values().stream().map(b -> b.build(perCapita
                    ? population.population(b.regionCode, year) : OptionalLong.empty())).toList();
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
        LOG.info("rankings: {}", summary);
        return summary;
    }

    private void write(Connection duckdb, Path versionDir, String runId, List<RankingRow> rankings,
                       List<RankingStepRow> steps, List<TreatedPointRow> points, List<RankingLogRow> log)
            throws SQLException {
        String rankingsTable = WarehouseTable.RANKINGS.tableName();
        for (String t : List.of(rankingsTable, STEPS_TABLE, POINTS_TABLE, LOG_TABLE)) {
            WarehouseDirectories.deleteTree(versionDir.resolve(t));
        }
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.RANKINGS),
                RankingRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.RANKING_STEPS), RankingStepRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.RANKING_TREATED_POINTS), TreatedPointRow.class, List.of());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(versionDir, WarehouseTable.RANKING_LOG), RankingLogRow.class, List.of());

        Path tmp = versionDir.resolve("_tmp_ranking_" + runId.replaceAll("[^A-Za-z0-9_.-]", "_"));
        try {
            partitionByYear(duckdb, tmp, versionDir.resolve(rankingsTable), RankingRow.class, rankings);
            partitionByYear(duckdb, tmp, versionDir.resolve(STEPS_TABLE), RankingStepRow.class, steps);
            partitionByYear(duckdb, tmp, versionDir.resolve(POINTS_TABLE), TreatedPointRow.class, points);
            ParquetTableWriter.writeAll(versionDir.resolve(LOG_TABLE).resolve("part-0.parquet"), RankingLogRow.class, log);
        } finally {
            WarehouseDirectories.deleteTree(tmp);
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

        UnitInput build(OptionalLong population) {
            return new UnitInput(regionCode, regionName, provinceCode, values, synthetic,
                    population.isPresent() ? (double) population.getAsLong() : null);
        }
    }
}
