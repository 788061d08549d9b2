package fazhi.cli;

import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./fazhi run} started from another folder finds the bundled sample-data through the project folder the
 * launcher passes (fazhi.home). The warehouse is held by this test, so that the run stops at the lock (exit 4)
 * right after it has found its input, instead of running the whole demo.
 */
class RunFromAnotherFolderTest {
    @TempDir
    Path elsewhere;

    private Process run(boolean withHome) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        if (withHome) {
            command.add("-Dfazhi.home=" + Path.of("").toAbsolutePath());
        }
        command.addAll(List.of(FazhiMain.class.getName(), "run", "--warehouse", "wh"));
        return new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out.txt").toFile())
                .redirectError(elsewhere.resolve("err.txt").toFile()).start();
    }

    private int exitOf(Process p) throws InterruptedException {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    @Test
    void theLaunchersFolderLocatesTheSampleDataFromAnyFolder() throws Exception {
        try (var held = WarehouseLock.acquire(new WarehouseLayout(elsewhere.resolve("wh")), "the-test")) {
            int withHome = exitOf(run(true));
            String err = Files.readString(elsewhere.resolve("err.txt"), StandardCharsets.UTF_8);

            assertThat(withHome).as(err).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
            assertThat(err).contains("the-test");

            int withoutHome = exitOf(run(false));

            assertThat(withoutHome).isEqualTo(ExitCodes.USAGE);
            assertThat(Files.readString(elsewhere.resolve("err.txt"), StandardCharsets.UTF_8))
                    .contains("no sample-data folder in " + elsewhere.toRealPath()).contains("--input");
        }
    }
}
