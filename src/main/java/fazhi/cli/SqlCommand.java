package fazhi.cli;

import fazhi.warehouse.ColumnLabels;
import fazhi.warehouse.SchemaComments;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

@Command(name = "sql", header = "Query the warehouse with SQL (DuckDB), or open the SQL shell.", mixinStandardHelpOptions = true,
        description = {"Query the warehouse with SQL (DuckDB). Every table is a view of the same name: {tables}. "
                + "With a query (or a dot-command such as \".schema mentions\"): prints its result and exits. Without: "
                + "on a terminal, an interactive shell (type .help; Ctrl-C clears the statement, .quit leaves); fed by a "
                + "pipe or a file, the statements are run in turn, and the first error stops them with its exit code."},
        footer = {"", "Examples:",
                "  ./fazhi sql \"select indicator, count(*) from observations group by 1 order by 2 desc\"",
                "  ./fazhi sql --format csv \"select * from submissions\" > submissions.csv",
                "  ./fazhi sql --format csv --out submissions.csv \"select * from submissions\"     # with a BOM, for Excel",
                "  ./fazhi sql --format xlsx --labels zh --out observations.xlsx \"select * from observations\"",
                "  ./fazhi sql \".schema mentions\"",
                "  ./fazhi sql < docs/queries/03-significant-trends.sql"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the query ran", "1:the warehouse could not be read, or the result not written",
                "2:the query has an error (DuckDB's message and hints are printed), or nothing is published there"})
public class SqlCommand implements Callable<Integer> {
    /** U+FEFF written as UTF-8 (EF BB BF): how Excel tells a UTF-8 CSV from one in the system's code page. */
    static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Where the description names the warehouse's tables ({@link #withTableNames}). */
    private static final String TABLES = "{tables}";

    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv (RFC 4180), json or xlsx (an Excel workbook; needs --out) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the result to FILE instead of the screen")
    Path out;

    @Option(names = "--bom", negatable = true, description = "start CSV with a UTF-8 byte-order mark, which Excel "
            + "needs to read Chinese (default: on with --out, off on the screen or a pipe)")
    Boolean bom;

    @Option(names = "--labels", defaultValue = "en",
            description = "column headers: en (the column names) or zh (short Chinese labels, schema/column-labels-zh.csv)")
    Labels labels;

    /** Column headers: the names, or the Chinese labels of {@link ColumnLabels}. */
    public enum Labels { en, zh }

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "the query; omit it for the interactive shell")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", description = "read the query from a file (e.g. docs/queries/*.sql)")
    Path file;

    @Override
    public Integer call() throws Exception {
        boolean xlsx = format.equalsIgnoreCase("xlsx");
        ResultPrinter.Format fmt = xlsx ? null : ResultPrinter.parse(format);
        if (xlsx && out == null) {
            System.err.println("fazhi sql: --format xlsx writes a workbook: give the file with --out FILE");
            return ExitCodes.USAGE;
        }
        if (file != null) {
            if (sql != null) {
                System.err.println("fazhi sql: give the query as an argument or with --file, not both");
                return ExitCodes.USAGE;
            }
            try {
                sql = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("fazhi sql: cannot read " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        if (sql == null && (out != null || xlsx)) {
            System.err.println("fazhi sql: --out and --format xlsx need a query (the shell has .output FILE)");
            return ExitCodes.USAGE;
        }
        Connection c;
        try {
            c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse));
        } catch (SQLException e) {
            System.err.println("fazhi sql: " + e.getMessage());
            return Files.isDirectory(new WarehouseLayout(warehouse).current()) ? ExitCodes.RUN_FAILED : ExitCodes.USAGE;
        }
        try (c) {
            if (sql == null) {
                return shell(c, fmt);
            }
            String command = sql.trim();
            if (command.startsWith(".") && !command.contains("\n")) {
                return dotCommand(c, fmt, command);
            }
            UnaryOperator<String> label = labels == Labels.zh ? ColumnLabels.chinese()::label : UnaryOperator.identity();
            try (var st = c.createStatement()) {
                if (st.execute(sql)) {
                    try (var rs = st.getResultSet()) {
                        if (out != null) {
                            long rows = xlsx ? XlsxResultWriter.write(rs, out, label) : writeFile(rs, fmt, label);
                            System.err.println("fazhi sql: " + rows + (rows == 1 ? " row" : " rows") + " written to " + out);
                        } else {
                            PrintWriter screen = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
                            if (fmt == ResultPrinter.Format.CSV && Boolean.TRUE.equals(bom)) {
                                screen.print(BYTE_ORDER_MARK);
                            }
                            ResultPrinter.print(rs, fmt, screen, label);
                            screen.flush();
                        }
                    }
                }
            } catch (SQLException e) {
                System.err.println("fazhi sql: " + SqlShell.errorText(e));
                return ExitCodes.ofQuery(e);
            } catch (IOException e) {
                System.err.println("fazhi sql: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /** The shell on a terminal; fed by a pipe or a file, the statements in turn, without banner or prompts. */
    private static int shell(Connection c, ResultPrinter.Format fmt) throws IOException {
        SqlShell shell = new SqlShell(c, fmt);
        if (System.console() != null) {
            return shell.runOnTerminal();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
        int code = shell.run(prompt -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, out, err, false);
        out.flush();
        return code;
    }

    /** One shell dot-command given as the query (./fazhi sql ".schema mentions"). */
    private static int dotCommand(Connection c, ResultPrinter.Format fmt, String command) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
        int code = SqlShell.isQuit(command) ? ExitCodes.OK : new SqlShell(c, fmt).oneShot().dotCommand(command, out, err);
        out.flush();
        return code;
    }

    /**
     * The help's description with the names of the warehouse's tables in place of {tables}: its table definitions
     * ({@link WarehouseTable}) and the views schema/warehouse.sql derives from them ({@link SchemaComments}). Done
     * when the help is shown (HelpText), not when the command line is built: reading schema/warehouse.sql at every
     * start of every command cost about a tenth of `fazhi sql "select 1"`.
     */
    static String[] withTableNames(String[] description) {
        if (Arrays.stream(description).noneMatch(d -> d.contains(TABLES))) {
            return description;
        }
        String tables = Arrays.stream(WarehouseTable.values()).map(WarehouseTable::tableName)
                .collect(Collectors.joining(", "));
        List<String> derived = SchemaComments.bundled().statements().stream()
                .filter(SchemaComments.CommentStatement::creates).map(SchemaComments.CommentStatement::view)
                .distinct().toList();
        String names = tables + (derived.isEmpty() ? "" : "; derived from them: " + String.join(", ", derived));
        return Arrays.stream(description).map(d -> d.replace(TABLES, names)).toArray(String[]::new);
    }

    /**
     * A text format to {@code out}, returning the rows written; CSV with a byte-order mark unless --no-bom (Excel
     * reads a CSV without one in the system code page, GBK on a Chinese Windows).
     */
    private long writeFile(ResultSet rs, ResultPrinter.Format fmt, UnaryOperator<String> label)
            throws SQLException, IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            if (fmt == ResultPrinter.Format.CSV && !Boolean.FALSE.equals(bom)) {
                file.print(BYTE_ORDER_MARK);
            }
            long rows = ResultPrinter.print(rs, fmt, file, label);
            if (file.checkError()) {
                throw new IOException("write failed");
            }
            return rows;
        }
    }
}
