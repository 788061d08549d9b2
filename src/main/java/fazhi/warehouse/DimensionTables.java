package fazhi.warehouse;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.reference.RegionLineage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * The dimensions written into every version from schema/: {@code regions}, {@code indicators}, and from
 * schema/reference/ {@code population} (every county of the region table, {@value #FIRST_YEAR}–{@value #LAST_YEAR})
 * and {@code region_lineage}, and {@code knowledge_files}: which knowledge files (with their hashes) the version
 * was made with.
 */
public final class DimensionTables {
    /** The years of the population table: the first census to the work year of the latest reports. */
    static final int FIRST_YEAR = PopulationTable.FIRST_CENSUS;
    static final int LAST_YEAR = 2025;

    private final RegionTable regions;
    private final IndicatorCatalog catalog;
    private final PopulationTable population;

    public DimensionTables(RegionTable regions, IndicatorCatalog catalog) {
        this(regions, catalog, PopulationTable.bundled());
    }

    public DimensionTables(RegionTable regions, IndicatorCatalog catalog, PopulationTable population) {
        this.regions = regions;
        this.catalog = catalog;
        this.population = population;
    }

    /** {@link #write(Connection, Path, String)} for a version folder named as it will be published. */
    public void write(Connection db, Path version) throws SQLException {
        write(db, version, version.getFileName().toString());
    }

    /**
     * Writes the dimensions into the version folder and exposes regions and indicators to the compose database.
     *
     * @param versionName the name the version is published under (the run id; the staging folder is "version")
     */
    public void write(Connection db, Path version, String versionName) throws SQLException {
        ParquetTableWriter.writeAll(tableFile(version, WarehouseTable.POPULATION), PopulationRow.class, populationRows());
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(version, WarehouseTable.POPULATION), PopulationRow.class,
                List.of());
        ParquetTableWriter.writeAll(tableFile(version, WarehouseTable.REGION_LINEAGE), RegionLineageRow.class,
                lineageRows(population.lineage()));
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(version, WarehouseTable.REGION_LINEAGE),
                RegionLineageRow.class, List.of());
        ParquetTableWriter.writeAll(tableFile(version, WarehouseTable.KNOWLEDGE_FILES), KnowledgeFileRow.class,
                knowledgeFileRows(versionName, null));
        ParquetTableWriter.writeAll(WarehouseLayout.schemaFile(version, WarehouseTable.KNOWLEDGE_FILES),
                KnowledgeFileRow.class, List.of());
        Path regionsFile = version.resolve(WarehouseTable.REGIONS.tableName()).resolve("part-0.parquet");
        Path indicatorsFile = version.resolve(WarehouseTable.INDICATORS.tableName()).resolve("part-0.parquet");
        ParquetTableWriter.writeAll(regionsFile, Region.class, regions.all());
        List<IndicatorRow> rows = catalog.indicators().stream()
                .map(d -> new IndicatorRow(d.code(), d.domain(), d.nameZh(), d.unit(), d.kind(), d.description()))
                .toList();
        ParquetTableWriter.writeAll(indicatorsFile, IndicatorRow.class, rows);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE regions AS SELECT * FROM read_parquet(" + quote(regionsFile.toString()) + ")");
            s.execute("CREATE OR REPLACE TABLE indicators AS SELECT * FROM read_parquet(" + quote(indicatorsFile.toString()) + ")");
            WarehouseComposer.copy(s, "SELECT * FROM regions", version, WarehouseTable.REGIONS);
            WarehouseComposer.copy(s, "SELECT * FROM indicators", version, WarehouseTable.INDICATORS);
        }
    }

    /** The knowledge files this process has read since its knowledge was chosen, or since {@code since}. */
    static List<KnowledgeFileRow> knowledgeFileRows(String version, Instant since) {
        return KnowledgeFiles.used().stream().filter(f -> since == null || !f.readAt().isBefore(since))
                .map(f -> new KnowledgeFileRow(version, f.file(), f.sha256(), f.source(), null)).toList();
    }

    /**
     * Rewrites a version's knowledge_files once its run has read everything (the statistics and the ranking read
     * their files after the observations were written): the files this run read, then the rows copied from the
     * version it was made from ({@code fazhi stats} recomputes only the statistics), marked as carried over from
     * the version whose run read them. A version made from another records only the files its job read: the
     * process also read the extraction's knowledge at start-up, which such a job does not use.
     *
     * @param name     the name the version is published under (the run id)
     * @param jobStart when the run's job started
     */
    public static void recordKnowledgeFiles(Path version, String name, Instant jobStart) throws SQLException {
        List<KnowledgeFileRow> carried = new ArrayList<>();
        try (Connection c = WarehouseConnection.openVersion(version)) {
            for (KnowledgeFileRow found : knowledgeFileRows(c)) {
                if (!found.version().equals(name) || found.carriedFrom() != null) { // this run's own are rewritten
                    carried.add(new KnowledgeFileRow(name, found.file(), found.sha256(), found.source(),
                            found.carriedFrom() != null ? found.carriedFrom() : found.version()));
                }
            }
        }
        List<KnowledgeFileRow> rows = new ArrayList<>(knowledgeFileRows(name, carried.isEmpty() ? null : jobStart));
        rows.addAll(carried);
        // the table is a link to the published version's file: replaced, never written through
        WarehouseDirectories.deleteTree(version.resolve(WarehouseTable.KNOWLEDGE_FILES.tableName()));
        ParquetTableWriter.writeAll(tableFile(version, WarehouseTable.KNOWLEDGE_FILES), KnowledgeFileRow.class, rows);
    }

    /** The knowledge_files rows of a version (none when it has no such table; none carried in one made before). */
    static List<KnowledgeFileRow> knowledgeFileRows(Connection version) throws SQLException {
        List<KnowledgeFileRow> rows = new ArrayList<>();
        try (Statement s = version.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name = "
                    + quote(WarehouseTable.KNOWLEDGE_FILES.tableName()))) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return rows;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + WarehouseTable.KNOWLEDGE_FILES.tableName()
                    + " ORDER BY file")) {
                boolean hasCarried = false;
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    hasCarried |= rs.getMetaData().getColumnName(i).equals("carried_from");
                }
                while (rs.next()) {
                    rows.add(new KnowledgeFileRow(rs.getString("version"), rs.getString("file"),
                            rs.getString("sha256"), rs.getString("source"),
                            hasCarried ? rs.getString("carried_from") : null));
                }
            }
        }
        return rows;
    }

    private static Path tableFile(Path version, WarehouseTable table) {
        return version.resolve(table.tableName()).resolve("part-0.parquet");
    }

    /**
     * Every region of the table with a census figure (counties, and prefecture cities without counties), and every
     * earlier code of a recoded county (the same figures as its latest code), so that a figure reported under an
     * old code finds its population by its own code.
     */
    List<PopulationRow> populationRows() {
        Set<String> codes = new LinkedHashSet<>();
        for (Region r : regions.all()) {
            if (!r.level().equals("province")) {
                codes.add(r.code());
            }
        }
        for (RegionLineage.Change c : population.lineage().changes()) {
            if (c.kind() == RegionLineage.ChangeKind.RECODED) {
                codes.add(c.oldCode());
            }
        }
        List<PopulationRow> rows = new ArrayList<>();
        for (String code : codes) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                population.estimate(code, year).ifPresent(e -> rows.add(new PopulationRow(e.regionCode(),
                        e.year(), e.population(), e.method().code(),
                        e.census2010() == null ? null : e.census2010().population(),
                        e.census2020() == null ? null : e.census2020().population(), source(e),
                        e.transferSinceCensus())));
            }
        }
        return rows;
    }

    private static String source(PopulationTable.Estimate e) {
        List<String> parts = new ArrayList<>();
        for (PopulationTable.CensusFigure f : new PopulationTable.CensusFigure[] {e.census2010(), e.census2020()}) {
            if (f != null) {
                parts.add("census " + f.censusYear() + ": " + String.join("+", f.codes()));
            }
        }
        return String.join("; ", parts);
    }

    static List<RegionLineageRow> lineageRows(RegionLineage lineage) {
        List<RegionLineageRow> rows = new ArrayList<>();
        for (RegionLineage.Change c : lineage.changes()) {
            String old = c.oldCode();
            rows.add(new RegionLineageRow(c.year(), old, c.oldName(), c.newCode(), c.newName(), c.kind().code(),
                    c.kind().continuesSeries(), old == null ? null : lineage.seriesCode(old),
                    old == null ? null : lineage.currentCode(old).orElse(null)));
        }
        for (RegionLineage.Transfer t : lineage.transfers()) {
            rows.add(new RegionLineageRow(t.year(), t.fromCode(), t.fromName(), t.toCode(), t.toName(), "transferred",
                    false, t.fromCode(), t.fromCode()));
        }
        return rows;
    }
}
