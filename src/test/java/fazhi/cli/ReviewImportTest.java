package fazhi.cli;

import fazhi.config.TestWarehouses;
import fazhi.review.ReviewImport;
import fazhi.review.ReviewWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fazhi.config.TestWarehouses.count;
import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;

/** `fazhi review import`: the decisions of a filled-in review workbook become corrections that the next run applies. */
class ReviewImportTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void decisionsOfAnExportedWorkbookAreAppliedByTheNextNightlyRun() throws Exception {
        Exported exported = runAndExport("nightly");
        Path input = exported.input();
        Path warehouse = exported.warehouse();
        Path xlsx = exported.workbook();

        // 湄潭县 2020: 24份案卷 was chosen, the reviewer reads the 55 reviewed files as the figure; and takes another
        // published figure of the queue out as not stated
        String meitan = "region_code = '520328' AND year = 2020 AND indicator = 'case_files_reviewed'";
        String other;
        int correctRow;
        int notReportedRow;
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(ReviewWorkbook.SHEET);
            Row correct = find(sheet, r -> text(r, "region_code").equals("520328")
                    && text(r, "indicator").equals("case_files_reviewed"));
            assertThat(correct.getCell(col("extracted_value")).getNumericCellValue()).isEqualTo(24.0);
            correct.createCell(col("decision")).setCellValue("correct");
            correct.createCell(col("corrected_value")).setCellValue(55);
            correct.createCell(col("reason")).setCellValue("55份卷宗 were reviewed; 24份案卷 were submitted");
            correct.createCell(col("reviewer")).setCellValue("王统计");
            Row notReported = find(sheet, r -> !r.equals(correct) && text(r, "region_code").startsWith("52"));
            notReported.createCell(col("decision")).setCellValue("not_reported");
            correctRow = correct.getRowNum() + 1;
            notReportedRow = notReported.getRowNum() + 1;
            other = "region_code = '" + text(notReported, "region_code") + "' AND year = " + text(notReported, "year")
                    + " AND indicator = '" + text(notReported, "indicator") + "'";
            try (OutputStream os = Files.newOutputStream(xlsx)) {
                wb.write(os);
            }
        }
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + other)).isEqualTo(1);
        console.clear();

        int exit = FazhiMain.execute("review", "import", xlsx.toString(), "--warehouse", warehouse.toString(),
                "--by", "李审核");

        assertThat(exit).as(console.stdout() + console.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).contains("2 decided, 2 recorded as corrections, 0 already recorded (an earlier import), 0 accepted")
                .contains("undecided (skipped), 0 not usable");
        TestWarehouses.run("nightly", input, warehouse);

        assertThat(query(warehouse, "SELECT value, corrected, extracted_value FROM observations WHERE " + meitan))
                .containsExactly(List.of("55.0", "true", "24.0"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + other)).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM mentions WHERE chosen AND " + other)).isEqualTo(1);
        List<List<String>> corrections = query(warehouse, "SELECT indicator, status, not_reported, corrected_by, reason, "
                + "evidence FROM corrections ORDER BY not_reported");
        assertThat(corrections).hasSize(2).allSatisfy(c -> assertThat(c.get(1)).isEqualTo("applied"));
        assertThat(corrections.get(0)).startsWith("case_files_reviewed", "applied", "false", "王统计",
                "55份卷宗 were reviewed; 24份案卷 were submitted");
        assertThat(corrections.get(0).get(5)).startsWith("review.xlsx row " + correctRow + ": 002_3c2dc1afcfd2df07.txt @ ")
                .contains("24份案卷");
        assertThat(corrections.get(1).subList(1, 5)).containsExactly("applied", "true", "李审核",
                "review workbook review.xlsx, row " + notReportedRow);
    }

    @Test
    void rowsThatCannotBeUsedAreListedWithTheirRowNumberAndTheOthersRecorded() throws Exception {
        Path warehouse = Files.createDirectories(tmp.resolve("wh"));
        Path xlsx = tmp.resolve("decisions.xlsx");
        // columns reordered, one added; numbers typed as text, with spaces and full-width digits
        workbook(xlsx, List.of("decision", "notes", "indicator", "year", "region_code", "corrected_value", "reason"),
                List.of("correct", "", "litigation_cases", "2020", "520328 ", "４２", "printed report p. 3"),
                List.of("", "", "litigation_cases", "2021", "520328", "", ""),
                List.of("correct", "", "litigation_cases", "2020", "520328", "", ""),
                List.of("correct", "", "litigation_cases", "2020", "520328", "四十二", ""),
                List.of("not_reported", "", "no_such", "2020", "520328", "", "not in the report"),
                List.of("maybe", "", "litigation_cases", "2020", "520328", "", ""),
                List.of("accept", "", "litigation_cases", "2020", "520328", "", ""));

        int exit = FazhiMain.execute("review", "import", xlsx.toString(), "--warehouse", warehouse.toString());

        assertThat(exit).isEqualTo(ExitCodes.SOME_ROWS_NOT_USED);
        assertThat(console.stdout()).contains("7 rows read, 6 decided, 1 recorded as corrections, 0 already recorded "
                        + "(an earlier import), 0 accepted (0 new in review-accepted.csv), 1 undecided (skipped), 5 not usable")
                .contains("not used: row 4 (520328 2020 litigation_cases): correct without a corrected_value")
                .contains("not used: row 5 (520328 2020 litigation_cases): corrected_value '四十二' is not a number")
                .contains("not used: row 6 (520328 2020 no_such): unknown indicator 'no_such'")
                .contains("not used: row 7 (520328 2020 litigation_cases): unknown decision 'maybe'")
                .contains("not used: row 8 (520328 2020 litigation_cases): accept without a submission_id, and no "
                        + "published report of that region and year: export again and decide on the new workbook")
                .doesNotContain("Exception");
        List<String> ledger = Files.readAllLines(warehouse.resolve("corrections.csv"));
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1)).startsWith("520328,2020,litigation_cases,42,exact,,printed report p. 3,");

        // the reviewer fixes nothing and imports again: what was recorded is not recorded twice
        console.clear();
        FazhiMain.execute("review", "import", xlsx.toString(), "--warehouse", warehouse.toString());
        assertThat(console.stdout()).contains("0 recorded as corrections, 1 already recorded (an earlier import)");
        assertThat(Files.readAllLines(warehouse.resolve("corrections.csv"))).isEqualTo(ledger);
    }

    @Test
    void acceptedFiguresLeaveTheQueueUntilTheirValueChanges() throws Exception {
        Exported exported = runAndExport("ingest");
        Path warehouse = exported.warehouse();
        Path xlsx = exported.workbook();
        List<String> acceptedFigures = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(ReviewWorkbook.SHEET);
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.getRow(r);
                row.createCell(col("decision")).setCellValue("accept");
                acceptedFigures.add(text(row, "region_code") + " " + text(row, "year") + "  " + text(row, "indicator"));
            }
            try (OutputStream os = Files.newOutputStream(xlsx)) {
                wb.write(os);
            }
        }
        long queuedBefore = queued(warehouse);
        console.clear();

        assertThat(FazhiMain.execute("review", "import", xlsx.toString(), "--warehouse", warehouse.toString(),
                "--by", "李审核")).as(console.stdout()).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).contains("0 recorded as corrections", "2 accepted (2 new in review-accepted.csv)");
        assertThat(warehouse.resolve("corrections.csv")).doesNotExist();

        console.clear();
        FazhiMain.execute("review", "--warehouse", warehouse.toString(), "--limit", "1000");
        assertThat(console.stdout()).contains("review queue: " + (queuedBefore - 2) + " figures to check")
                .contains("2 accepted by reviewers left out (review-accepted.csv)");
        for (String figure : acceptedFigures) {
            assertThat(console.stdout()).doesNotContain(figure);
        }

        // a second import of the same workbook remembers nothing twice
        console.clear();
        FazhiMain.execute("review", "import", xlsx.toString(), "--warehouse", warehouse.toString());
        assertThat(console.stdout()).contains("2 accepted (0 new in review-accepted.csv)");
        Path ledger = warehouse.resolve("review-accepted.csv");
        List<String> lines = Files.readAllLines(ledger);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", fazhi.review.AcceptedFigures.HEADER));
        assertThat(lines.get(1)).contains(",李审核,").contains("review.xlsx row 2");

        // the accepted value is not the one the warehouse holds (a changed report would do that): listed again
        List<String> fields = new java.util.ArrayList<>(List.of(lines.get(1).split(",", -1)));
        fields.set(3, fields.get(3).isEmpty() ? "1" : fields.get(3) + "1");
        Files.write(ledger, List.of(lines.get(0), String.join(",", fields), lines.get(2)));
        assertThat(queued(warehouse)).isEqualTo(queuedBefore - 1);
    }

    private record Exported(Path input, Path warehouse, Path workbook) {
    }

    /** The sample reports run by {@code job} into a warehouse, and its review queue exported as review.xlsx. */
    private Exported runAndExport(String job) throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        assertThat(TestWarehouses.run(job, input, warehouse).completed()).isTrue();
        Path xlsx = tmp.resolve("review.xlsx");
        assertThat(FazhiMain.execute("review", "export", "--warehouse", warehouse.toString(), "--out", xlsx.toString()))
                .as(console.stderr()).isZero();
        return new Exported(input, warehouse, xlsx);
    }

    private long queued(Path warehouse) {
        console.clear();
        FazhiMain.execute("review", "--warehouse", warehouse.toString(), "--limit", "0");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("review queue: (\\d+) figure").matcher(console.stdout());
        assertThat(m.find()).as(console.stdout()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aDecisionOnAReportReplacedSinceTheExportIsNotUsed() {
        var row = new ReviewImport.SheetRow(2, Map.of("region_code", "520328", "year", "2020", "indicator",
                "litigation_cases", "submission_id", "aaaa", "file", "002_old.txt", "decision", "correct",
                "corrected_value", "42"));

        var plan = ReviewImport.plan(List.of(row), Map.of("520328 2020", new ReviewImport.Report("bbbb", "002_revised.txt")),
                List.of(), "review.xlsx", "王统计");

        assertThat(plan.corrections()).isEmpty();
        assertThat(plan.problems()).singleElement().extracting(ReviewImport.RowProblem::describe).asString()
                .isEqualTo("row 2 (520328 2020 litigation_cases): the report was replaced since the export: the "
                        + "workbook's figure is from 002_old.txt, the warehouse's now from 002_revised.txt; export "
                        + "again and review the new report");
    }

    @Test
    void aFileThatIsNotAReviewWorkbookIsRefusedInOneLineNamingIt() throws Exception {
        Path warehouse = Files.createDirectories(tmp.resolve("wh"));
        Path text = Files.writeString(tmp.resolve("review.xlsx"), "region_code,year\n520328,2020\n");
        Path otherSheet = tmp.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(otherSheet)) {
            wb.createSheet("result");
            wb.write(os);
        }
        Path noHeader = tmp.resolve("noheader.xlsx");
        workbook(noHeader, List.of("decision", "value"), List.of("correct", "42"));

        for (Path file : List.of(text, otherSheet, noHeader, tmp.resolve("missing.xlsx"))) {
            console.clear();
            int exit = FazhiMain.execute("review", "import", file.toString(), "--warehouse", warehouse.toString());
            assertThat(exit).as(file.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(console.stderr().strip()).startsWith("fazhi review import: " + file + ": ").doesNotContain("\n")
                    .doesNotContain("\tat ");
        }
        assertThat(warehouse.resolve("corrections.csv")).doesNotExist();
    }

    private static void workbook(Path file, List<String> header, List<?>... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(ReviewWorkbook.SHEET);
            List<List<?>> all = new java.util.ArrayList<>();
            all.add(header);
            all.addAll(List.of(rows));
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    String v = String.valueOf(all.get(r).get(c));
                    if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(os);
        }
    }

    private static Row find(Sheet sheet, java.util.function.Predicate<Row> p) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (p.test(sheet.getRow(r))) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no such row in the exported workbook");
    }

    private static String text(Row r, String column) {
        var cell = r.getCell(col(column));
        return cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? fazhi.warehouse.NumberText.plain(cell.getNumericCellValue()) : cell.getStringCellValue();
    }

    private static int col(String name) {
        return ReviewWorkbook.COLUMNS.indexOf(name);
    }
}
