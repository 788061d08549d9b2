package fazhi.cli;

import fazhi.config.TestWarehouses;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two commands that write on one warehouse at once, in every combination of run / ingest / stats / the demo:
 * exactly one writes, the other exits 4 before touching anything, and the warehouse is the one of the first
 * command alone. The first command is a real child JVM holding the OS lock; the second runs in this JVM.
 */
class ConcurrentRunsTests {

    /** The commands that write to a warehouse. */
    enum Writer {
        RUN, INGEST, STATS, DEMO;

        List<String> args(Path input, Path warehouse) {
            return switch (this) {
                case RUN -> List.of("run", "--input", input.toString(), "--warehouse", warehouse.toString());
                case INGEST -> List.of("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
                case STATS -> List.of("stats", "--warehouse", warehouse.toString());
                // no --input: the bundled reports plus the generated panel, written into warehouse/_demo
                case DEMO -> List.of("run", "--warehouse", warehouse.toString());
            };
        }
    }

    @TempDir
    Path tmp;

    /** A published demo warehouse (with _demo, statistics and a job repository), built once for the class. */
    @TempDir
    static Path shared;
    static Path input;
    static Path demoWarehouse;

    @BeforeAll
    static void publishTheDemo() {
        input = TestWarehouses.copyOfSampleData(shared.resolve("in"));
        demoWarehouse = shared.resolve("wh");
        assertThat(FazhiMain.execute(Writer.DEMO.args(input, demoWarehouse).toArray(String[]::new)))
                .isIn(ExitCodes.OK, ExitCodes.PUBLISHED_WITH_QUARANTINES);
    }

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int execute(List<String> args) {
        return FazhiMain.execute(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aCommandThatFindsTheWarehouseHeldExitsFourAndTouchesNothing(Writer second) throws Exception {
        Path warehouse = demoWarehouse;
        Map<String, String> before = snapshot(warehouse);

        int code;
        try (WarehouseLock held = WarehouseLock.acquire(new WarehouseLayout(warehouse), "the-first-run")) {
            console.clear();
            code = execute(second.args(input, warehouse));
        }

        assertThat(code).as(console.stderr()).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
        assertThat(console.stderr()).contains("the-first-run");
        assertThat(changes(before, snapshot(warehouse))).as("files and folders of the warehouse (_demo included) "
                + "that the second command created, changed or removed").isEmpty();
    }

    @Test
    void aRefusedAttemptInTheJvmThatHoldsTheLockLeavesTheWarehouseLockedForOtherProcesses() throws Exception {
        Path warehouse = tmp.resolve("held");
        Path log = tmp.resolve("other.log");
        try (WarehouseLock held = WarehouseLock.acquire(new WarehouseLayout(warehouse), "the-first-run")) {
            // closing a channel on the lock file would free the POSIX lock of this whole process
            assertThat(execute(Writer.INGEST.args(input, warehouse))).isEqualTo(ExitCodes.WAREHOUSE_BUSY);

            Process other = start(Writer.INGEST.args(input, warehouse), log);
            assertThat(other.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(other.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
            assertThat(Files.readString(log)).contains("the-first-run");
        }
    }

    @Test
    @Tag("slow")
    void whileEachKindOfRunHoldsTheWarehouseEveryOtherKindExitsFourAndTheWarehouseIsThatOfTheFirstAlone()
            throws Exception {
        Path contended = tmp.resolve("contended");
        Path alone = tmp.resolve("alone");
        // each first command in turn, the demo first (a fresh warehouse), so that stats has something to recompute
        List<Writer> firsts = List.of(Writer.DEMO, Writer.INGEST, Writer.STATS, Writer.RUN);
        List<String> combinations = new ArrayList<>();
        for (Writer first : firsts) {
            Path log = tmp.resolve("first-" + first + ".log");
            Process holder = start(first.args(input, contended), log);
            long pid = holder.pid();
            awaitLockHeldBy(contended, pid, holder);
            for (Writer second : Writer.values()) {
                console.clear();
                int code = execute(second.args(input, contended));
                if (code != ExitCodes.WAREHOUSE_BUSY) {
                    holder.waitFor(2, TimeUnit.MINUTES); // so that the message shows all the first one did
                }
                assertThat(code).as("%s while %s runs: %s%nthe first command's output:%n%s", second, first, console.stderr(),
                        Files.readString(log)).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
                assertThat(console.stderr()).contains("pid " + pid);
                combinations.add(first + "+" + second);
            }
            assertThat(holder.waitFor(10, TimeUnit.MINUTES)).isTrue();
            int firstCode = holder.exitValue();

            int aloneCode = execute(first.args(input, alone));
            assertThat(firstCode).as("%s's exit code, with others trying meanwhile and alone", first)
                    .isEqualTo(aloneCode);
            assertThat(fingerprint(contended)).as("the warehouse after %s", first).isEqualTo(fingerprint(alone));
        }
        assertThat(combinations).hasSize(16);
        // the demo's figures all arrived: none of its files vanished under it
        assertThat(TestWarehouses.count(contended, "SELECT count(*) FROM submissions WHERE reason LIKE '%missing%' "
                + "OR reason LIKE '%NoSuchFile%' OR reason LIKE '%not found%'")).isZero();
    }

    private Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "fazhi.cli.FazhiMain"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** The lock file names its holder once the lock is taken (see WarehouseLock). */
    private static void awaitLockHeldBy(Path warehouse, long pid, Process holder) throws Exception {
        Path lock = warehouse.resolve("_lock");
        for (int i = 0; i < 6000; i++) {
            if (Files.exists(lock) && Files.readString(lock, StandardCharsets.UTF_8).contains("pid " + pid + ",")) {
                return;
            }
            assertThat(holder.isAlive()).as("the first command ended before it held the lock").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the first command never took the lock");
    }

    /** Path → kind, size and modification time of everything under the warehouse but the lock file itself. */
    private static Map<String, String> snapshot(Path warehouse) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(warehouse)) {
            for (Path p : walk.toList()) {
                if (p.equals(warehouse.resolve("_lock"))) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                files.put(warehouse.relativize(p).toString(), (a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p)
                        : a.isDirectory() ? "dir" : "file " + a.size()) + " " + a.lastModifiedTime().toInstant());
            }
        }
        return files;
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((path, what) -> {
            if (!what.equals(after.get(path))) {
                changed.add(path + ": " + what + " -> " + after.get(path));
            }
        });
        after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(p -> changed.add(p + ": new"));
        return changed;
    }

    private static String fingerprint(Path warehouse) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.addAll(query(warehouse, "SELECT count(*), count(DISTINCT (region_code, year, indicator)), "
                + "round(sum(value), 6), count(DISTINCT submission_id), count(*) FILTER (WHERE synthetic) FROM observations"));
        rows.addAll(query(warehouse, "SELECT status, count(*), sum(observations) FROM submissions GROUP BY 1 ORDER BY 1"));
        rows.addAll(query(warehouse, "SELECT count(*), count(*) FILTER (WHERE chosen) FROM mentions"));
        rows.addAll(query(warehouse, "SELECT rule, count(*) FROM validation_issues GROUP BY 1 ORDER BY 1"));
        rows.addAll(query(warehouse, "SELECT (SELECT count(*) FROM trends), (SELECT count(*) FROM outliers), "
                + "(SELECT count(*) FROM benford), (SELECT count(*) FROM rankings), (SELECT count(*) FROM ranking_steps)"));
        return rows.toString();
    }
}
