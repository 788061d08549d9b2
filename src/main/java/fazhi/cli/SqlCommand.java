package fazhi.cli;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(name = "sql", header = "Query the warehouse with SQL (DuckDB), or open the SQL shell.", mixinStandardHelpOptions = true,
        description = {"Query the warehouse with SQL (DuckDB). Every table is a view of the same name: observations, mentions, submissions, validation_issues, validation_summary, regions, indicators, trends, outliers, benford, rankings. With a query: prints its result and exits. Without: an interactive shell (type .help)."},
        footer = {"", "Examples:",
                "  ./fazhi sql \"select indicator, count(*) from observations group by 1 order by 2 desc\"",
                "  ./fazhi sql --format csv \"select * from submissions\" > submissions.csv"})
public class SqlCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--format", defaultValue = "table", description = "table, csv (RFC 4180) or json (default: ${DEFAULT-VALUE})")
    String format;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "the query; omit it for the interactive shell")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", description = "read the query from a file (e.g. docs/queries/*.sql)")
    Path file;

    @Override
    public Integer call() throws Exception {
        ResultPrinter.Format fmt = ResultPrinter.parse(format);
        if (file != null) {
            if (sql != null) {
                System.err.println("fazhi sql: give the query as an argument or with --file, not both");
                return ExitCodes.USAGE;
            }
            try {
                sql = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                System.err.println("fazhi sql: cannot read " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Connection c;
        try {
            c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
        } catch (SQLException e) {
            System.err.println("fazhi sql: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        try (c) {
            if (sql == null) {
                return new SqlShell(c, fmt).run();
            }
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            try (var st = c.createStatement()) {
                if (st.execute(sql)) {
                    try (var rs = st.getResultSet()) {
                        ResultPrinter.print(rs, fmt, out);
                    }
                }
            } catch (SQLException e) {
                System.err.println("fazhi sql: " + e.getMessage().lines().findFirst().orElse("query failed"));
                return ExitCodes.RUN_FAILED;
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
