package fazhi.config;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static fazhi.config.TestWarehouses.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promises that any Parquet reader opens the warehouse: every entry point under warehouse/
 * resolves and reads, the tables that have no rows in this run included.
 */
class PublishedTablesReadableTests {

    @TempDir
    Path tmp;

    @Test
    void everyEntryPointResolvesAndReadsAfterARunWithEmptyTables() throws Exception {
        Path warehouse = tmp.resolve("wh");
        // four real counties with one year each: no trend, no ranking outlier treated, so empty tables
        var outcome = run("nightly", TestWarehouses.copyOfSampleData(tmp.resolve("in")), warehouse);
        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();

        List<WarehouseTable> empty = new ArrayList<>();
        for (WarehouseTable t : WarehouseTable.values()) {
            Path entry = warehouse.resolve(t.tableName());
            assertThat(entry).as("entry point %s", t.tableName()).isSymbolicLink();
            assertThat(Files.isDirectory(entry)).as("%s resolves to a folder", t.tableName()).isTrue();
            long rows = readWithDuckDb(entry, t);
            assertThat(rows).as("rows of %s read by DuckDB", t.tableName())
                    .isEqualTo(rowsWithParquetJava(entry));
            if (rows == 0) {
                empty.add(t);
            }
        }
        assertThat(empty).as("tables empty in this run").contains(WarehouseTable.RANKING_TREATED_POINTS,
                WarehouseTable.TRENDS);
        assertThat(Files.list(warehouse).filter(Files::isSymbolicLink).filter(p -> !Files.exists(p)).toList())
                .as("dangling links under warehouse/").isEmpty();
    }

    @Test
    void aTableThatNoRunComputedYetHasNoEntryPoint() throws Exception {
        Path warehouse = tmp.resolve("wh");
        // ingest computes no statistics or rankings, and a first ingest has none to carry over
        run("ingest", TestWarehouses.copyOfSampleData(tmp.resolve("in")), warehouse);

        assertThat(warehouse.resolve(WarehouseTable.TRENDS.tableName())).doesNotExist();
        assertThat(Files.exists(warehouse.resolve(WarehouseTable.TRENDS.tableName()),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(warehouse.resolve(WarehouseTable.SUBMISSIONS.tableName())).isDirectory();
    }

    /** As the README tells a reader without fazhi to read it (hive partitions typed as documented). */
    private static long readWithDuckDb(Path entry, WarehouseTable t) throws Exception {
        String source = t.partitioned()
                ? "read_parquet(" + WarehouseConnection.quote(entry + "/**/*.parquet")
                  + ", hive_partitioning = true, hive_types = {'year': INTEGER"
                  + (t.partitionColumns().contains("province") ? ", 'province': VARCHAR" : "") + "})"
                : "read_parquet(" + WarehouseConnection.quote(entry + "/*.parquet") + ")";
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** parquet-java's own reader, file by file: a second, independent reader of the same files. */
    private static long rowsWithParquetJava(Path entry) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(entry.toRealPath())) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(files).as("Parquet files under %s", entry).isNotEmpty();
        long rows = 0;
        for (Path f : files) {
            try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
                assertThat(r.getFooter().getFileMetaData().getSchema().getFieldCount()).isPositive();
                rows += r.getRecordCount();
            }
        }
        return rows;
    }
}
