package fazhi.cli;

import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlShellTest {
    @TempDir
    Path tmp;

    private final StringWriter results = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private final List<String> prompts = new ArrayList<>();
    private int exitCode;

    /** An interactive session: what the screen shows (results, errors and the banner together). */
    private String session(String input) throws Exception {
        return session(input, true);
    }

    /** The lines of {@code input}, with {@link SqlShell#INTERRUPTED} wherever it has the character Ctrl-C sends. */
    private String session(String input, boolean interactive) throws Exception {
        Iterator<String> lines = input.lines().iterator();
        PrintWriter out = new PrintWriter(results);
        try (Connection c = WarehouseConnection.openDuckDb()) {
            c.createStatement().execute("CREATE VIEW observations AS SELECT '371525' AS region_code, 181.0::DOUBLE AS value");
            exitCode = new SqlShell(c, ResultPrinter.Format.TABLE).run(prompt -> {
                prompts.add(prompt);
                return lines.hasNext() ? lines.next() : null;
            }, out, interactive ? out : new PrintWriter(errors), interactive);
        }
        return results.toString();
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
        assertThat(out).contains("1 row written to").contains("Error:").containsPattern("two\\R2");
    }

    @Test
    void ctrlCEmptiesTheStatementBeingTypedAndTheNextPromptIsTheMainOne() throws Exception {
        String out = session("select region_code,\n" + SqlShell.INTERRUPTED + "\n.quit\nselect 42 as after_quit;\n");

        assertThat(prompts).containsExactly("fazhi> ", "   ...> ", "fazhi> ");
        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out).doesNotContain("371525").doesNotContain("after_quit").doesNotContain("Error");
    }

    @Test
    void anEmptyLineAtTheMainPromptStaysAtTheMainPrompt() throws Exception {
        session("\n\n.quit\n");

        assertThat(prompts).containsExactly("fazhi> ", "fazhi> ", "fazhi> ");
    }

    @Test
    void schemaOfATableThatDoesNotExistSaysSoInsteadOfAnEmptyTable() throws Exception {
        String out = session(".schema nosuchtable\n.quit\n");

        assertThat(out).contains("no table named nosuchtable").doesNotContain("(0 rows)");
    }

    @Test
    void aQueryErrorKeepsDuckDbsHintsAndTheCaretLine() throws Exception {
        String out = session("select * from observation;\nselect valeu from observations;\n.quit\n");

        assertThat(out).contains("Table with name observation does not exist").contains("Did you mean \"observations\"")
                .contains("LINE 1: select * from observation").contains("^")
                .contains("Candidate bindings: \"value\"");
    }

    @Test
    void pipedInputHasNoBannerNorPromptsAndStopsAtTheFirstErrorWithItsExitCode() throws Exception {
        String out = session("select 1 as one;\nselec 2;\nselect 3 as three;\n", false);

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(out).contains("one").doesNotContain("three").doesNotContain("fazhi SQL shell").doesNotContain("fazhi>");
        assertThat(prompts).containsOnly("");
        assertThat(errors.toString()).startsWith("fazhi sql: line 2: Parser Error").contains("selec");
    }

    @Test
    void pipedInputRunsALastStatementWithoutItsSemicolon() throws Exception {
        String out = session("select 7 as seven", false);

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out).containsPattern("seven\\R-+\\R7");
    }

    @Test
    void anUnknownDotCommandInAScriptIsAnError() throws Exception {
        session(".tabels\nselect 1;\n", false);

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(errors.toString()).contains("unknown command .tabels");
        assertThat(results.toString()).isEmpty();
    }
}
