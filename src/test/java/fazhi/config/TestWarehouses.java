package fazhi.config;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers for tests that run a job and look at what it published. */
public final class TestWarehouses {
    private TestWarehouses() {
    }

    /** The five real reports the project was started from, with their manifest: the one copy tests read. */
    public static final Path SAMPLE_DATA = Path.of("sample-data");

    /** One of the sample reports, by file name. */
    public static Path sampleReport(String name) {
        Path report = SAMPLE_DATA.resolve(name);
        if (!Files.isRegularFile(report)) {
            throw new AssertionError("no sample report " + report);
        }
        return report;
    }

    /** A copy of the bundled sample reports (and their manifest) in a folder the test may change. */
    public static Path copyOfSampleData(Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SAMPLE_DATA)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BatchRunner.RunOutcome run(String job, Path input, Path warehouse) throws Exception {
        return BatchRunner.run(new RunRequest(job, input, warehouse, null, false));
    }

    /** The rows of a query on the published warehouse, each row as a list of its values as text. */
    public static List<List<String>> query(Path warehouse, String sql) throws SQLException {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rowsOf(rs);
        }
    }

    /** Every row of a result, each value as its text. */
    static List<List<String>> rowsOf(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }

    public static long count(Path warehouse, String sql) throws SQLException {
        return Long.parseLong(query(warehouse, sql).get(0).get(0));
    }
}
