package fazhi.report;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example queries of README.md (kept as docs/queries/*.sql) run on the nightly job's sample warehouse
 * and return rows on the panel warehouse; the page shows each file verbatim.
 */
class QueryExamplesTest {
    static final Path QUERIES = Path.of("docs/queries");

    static Stream<Path> queries() throws IOException {
        try (Stream<Path> s = Files.list(QUERIES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(4);
            return files.stream();
        }
    }

    static long rowCount(Path warehouse, String sql) throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    static String sqlOf(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip().replaceAll(";\\s*$", "");
    }

    /** The labels of the columns a query returns on a warehouse. */
    static List<String> columns(Path warehouse, String sql) throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                labels.add(rs.getMetaData().getColumnLabel(i));
            }
            return labels;
        }
    }

    /**
     * The five real reports cover few counties and years, so some queries find no rows there; each still runs,
     * with the columns it has on the panel: a warehouse with empty statistics tables still has their columns.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void runsOnTheSampleWarehouseWithTheColumnsItHasOnThePanel(Path file) throws Exception {
        assertThat(columns(ReportWarehouses.sample(), sqlOf(file))).isNotEmpty()
                .isEqualTo(columns(ReportWarehouses.panel(), sqlOf(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void returnsRowsOnThePanelWarehouse(Path file) throws Exception {
        assertThat(rowCount(ReportWarehouses.panel(), sqlOf(file))).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void isShownVerbatimInTheQueryingPage(Path file) throws Exception {
        String page = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(page.contains("```sql\n" + sql + "\n```"))
                .as("README.md shows %s verbatim in a ```sql block", file).isTrue();
        assertThat(page).contains(file.getFileName().toString());
    }
}
