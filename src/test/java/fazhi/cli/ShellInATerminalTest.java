package fazhi.cli;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fazhi sql} as a separate process: in a pseudo-terminal (python3's pty module types the keys, see
 * terminal-session.py), and fed by a pipe.
 */
class ShellInATerminalTest {
    @TempDir
    Path tmp;
    Path warehouse;

    /** A published warehouse with one observations file: enough for the shell, made in a moment. */
    @BeforeEach
    void publish() throws Exception {
        warehouse = tmp.resolve("wh");
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        Path version = layout.version("t1");
        Path part = version.resolve("observations/year=2023/province=370000");
        Files.createDirectories(part);
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT '371525' AS region_code, 'litigation_cases' AS indicator, 41.0::DOUBLE AS value) TO '"
                    + part.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        Files.createSymbolicLink(layout.current(), version);
    }

    private List<String> sqlShell() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", FazhiMain.class.getName(),
                "sql", "--warehouse", warehouse.toString());
    }

    private record Ended(int code, String stdout, String stderr) {
    }

    private Ended run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", tmp.toString());   // the shell's history file goes there
        pb.redirectError(tmp.resolve("stderr.txt").toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Ended(p.exitValue(), out, Files.readString(tmp.resolve("stderr.txt")));
    }

    @Test
    void atATerminalCtrlCClearsTheStatementAndQuitStillLeaves() throws Exception {
        Path script = tmp.resolve("terminal-session.py");
        try (InputStream in = getClass().getResourceAsStream("terminal-session.py")) {
            Files.copy(in, script);
        }
        List<List<String>> steps = List.of(
                List.of("", "fazhi> "),
                List.of("select value + 1 as next,\r", "   ...> "),
                List.of("region_code from observations;\r", "(1 row)"),
                List.of("select region_code,\r", "   ...> "),
                List.of("\u0003", "fazhi> "),
                List.of(".schema nosuchtable\r", "no table named nosuchtable"),
                List.of("select * from observation;\r", "Did you mean \"observations\"?"),
                List.of(".quit\r", ""));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                JsonMapper.builder().build().writeValueAsString(steps)));
        command.addAll(sqlShell());

        Ended session = run(command, "");

        String screen = session.stdout();
        assertThat(session.code()).as(screen).isZero();
        assertThat(screen).endsWith("exit=0\n").contains("fazhi SQL shell").containsPattern("42 +\\| 371525");
        // after Ctrl-C the main prompt, and .quit is a command there, not the rest of a statement
        String afterCtrlC = screen.substring(screen.lastIndexOf("select region_code,"));
        assertThat(afterCtrlC).containsPattern("fazhi> \\.schema nosuchtable").doesNotContain("Parser Error");
        assertThat(screen).contains("LINE 1: select * from observation");
    }

    @Test
    void pipedStatementsRunWithoutBannerOrPromptsAndTheFirstErrorGivesTheExitCode() throws Exception {
        Ended piped = run(sqlShell(), "select count(*) as n from observations;\nselec 1;\nselect 2 as two;\n");

        assertThat(piped.code()).as(piped.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(piped.stdout()).isEqualTo("n\n-\n1\n(1 row)\n");
        assertThat(piped.stderr()).contains("Parser Error").contains("selec").doesNotContain("fazhi>");
    }
}
