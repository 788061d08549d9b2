package fazhi.report;

import fazhi.stats.TestWarehouse;
import fazhi.warehouse.SchemaComments;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** schema/warehouse.sql documents every view and column of a built warehouse, and nothing that is not there. */
class WarehouseSchemaDocumentationTest {

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The tables of the warehouse and the derived views of schema/warehouse.sql (per_capita). */
    static String tableList() {
        List<String> names = new ArrayList<>(Arrays.stream(WarehouseTable.values()).map(WarehouseTable::tableName).toList());
        SchemaComments.bundled().statements().stream().filter(SchemaComments.CommentStatement::creates)
                .forEach(st -> names.add(st.view()));
        return "(" + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + ")";
    }

    @Test
    void givenTheNightlyJobsWarehouse_thenEveryViewAndEveryColumnHasAComment() throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(ReportWarehouses.sample()))) {
            assertThat(rows(c, "SELECT view_name FROM duckdb_views() WHERE view_name IN " + tableList()))
                    .as("the nightly job publishes every table, and the derived views exist")
                    .hasSize(WarehouseTable.values().length + 1);
            assertThat(rows(c, "SELECT view_name FROM duckdb_views() WHERE view_name IN " + tableList()
                    + " AND (comment IS NULL OR length(comment) < 20)")).as("views without a comment").isEmpty();
            assertThat(rows(c, "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE table_name IN "
                    + tableList() + " AND (comment IS NULL OR length(comment) < 3)")).as("columns without a comment").isEmpty();
        }
    }

    @Test
    void givenTheNightlyJobsWarehouse_thenEveryColumnCommentIsInChineseAndInEnglish() throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(ReportWarehouses.sample()))) {
            List<String> comments = rows(c, "SELECT table_name || '.' || column_name || ' ' || comment FROM duckdb_columns()"
                    + " WHERE table_name IN " + tableList());
            assertThat(comments).hasSizeGreaterThan(200);
            // the short Chinese label, a full-width colon, then the English description
            assertThat(comments).allSatisfy(row -> assertThat(row).matches("(?s)\\S+ [^：]*\\p{IsHan}[^：]*：.*[A-Za-z]{3,}.*"));
            assertThat(rows(c, "SELECT comment FROM duckdb_columns() WHERE table_name = 'observations'"
                    + " AND column_name = 'region_code'")).singleElement().asString()
                    .startsWith("区划代码：GB/T 2260 code of the reporting region");
        }
    }

    @Test
    void givenThePanelWarehouse_thenEveryColumnHasAComment() throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(ReportWarehouses.panel()))) {
            assertThat(rows(c, "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE table_name IN "
                    + tableList() + " AND comment IS NULL")).isEmpty();
        }
    }

    @Test
    void everyStatementOfTheFileNamesAViewAndColumnThatExist() throws Exception {
        Pattern column = Pattern.compile("(?is)^COMMENT\\s+ON\\s+COLUMN\\s+(\\w+)\\.(\\w+)\\s");
        Set<String> documented = new HashSet<>();
        for (SchemaComments.CommentStatement st : SchemaComments.bundled().statements()) {
            Matcher m = column.matcher(st.sql());
            if (m.find()) {
                assertThat(documented.add(m.group(1) + "." + m.group(2))).as("documented twice: %s", st.sql()).isTrue();
            }
        }
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(ReportWarehouses.sample()))) {
            Set<String> actual = new HashSet<>(rows(c, "SELECT table_name || '.' || column_name FROM duckdb_columns()"
                    + " WHERE table_name IN " + tableList()));
            assertThat(documented).as("documented columns the warehouse does not have").isSubsetOf(actual);
        }
    }

    @Test
    void givenAVersionWithOnlyAnOlderObservationsTable_whenOpened_thenMissingViewsAndColumnsAreSkipped(@TempDir Path tmp)
            throws Exception {
        // an older version: observations without the synthetic column, and no other table
        Path version = TestWarehouse.versionWith(tmp, List.of(TestWarehouse.obs("370102", 2023, "legal_opinions", 3.0, "件", "exact")));
        Path old = Files.createDirectories(tmp.resolve("old"));
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * EXCLUDE (synthetic) FROM read_parquet('" + version
                    + "/observations/**/*.parquet', hive_partitioning = true)) TO '" + old.resolve("observations")
                    + "' (FORMAT parquet, PARTITION_BY (year, province))");
        }
        try (Connection c = WarehouseConnection.openVersion(old)) {
            assertThat(rows(c, "SELECT view_name FROM duckdb_views() WHERE NOT internal")).containsExactly("observations");
            assertThat(rows(c, "SELECT comment FROM duckdb_columns() WHERE table_name = 'observations' AND column_name = 'evidence'"))
                    .singleElement().asString().contains("sentence");
        }
    }

    @Test
    void theScriptParserKeepsSemicolonsAndDoubledQuotesInsideCommentsAndRefusesOtherStatements() {
        SchemaComments s = SchemaComments.parse("""
                -- a comment; with a semicolon
                COMMENT ON VIEW a IS 'x; y ''quoted''';
                COMMENT ON COLUMN a.b IS 'z';
                """);
        assertThat(s.statements()).extracting(SchemaComments.CommentStatement::view).containsExactly("a", "a");
        assertThat(s.statements().get(0).sql()).isEqualTo("COMMENT ON VIEW a IS 'x; y ''quoted'''");
        assertThatThrownBy(() -> SchemaComments.parse("DROP VIEW a;")).hasMessageContaining("not a COMMENT");
    }

    @Test
    void theScriptParserReadsWindowsLineEndingsAndAFileWithoutAFinalNewlineAlike() {
        String unix = "-- c\nCOMMENT ON VIEW a IS 'x\ny';\nCOMMENT ON COLUMN a.b IS 'z';\n";
        assertThat(SchemaComments.parse(unix.replace("\n", "\r\n")).statements())
                .isEqualTo(SchemaComments.parse(unix).statements());
        assertThat(SchemaComments.parse(unix.strip()).statements()).isEqualTo(SchemaComments.parse(unix).statements())
                .extracting(SchemaComments.CommentStatement::sql)
                .containsExactly("COMMENT ON VIEW a IS 'x\ny'", "COMMENT ON COLUMN a.b IS 'z'");
    }

    @Test
    void aCommentFollowedByALineCommentIsAppliedWithTheOthers() throws Exception {
        SchemaComments s = SchemaComments.parse("COMMENT ON VIEW v IS 'the view' -- a note\n;\nCOMMENT ON COLUMN v.x IS 'ex';");
        try (Connection c = WarehouseConnection.openDuckDb(); Statement st = c.createStatement()) {
            st.execute("CREATE VIEW v AS SELECT 1 AS x");
            assertThat(s.apply(st, new java.util.HashSet<>(java.util.Set.of("v")))).isEqualTo(2);
            assertThat(rows(c, "SELECT comment FROM duckdb_views() WHERE view_name = 'v'")).containsExactly("the view");
            assertThat(rows(c, "SELECT comment FROM duckdb_columns() WHERE table_name = 'v'")).containsExactly("ex");
        }
    }
}
