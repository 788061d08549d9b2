package fazhi.cli;

import fazhi.review.ReviewWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The workbooks fazhi writes, read by a reader other than POI: Debian's python3-openpyxl
 * (src/test/resources/fazhi/xlsx/read_cells.py). A missing reader fails the test (.ci/prerequisites installs it);
 * it never skips.
 */
class XlsxReadBackTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/resources/fazhi/xlsx/read_cells.py");

    static Path warehouse;

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void buildWarehouse() throws Exception {
        warehouse = ExportWarehouse.shared();
    }

    /** The workbook as openpyxl sees it: sheet name -> {freeze, validations, rows of {t, v} or null}. */
    private static JsonNode openpyxl(Path xlsx) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(PYTHON, SCRIPT.toAbsolutePath().toString(), xlsx.toString()).start();
        } catch (IOException e) {
            fail(PYTHON + " is missing; the xlsx read-back test needs Debian's python3 with openpyxl: run "
                    + ".ci/prerequisites (apt-get install python3-openpyxl): " + e.getMessage());
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("openpyxl did not finish reading " + xlsx);
        }
        if (p.exitValue() != 0) {
            fail(err.contains("No module named 'openpyxl'")
                    ? "openpyxl is missing: run .ci/prerequisites (apt-get install python3-openpyxl)"
                    : "openpyxl could not read " + xlsx + ":\n" + err);
        }
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.isNull() ? null : c.path("v").asString()));
        return out;
    }

    @Test
    void openpyxlReadsAnSqlExportWithNumbersAsNumbersAndChineseIntact() throws Exception {
        Path xlsx = tmp.resolve("observations.xlsx");
        assertThat(FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "--format", "xlsx", "--labels", "zh",
                "--out", xlsx.toString(), "SELECT region_name, year, indicator, value, 30.240000000000002::DOUBLE AS noisy "
                        + "FROM observations WHERE region_code = '371525' AND indicator = 'service_items'"))
                .as(console.stderr()).isZero();

        JsonNode sheet = openpyxl(xlsx).path(XlsxResultWriter.SHEET);

        assertThat(sheet.path("freeze").asString()).isEqualTo("A2");
        JsonNode rows = sheet.path("rows");
        assertThat(texts(rows.get(0))).containsExactly("地区", "年度", "指标", "数值", "noisy");
        JsonNode row = rows.get(1);
        assertThat(row.get(0).path("t").asString()).isEqualTo("s");
        assertThat(row.get(0).path("v").asString()).isEqualTo("冠县");
        assertThat(row.get(1).path("t").asString()).isEqualTo("n");
        assertThat(row.get(1).path("v").asDouble()).isEqualTo(2024);
        assertThat(row.get(3).path("t").asString()).isEqualTo("n");
        assertThat(row.get(3).path("v").asDouble()).isEqualTo(1512);
        assertThat(row.get(4).path("v").asDouble()).isEqualTo(30.24);
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void openpyxlReadsAReviewExportWithItsContractHeaderAndDecisionDropdown() throws Exception {
        Path xlsx = tmp.resolve("review.xlsx");
        assertThat(FazhiMain.execute("review", "export", "--warehouse", warehouse.toString(), "--out", xlsx.toString()))
                .as(console.stderr()).isZero();

        JsonNode book = openpyxl(xlsx);

        JsonNode sheet = book.path(ReviewWorkbook.SHEET);
        assertThat(book.has(ReviewWorkbook.ABOUT_SHEET)).isTrue();
        assertThat(sheet.path("freeze").asString()).isEqualTo("A2");
        JsonNode rows = sheet.path("rows");
        assertThat(texts(rows.get(0))).containsExactlyElementsOf(ReviewWorkbook.COLUMNS);
        JsonNode first = rows.get(1);
        int c = ReviewWorkbook.COLUMNS.indexOf("region_name");
        assertThat(first.get(c).path("v").asString()).isEqualTo("湄潭县");
        for (String numeric : List.of("priority", "year", "extracted_value", "char_offset")) {
            assertThat(first.get(ReviewWorkbook.COLUMNS.indexOf(numeric)).path("t").asString()).as(numeric).isEqualTo("n");
        }
        assertThat(first.get(ReviewWorkbook.COLUMNS.indexOf("region_code")).path("t").asString()).isEqualTo("s");
        assertThat(first.get(ReviewWorkbook.COLUMNS.indexOf("sentence")).path("v").asString()).contains("案卷");
        for (int r = 1; r < rows.size(); r++) {
            for (int k = ReviewWorkbook.COLUMNS.indexOf("decision"); k < ReviewWorkbook.COLUMNS.size(); k++) {
                JsonNode cell = rows.get(r).get(k);
                assertThat(cell == null || cell.isNull()).as("row " + r + " column " + k).isTrue();
            }
        }
        JsonNode validation = sheet.path("validations").get(0);
        assertThat(validation.path("formula1").asString()).isEqualTo("\"accept,correct,not_reported\"");
        assertThat(validation.path("sqref").asString()).isEqualTo("P2:P" + (rows.size()));
    }
}
