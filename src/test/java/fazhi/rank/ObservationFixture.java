package fazhi.rank;

import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.ObservationRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds a warehouse version folder with an observations table laid out as the pipeline writes it. */
final class ObservationFixture {
    private final List<ObservationRow> rows = new ArrayList<>();

    ObservationFixture add(int year, String province, String region, String indicator, Double value) {
        return add(year, province, region, indicator, value, false);
    }

    ObservationFixture add(int year, String province, String region, String indicator, Double value,
                           boolean synthetic) {
        rows.add(new ObservationRow("sub-" + region + "-" + year, region, "name-" + region, province, year,
                indicator, value, "%", value == null ? "redacted" : "exact", "evidence", 0, "file.txt", "rule",
                "run-ingest", synthetic));
        return this;
    }

    /** Writes version/observations/year=Y/province=P/*.parquet and returns the version folder. */
    Path write(Path tmp) throws SQLException, java.io.IOException {
        Path version = tmp.resolve("version");
        java.nio.file.Files.createDirectories(version);
        Path flat = tmp.resolve("flat-observations.parquet");
        ParquetTableWriter.writeAll(flat, ObservationRow.class, rows);
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT *, province_code AS province FROM read_parquet('" + flat + "')) TO '"
                    + version.resolve("observations") + "' (FORMAT parquet, PARTITION_BY (year, province))");
        }
        return version;
    }
}
