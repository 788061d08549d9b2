package fazhi.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a base-R script from src/test/resources/r with {@code Rscript --vanilla}. A missing Rscript fails
 * the test (CI installs r-base-core); it never skips.
 */
final class RScript {
    private RScript() {
    }

    static void run(String script, Path... args) throws Exception {
        run(script, List.of(), args);
    }

    /** Runs the script with the files first and then {@code parameters} as its arguments. */
    static void run(String script, List<String> parameters, Path... args) throws Exception {
        Path source = Path.of("src/test/resources/r", script).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of("Rscript", "--vanilla", source.toString()));
        for (Path a : args) {
            cmd.add(a.toString());
        }
        cmd.addAll(parameters);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("Rscript is not on PATH; the R comparison tests need R (apt-get install r-base-core): "
                    + e.getMessage());
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Rscript " + script + " timed out");
        }
        if (p.exitValue() != 0) {
            fail("Rscript " + script + " failed (" + p.exitValue() + "):\n" + output);
        }
    }

    /** Reads a CSV written by R's write.csv(row.names = FALSE, na = "NA"): key column -> column -> text. */
    static Map<String, Map<String, String>> readCsv(Path file, String... keyColumns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = unquote(lines.get(0).split(",", -1));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = unquote(line.split(",", -1));
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            StringBuilder key = new StringBuilder();
            for (String k : keyColumns) {
                key.append(key.length() == 0 ? "" : "|").append(row.get(k));
            }
            rows.put(key.toString(), row);
        }
        return rows;
    }

    private static String[] unquote(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                cells[i] = c.substring(1, c.length() - 1);
            }
        }
        return cells;
    }

    /** A number printed by R, or null for NA / NaN. */
    static Double number(String text) {
        return text == null || text.equals("NA") || text.equals("NaN") || text.isEmpty() ? null
                : Double.valueOf(text);
    }
}
