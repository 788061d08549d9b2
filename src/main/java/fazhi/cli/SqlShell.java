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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The interactive SQL shell: statements end with ';' and may span lines; dot-commands for the things
 * one keeps asking (.tables, .schema, .timer, .format, .output). History is kept in ~/.fazhi_history.
 */
final class SqlShell {
    private final Connection connection;
    private ResultPrinter.Format format;
    private boolean timer;
    private Path output;

    SqlShell(Connection connection, ResultPrinter.Format format) {
        this.connection = connection;
        this.format = format;
    }

    /** Where the shell's lines come from: JLine on a terminal, or any reader (tests, scripts). */
    interface Lines {
        /** The next line, "" after an interrupt (Ctrl-C), or null at the end of input. */
        String read(String prompt);
    }

    /** The interactive shell on the system terminal, with history in ~/.fazhi_history. */
    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".fazhi_history"))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                    .build();
            return run(prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    return "";
                } catch (EndOfFileException e) {
                    return null;
                }
            }, terminal.writer());
        }
    }

    int run(Lines lines, PrintWriter out) {
        out.println("fazhi SQL shell on DuckDB. End statements with ';'. Type .help for commands, .quit to leave.");
        StringBuilder statement = new StringBuilder();
        while (true) {
            String line = lines.read(statement.isEmpty() ? "fazhi> " : "   ...> ");
            if (line == null) {
                out.flush();
                return ExitCodes.OK;
            }
            String trimmed = line.trim();
            if (statement.isEmpty() && trimmed.startsWith(".")) {
                if (!dotCommand(trimmed, out)) {
                    out.flush();
                    return ExitCodes.OK;
                }
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                execute(statement.toString(), out);
                statement.setLength(0);
            }
        }
    }

    /** Returns false when the shell should end. */
    private boolean dotCommand(String command, PrintWriter out) {
        String[] parts = command.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].trim() : "";
        switch (parts[0]) {
            case ".quit", ".exit" -> {
                return false;
            }
            case ".help" -> out.println("""
                    .tables              list the tables
                    .schema TABLE        columns of a table, with their types
                    .timer on|off        print how long each statement took
                    .format table|csv|json
                    .output FILE         write results to FILE (csv/json export); .output alone: back to the screen
                    .quit                leave""");
            case ".tables" -> execute("SELECT table_name AS \"table\" FROM information_schema.tables ORDER BY 1", out);
            case ".schema" -> {
                if (arg.isEmpty()) {
                    out.println("usage: .schema TABLE");
                } else {
                    execute("SELECT column_name AS \"column\", data_type AS type FROM information_schema.columns "
                            + "WHERE table_name = '" + arg.replace("'", "''") + "' ORDER BY ordinal_position", out);
                }
            }
            case ".timer" -> timer = arg.equalsIgnoreCase("on");
            case ".format" -> {
                try {
                    format = ResultPrinter.parse(arg);
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                }
            }
            case ".output" -> output = arg.isEmpty() ? null : Path.of(arg);
            default -> out.println("unknown command " + parts[0] + " (type .help)");
        }
        return true;
    }

    private void execute(String sql, PrintWriter screen) {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    if (output == null) {
                        ResultPrinter.print(rs, format, screen);
                    } else {
                        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                            long rows = ResultPrinter.print(rs, format, file);
                            screen.println(rows + " rows written to " + output);
                        }
                    }
                }
            } else {
                screen.println("OK");
            }
        } catch (SQLException | IOException e) {
            screen.println("Error: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (timer) {
            screen.printf("Run time: %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
        screen.flush();
    }
}
