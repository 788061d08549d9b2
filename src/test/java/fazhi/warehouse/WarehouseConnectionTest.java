package fazhi.warehouse;

import fazhi.report.ReportWarehouses;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** How a session on a published version reads its files. */
class WarehouseConnectionTest {

    @Test
    void aSessionOnAPublishedVersionReadsEachParquetFooterOnce() throws Exception {
        // a version's files are never rewritten, so DuckDB may keep their footers for the session: the one-indicator
        // query over every partition of observations reads 310 footers per query on the national warehouse otherwise
        WarehouseLayout layout = new WarehouseLayout(ReportWarehouses.sample());
        try (Connection all = WarehouseConnection.openPublished(layout);
             Connection few = WarehouseConnection.openPublished(layout, EnumSet.of(WarehouseTable.OBSERVATIONS))) {
            for (Connection c : new Connection[] {all, few}) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT current_setting('parquet_metadata_cache')")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
        }
    }
}
