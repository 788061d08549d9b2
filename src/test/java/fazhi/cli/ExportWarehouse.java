package fazhi.cli;

import fazhi.config.TestWarehouses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warehouse the export and review tests read: the nightly job (statistics included) over the sample reports
 * plus one short report of 高唐县 (2023) that states an impossible rate (150 %, held back by rule rate_in_range) and
 * one more figure, so that it breaks report_completeness. Built once per test JVM (the tests only read it) and
 * removed when the JVM ends.
 */
final class ExportWarehouse {
    private static Path shared;

    static final String THIN_REPORT = "005_thin_report.txt";
    static final String THIN_REPORT_TEXT = """
            高唐县2023年法治政府建设情况的报告

            2023年，全县行政机关负责人出庭应诉率达150%。全年共受理行政复议案件12件。

            高唐县人民政府
            2024年3月1日
            """;

    private ExportWarehouse() {
    }

    static synchronized Path shared() throws Exception {
        if (shared == null) {
            Path tmp = Files.createTempDirectory("fazhi-export-warehouse");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
            shared = build(tmp);
        }
        return shared;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static Path build(Path tmp) throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.writeString(input.resolve(THIN_REPORT), THIN_REPORT_TEXT, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("manifest.csv"), THIN_REPORT + ",371526,2023,\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path warehouse = tmp.resolve("wh");
        var outcome = TestWarehouses.run("nightly", input, warehouse);
        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
        return warehouse;
    }

    /** The text of a sample report (or the thin one) as fazhi decodes a .txt file: the file, newlines as LF, no BOM. */
    static String reportText(Path warehouse, String file) throws IOException {
        Path path = file.equals(THIN_REPORT) ? warehouse.resolveSibling("in").resolve(file) : Path.of("sample-data", file);
        String text = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
