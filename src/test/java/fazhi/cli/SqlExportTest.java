package fazhi.cli;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports people open: CSV with a byte-order mark for Excel, xlsx, numbers without float noise, Chinese labels. */
class SqlExportTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** 3.024 * 10 in binary floating point: what a unit conversion leaves behind. */
    private static final String NOISY = "SELECT 30.240000000000002::DOUBLE AS rate, 0.1::DOUBLE + 0.2::DOUBLE AS sum, "
            + "1512::DOUBLE AS whole, '冠县' AS region_name";

    static Path warehouse;

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void buildWarehouse() throws Exception {
        warehouse = ExportWarehouse.shared();
    }

    private int sql(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "sql";
        all[1] = "--warehouse";
        all[2] = warehouse.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return FazhiMain.execute(all);
    }

    @Test
    void aCsvFileStartsWithAByteOrderMarkSoThatExcelReadsItsChinese() throws Exception {
        Path csv = tmp.resolve("observations.csv");

        int exit = sql("--format", "csv", "--out", csv.toString(),
                "SELECT region_name, indicator FROM observations WHERE region_code = '371525' ORDER BY ALL");

        assertThat(exit).isZero();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("region_name,indicator\r\n冠县,");
        assertThat(console.stdout()).isEmpty();
        assertThat(console.stderr()).contains("rows written to " + csv);
    }

    @Test
    void noBomLeavesItOutAndTheScreenHasNoneUnlessAsked() throws Exception {
        Path csv = tmp.resolve("plain.csv");
        assertThat(sql("--format", "csv", "--no-bom", "--out", csv.toString(), "SELECT '冠县' AS n")).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("n\r\n冠县\r\n");

        assertThat(sql("--format", "csv", "SELECT '冠县' AS n")).isZero();
        assertThat(console.stdout()).isEqualTo("n\r\n冠县\r\n");
        console.clear();
        assertThat(sql("--format", "csv", "--bom", "SELECT '冠县' AS n")).isZero();
        assertThat(console.stdout()).isEqualTo("\uFEFFn\r\n冠县\r\n");
    }

    @Test
    void numbersCarryNoFloatNoiseInTableCsvAndJson() {
        assertThat(sql("--format", "csv", NOISY)).isZero();
        assertThat(console.stdout()).isEqualTo("rate,sum,whole,region_name\r\n30.24,0.3,1512,冠县\r\n");
        console.clear();
        assertThat(sql(NOISY)).isZero();
        assertThat(console.stdout()).contains("30.24 ").contains("0.3 ").contains("1512 ")
                .doesNotContain("30.240000000000002").doesNotContain("0.30000000000000004");
        console.clear();
        assertThat(sql("--format", "json", NOISY)).isZero();
        assertThat(console.stdout()).contains("\"rate\" : 30.24").contains("\"sum\" : 0.3").contains("\"whole\" : 1512");
    }

    @Test
    void chineseLabelsReplaceTheColumnNamesAndLeaveAQuerysOwnAliases() {
        assertThat(sql("--format", "csv", "--labels", "zh",
                "SELECT region_code, region_name, year, value, count(*) AS n_figures FROM observations "
                        + "WHERE region_code = '371525' GROUP BY ALL ORDER BY ALL LIMIT 1")).isZero();

        assertThat(console.stdout().lines().findFirst().orElseThrow()).isEqualTo("区划代码,地区,年度,数值,n_figures");
    }

    @Test
    void anXlsxExportHasNumbersAsNumbersChineseIntactAndAFrozenHeader() throws Exception {
        Path xlsx = tmp.resolve("out.xlsx");

        int exit = sql("--format", "xlsx", "--labels", "zh", "--out", xlsx.toString(), NOISY + ", true AS flag");

        assertThat(exit).as(console.stderr()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet sheet = wb.getSheet(XlsxResultWriter.SHEET);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row header = sheet.getRow(0);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("地区");
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(30.24);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(0.3);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1512);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("冠县");
            assertThat(row.getCell(4).getBooleanCellValue()).isTrue();
        }
    }

    @Test
    void xlsxNeedsAFile() {
        assertThat(sql("--format", "xlsx", "SELECT 1")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("--out FILE");
    }
}
