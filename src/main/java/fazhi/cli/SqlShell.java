package fazhi.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL shell: statements end with ';' and may span lines; dot-commands for the things one keeps asking
 * (.tables, .schema, .timer, .format, .output). On a terminal it behaves like DuckDB's and psql's: a banner,
 * prompts, history in ~/.fazhi_history, Ctrl-C empties the statement being typed. Fed by a pipe or a file it is a
 * script runner: no banner or prompts, results on stdout, and the first error ends it with its exit code.
 */
final class SqlShell {
    /** What {@link Lines#read} returns for Ctrl-C: the character the key sends. */
    static final String INTERRUPTED = "\u0003";

    private final Connection connection;
    private ResultPrinter.Format format;
    private boolean timer;
    private Path output;
    /** What an error message starts with: "Error: " on the screen; the line it happened on in a script. */
    private String errorPrefix = "Error: ";

    SqlShell(Connection connection, ResultPrinter.Format format) {
        this.connection = connection;
        this.format = format;
    }

    /** Where the shell's lines come from: JLine on a terminal, or any reader (pipes, tests). */
    interface Lines {
        /** The next line, {@link #INTERRUPTED} after Ctrl-C, or null at the end of input. */
        String read(String prompt);
    }

    /** The interactive shell on the system terminal, with history in ~/.fazhi_history. */
    int runOnTerminal() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".fazhi_history"))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                    .build();
            return run(prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    return INTERRUPTED;
                } catch (EndOfFileException e) {
                    return null;
                }
            }, terminal.writer(), terminal.writer(), true);
        }
    }

    /**
     * Reads statements and dot-commands until .quit or the end of input. Interactive: a banner and prompts, and an
     * error is printed and the shell goes on. Otherwise results go to {@code out}, the first error to {@code err},
     * and that error ends the shell with its exit code.
     */
    int run(Lines lines, PrintWriter out, PrintWriter err, boolean interactive) {
        if (interactive) {
            out.println("fazhi SQL shell on DuckDB. End statements with ';'. Type .help for commands, .quit to leave; "
                    + "Ctrl-C clears the statement being typed.");
            out.flush();
        }
        StringBuilder statement = new StringBuilder();
        int lineNumber = 0;
        while (true) {
            String line = lines.read(!interactive ? "" : statement.isEmpty() ? "fazhi> " : "   ...> ");
            lineNumber++;
            if (!interactive && statement.isEmpty()) {
                errorPrefix = "fazhi sql: line " + lineNumber + ": ";
            }
            if (line == null) {
                if (!statement.toString().isBlank()) {
                    // a last statement without its ';' (echo "select 1" | fazhi sql) runs, as in DuckDB's shell
                    int code = execute(statement.toString(), out, err);
                    if (code != ExitCodes.OK && !interactive) {
                        return code;
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (line.equals(INTERRUPTED)) {
                statement.setLength(0);
                continue;
            }
            String trimmed = line.trim();
            if (statement.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            if (statement.isEmpty() && trimmed.startsWith(".")) {
                if (isQuit(trimmed)) {
                    out.flush();
                    return ExitCodes.OK;
                }
                int code = dotCommand(trimmed, out, err);
                if (code != ExitCodes.OK && !interactive) {
                    return code;
                }
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                int code = execute(statement.toString(), out, err);
                statement.setLength(0);
                if (code != ExitCodes.OK && !interactive) {
                    return code;
                }
            }
        }
    }

    static boolean isQuit(String command) {
        return command.equals(".quit") || command.equals(".exit");
    }

    /** Runs one dot-command (not .quit) and returns its exit code; an error is printed to {@code err}. */
    int dotCommand(String command, PrintWriter out, PrintWriter err) {
        String[] parts = command.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].trim() : "";
        switch (parts[0]) {
            case ".help" -> out.println("""
                    .tables              list the tables
                    .schema TABLE        columns of a table, with their types
                    .timer on|off        print how long each statement took
                    .format table|csv|json
                    .output FILE         write results to FILE (csv/json export); .output alone: back to the screen
                    .quit                leave (Ctrl-D too; Ctrl-C clears the statement being typed)""");
            case ".tables" -> {
                return execute("SELECT table_name AS \"table\" FROM information_schema.tables ORDER BY 1", out, err);
            }
            case ".schema" -> {
                return schema(arg, out, err);
            }
            case ".timer" -> timer = arg.equalsIgnoreCase("on");
            case ".format" -> {
                try {
                    format = ResultPrinter.parse(arg);
                } catch (IllegalArgumentException e) {
                    return error(err, e.getMessage(), ExitCodes.USAGE);
                }
            }
            case ".output" -> output = arg.isEmpty() ? null : Path.of(arg);
            default -> {
                return error(err, "unknown command " + parts[0] + " (type .help)", ExitCodes.USAGE);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int schema(String table, PrintWriter out, PrintWriter err) {
        if (table.isEmpty()) {
            return error(err, "usage: .schema TABLE (.tables lists them)", ExitCodes.USAGE);
        }
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return error(err, "no table named " + table + " (.tables lists them)", ExitCodes.USAGE);
                }
            }
        } catch (SQLException e) {
            return error(err, errorText(e), ExitCodes.ofQuery(e));
        }
        return execute("SELECT column_name AS \"column\", data_type AS type FROM information_schema.columns "
                + "WHERE table_name = '" + table.replace("'", "''") + "' ORDER BY ordinal_position", out, err);
    }

    /** Runs a statement, prints its result (or OK) and returns its exit code; an error is printed to {@code err}. */
    private int execute(String sql, PrintWriter screen, PrintWriter err) {
        long start = System.nanoTime();
        int code = ExitCodes.OK;
        try (Statement st = connection.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    if (output == null) {
                        ResultPrinter.print(rs, format, screen);
                    } else {
                        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                            long rows = ResultPrinter.print(rs, format, file);
                            screen.println(rows + (rows == 1 ? " row" : " rows") + " written to " + output);
                        }
                    }
                }
            } else {
                screen.println("OK");
            }
        } catch (SQLException e) {
            code = error(err, errorText(e), ExitCodes.ofQuery(e));
        } catch (IOException e) {
            code = error(err, "cannot write " + output + ": " + e.getMessage(), ExitCodes.RUN_FAILED);
        }
        if (timer) {
            screen.printf("Run time: %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
        screen.flush();
        return code;
    }

    /** One-shot use (./fazhi sql ".schema mentions"): errors start as the command's own do. */
    SqlShell oneShot() {
        errorPrefix = "fazhi sql: ";
        return this;
    }

    private int error(PrintWriter err, String message, int code) {
        err.println(errorPrefix + message);
        err.flush();
        return code;
    }

    /**
     * DuckDB's message with its hints: the error, then "Did you mean …?", the candidate columns and the statement
     * with a caret under the place (blank lines dropped).
     */
    static String errorText(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return String.join(System.lineSeparator(), m.lines().filter(l -> !l.isBlank()).toList());
    }
}
