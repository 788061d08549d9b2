package fazhi.warehouse;

import fazhi.extract.IndicatorCatalog;
import fazhi.ingest.Region;
import fazhi.ingest.RegionTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static fazhi.warehouse.WarehouseConnection.quote;

/** The {@code regions} and {@code indicators} dimensions, written into every version from schema/. */
public final class DimensionTables {
    private final RegionTable regions;
    private final IndicatorCatalog catalog;

    public DimensionTables(RegionTable regions, IndicatorCatalog catalog) {
        this.regions = regions;
        this.catalog = catalog;
    }

    /** Writes both dimensions into the version folder and exposes them as tables of the compose database. */
    public void write(Connection db, Path version) throws SQLException {
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
}
