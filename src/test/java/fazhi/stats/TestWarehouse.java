package fazhi.stats;

import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Builds a version folder holding only {@code observations}, laid out as the pipeline publishes it. */
public final class TestWarehouse {
    private TestWarehouse() {
    }

    public static Path versionWith(Path tmp, List<ObservationRow> rows) throws Exception {
        Path version = Files.createDirectories(tmp.resolve("version"));
        Path flat = tmp.resolve("flat-observations.parquet");
        ParquetTableWriter.writeAll(flat, ObservationRow.class, rows);
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT *, province_code AS province FROM read_parquet("
                    + WarehouseConnection.quote(flat.toString()) + ")) TO "
                    + WarehouseConnection.quote(version.resolve("observations").toString())
                    + " (FORMAT parquet, PARTITION_BY (year, province))");
        }
        Files.delete(flat);
        return version;
    }

    public static ObservationRow obs(String region, int year, String indicator, Double value, String unit,
                              String qualifier) {
        return new ObservationRow("sub-" + region + "-" + year, region, "name-" + region,
                region.substring(0, 2) + "0000", year, indicator, value, unit, qualifier, "evidence", 0,
                "file.txt", "rule", "run-obs", false);
    }

    public static Connection open(Path version) throws SQLException {
        return WarehouseConnection.openVersion(version);
    }
}
