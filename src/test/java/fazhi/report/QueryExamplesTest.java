package fazhi.report;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.Test;
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
 * The example queries of README.md (kept as docs/queries/*.sql) and of the Chinese user guide (docs/queries/zh/*.sql)
 * run on the nightly job's sample warehouse and return rows on the panel warehouse; each page shows its files
 * verbatim, and the guide shows no SQL that is not one of them.
 */
class QueryExamplesTest {
    static final Path QUERIES = Path.of("docs/queries");
    static final Path GUIDE_QUERIES = Path.of("docs/queries/zh");
    static final Path GUIDE = Path.of("docs/用户指南.md");

    static Stream<Path> queries() throws IOException {
        try (Stream<Path> s = Files.list(QUERIES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(4);
            return files.stream();
        }
    }

    static Stream<Path> guideQueries() throws IOException {
        try (Stream<Path> s = Files.list(GUIDE_QUERIES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(5);
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
     * with the columns it has on the panel: a warehouse with empty statistics tables still has their columns. A
     * PIVOT makes one column per year present, and the two warehouses have different years: those columns are
     * left out of the comparison.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"queries", "guideQueries"})
    void runsOnTheSampleWarehouseWithTheColumnsItHasOnThePanel(Path file) throws Exception {
        List<String> onSample = columnsBesideYears(ReportWarehouses.sample(), sqlOf(file));
        assertThat(onSample).isNotEmpty().isEqualTo(columnsBesideYears(ReportWarehouses.panel(), sqlOf(file)));
    }

    private static List<String> columnsBesideYears(Path warehouse, String sql) throws Exception {
        return columns(warehouse, sql).stream().filter(c -> !c.matches("(19|20)\\d\\d")).toList();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideQueries")
    void aGuideQueryReturnsRowsOnThePanelWarehouse(Path file) throws Exception {
        assertThat(rowCount(ReportWarehouses.panel(), sqlOf(file))).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideQueries")
    void aGuideQueryIsShownVerbatimInTheGuide(Path file) throws Exception {
        String page = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(page.contains("```sql\n" + sql + "\n```")).as("%s shows %s verbatim in a ```sql block", GUIDE, file).isTrue();
        assertThat(page).contains(file.getFileName().toString());
    }

    @Test
    void everySqlBlockOfTheGuideIsAQueryThatRunsAsATest() throws Exception {
        String page = Files.readString(GUIDE, StandardCharsets.UTF_8);
        List<String> files = guideQueries().map(f -> {
            try {
                return Files.readString(f, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("(?s)```sql\n(.*?)\n```").matcher(page);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertThat(files).as("a ```sql block of %s that is not a file of %s", GUIDE, GUIDE_QUERIES).contains(block.group(1));
        }
        assertThat(blocks).isEqualTo(files.size());
    }

    @Test
    void theGuideIsLinkedFromTheTopOfTheReadmeAndCitesNoSpecification() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.lines().limit(12).anyMatch(l -> l.contains("docs/用户指南.md"))).isTrue();
        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).doesNotContain("SPEC");
    }
}
