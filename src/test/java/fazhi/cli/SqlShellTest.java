package fazhi.cli;

import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

class SqlShellTest {
    @TempDir
    Path tmp;

    private String session(String input) throws Exception {
        StringWriter screen = new StringWriter();
        BufferedReader in = new BufferedReader(new StringReader(input));
        try (Connection c = WarehouseConnection.openDuckDb()) {
            c.createStatement().execute("CREATE VIEW observations AS SELECT '371525' AS region_code, 181.0::DOUBLE AS value");
            new SqlShell(c, ResultPrinter.Format.TABLE).run(prompt -> {
                try {
                    return in.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, new PrintWriter(screen));
        }
        return screen.toString();
    }

    @Test
    void aStatementMaySpanLinesUntilItsSemicolon() throws Exception {
        String out = session("select region_code,\n value\n from observations;\n.quit\n");

        assertThat(out).containsPattern("371525 +\\| 181").contains("(1 row)");
    }

    @Test
    void dotCommandsListTablesDescribeThemAndTime() throws Exception {
        String out = session(".tables\n.schema observations\n.timer on\nselect 1;\n.quit\n");

        assertThat(out).contains("observations").contains("region_code | VARCHAR").contains("Run time:");
    }

    @Test
    void outputExportsCsvToAFileAndErrorsKeepTheShellAlive() throws Exception {
        Path file = tmp.resolve("out.csv");
        String out = session(".format csv\n.output " + file + "\nselect * from observations;\n.output\n"
                + "select nope;\nselect 2 as two;\n.quit\n");

        assertThat(Files.readString(file)).isEqualTo("region_code,value\r\n371525,181\r\n");
        assertThat(out).contains("1 rows written to").contains("Error:").containsPattern("two\\R2");
    }
}
