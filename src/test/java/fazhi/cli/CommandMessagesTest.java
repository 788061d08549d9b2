package fazhi.cli;

import fazhi.config.TestWarehouses;
import fazhi.warehouse.WarehouseTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each command says when it is asked something wrong, and its help, version and completion. */
class CommandMessagesTest {
    @TempDir
    static Path shared;
    static Path warehouse;

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final InputStream originalIn = System.in;

    /** One published warehouse (the sample reports, with statistics) for every test that only reads. */
    @BeforeAll
    static void publishTheSampleReports() throws Exception {
        warehouse = shared.resolve("wh");
        var outcome = TestWarehouses.run("nightly", TestWarehouses.copyOfSampleData(shared.resolve("in")), warehouse);
        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void sqlKeepsDuckDbsHintsAndTheCaretAndExitsWithTheUsageCode() {
        int code = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "select * from observation");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stdout()).isEmpty();
        assertThat(console.stderr()).startsWith("fazhi sql: Catalog Error: Table with name observation does not exist")
                .contains("Did you mean \"observations\"").contains("LINE 1: select * from observation")
                .containsPattern("\\R +\\^").doesNotContain("\tat ");
    }

    @Test
    void aDotCommandRunsOneShot() {
        int code = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "--format", "csv", ".schema mentions");

        assertThat(code).as(console.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).startsWith("column,type\r\n").contains("region_code,VARCHAR");
    }

    @Test
    void aOneShotSchemaOfAnUnknownTableSaysThereIsNone() {
        int code = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), ".schema nosuchtable");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("no table named nosuchtable");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void pipedStatementsRunWithoutBannerOrPromptsAndTheFirstErrorEndsThemWithItsCode() {
        System.setIn(new ByteArrayInputStream("select 1 as one;\nselec 1;\nselect 3 as three;\n"
                .getBytes(StandardCharsets.UTF_8)));

        int code = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "--format", "csv");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stdout()).isEqualTo("one\r\n1\r\n");
        assertThat(console.stderr()).contains("Parser Error").contains("selec");
    }

    @Test
    void theSameMistakeGivesTheSameExitCodeInEveryCommand() {
        String nowhere = tmp.resolve("nothing-published").toString();

        int sql = FazhiMain.execute("sql", "--warehouse", nowhere, "select 1");
        int rank = FazhiMain.execute("rank", "--warehouse", nowhere, "--year", "2023");
        int disclosure = FazhiMain.execute("rank", "--warehouse", nowhere, "--year", "2023", "--index", "disclosure");
        int report = FazhiMain.execute("report", "--warehouse", nowhere, "--year", "2023", "--out",
                tmp.resolve("r.html").toString());
        int stats = FazhiMain.execute("stats", "--warehouse", nowhere, "--summary-only");
        int jobs = FazhiMain.execute("jobs", "--warehouse", nowhere);

        assertThat(List.of(sql, rank, disclosure, report, stats, jobs)).containsOnly(ExitCodes.USAGE);
        assertThat(console.stderr().lines().toList()).hasSize(6).allMatch(l -> l.startsWith("fazhi "))
                .allMatch(l -> l.contains("nothing-published"));
    }

    @Test
    void rankForAYearTheWarehouseLacksListsTheYearsAndProvincesItHas() {
        int code = FazhiMain.execute("rank", "--warehouse", warehouse.toString(), "--year", "2030", "--index",
                "disclosure", "--province", "山东");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("no disclosure for 2030 in 山东省 (370000)")
                .containsPattern("has disclosure for [0-9, ]*2020").contains(": 山东省 (370000)").doesNotContain("run `./fazhi run`");
    }

    @Test
    void reportNamesAnIndicatorCodeThatIsNotInTheCatalog() {
        Path out = tmp.resolve("r.html");

        int code = FazhiMain.execute("report", "--warehouse", warehouse.toString(), "--year", "2020",
                "--indicators", "foo_rate,litigation_cases", "--out", out.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("foo_rate").doesNotContain("litigation_cases,");
        assertThat(out).doesNotExist();
    }

    @Test
    void logLinesGoToStderrAndQuietLeavesOnlyWarnings() {
        int normal = FazhiMain.execute("stats", "--warehouse", warehouse.toString());
        String normalOut = console.stdout();
        String normalErr = console.stderr();
        console.clear();
        int quiet = FazhiMain.execute("stats", "--quiet", "--warehouse", warehouse.toString());

        assertThat(List.of(normal, quiet)).containsOnly(ExitCodes.OK);
        assertThat(normalOut).contains("statistics of the published warehouse").doesNotContain(" INFO ");
        assertThat(normalErr).contains(" INFO ");
        assertThat(console.stdout()).contains("statistics of the published warehouse").doesNotContain(" INFO ");
        assertThat(console.stderr()).doesNotContain(" INFO ");
    }

    @Test
    void sqlHelpListsEveryTableOfTheWarehouse() {
        FazhiMain.execute("sql", "--help");

        String help = console.stdout().replaceAll("\\s+", " ");
        for (WarehouseTable t : WarehouseTable.values()) {
            assertThat(help).containsPattern(" " + t.tableName() + "[,.;]");
        }
        assertThat(help).contains("derived from them: per_capita.");
    }

    /** Every description, read back from the help with its line breaks undone, is whole: no word was split. */
    @Test
    void helpWrapsAtSpacesOnly() {
        CommandLine cli = new CommandLine(new FazhiMain());
        List<String> missing = new ArrayList<>();
        for (CommandLine command : cli.getSubcommands().values()) {
            console.clear();
            FazhiMain.execute(command.getCommandName(), "--help");
            String help = console.stdout().replaceAll("\\s+", " ");
            CommandSpec spec = command.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) {
                texts.addAll(List.of(arg.description()));
            }
            for (String text : texts) {
                String whole = text.replace("%n", " ").replaceAll("\\s+", " ").trim();
                if (!whole.contains("${") && !whole.contains("{tables}") && !help.contains(whole)) {
                    missing.add(command.getCommandName() + ": " + whole);
                }
            }
        }
        assertThat(missing).isEmpty();
        console.clear();
        FazhiMain.execute("run", "--help");
        assertThat(console.stdout()).contains("jdbc:postgresql://127.0.0.1:5432/fazhi?user=fazhi").contains("manifest.csv");
    }

    @Test
    void versionNamesEachKnowledgeFileWithItsHash() throws Exception {
        int code = FazhiMain.execute("--version");

        String indicators = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Path.of("schema/indicators.yaml")))).substring(0, 12);
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).startsWith("fazhi ").contains(indicators + "  schema/indicators.yaml")
                .contains("  jobs/ranking-default.yaml").contains("  schema/regions.csv")
                .doesNotContain("README");
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        int code = FazhiMain.execute("completion");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).contains("complete -F").contains("./fazhi").contains("sql").contains("rank")
                .contains("--warehouse").contains("--quiet");
    }
}
