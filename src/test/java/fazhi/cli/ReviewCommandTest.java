package fazhi.cli;

import fazhi.review.ReviewItem;
import fazhi.review.ReviewParameters;
import fazhi.review.ReviewQueue;
import fazhi.review.ReviewWorkbook;
import fazhi.stats.StatisticsParameters;
import fazhi.warehouse.NumberText;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** fazhi review and fazhi review export on a warehouse built by the nightly job from the sample reports. */
class ReviewCommandTest {
    static Path warehouse;

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void buildWarehouse() throws Exception {
        warehouse = ExportWarehouse.shared();
    }

    private static ReviewQueue.Result queue(Integer year, String province, Integer limit) throws Exception {
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse))) {
            return new ReviewQueue(ReviewParameters.bundled(), StatisticsParameters.bundled().outlierThreshold())
                    .read(c, year, province, limit);
        }
    }

    @Test
    void competingValuesComeFirstThenValidationErrorsEachWithItsSentenceFileAndOffset() throws Exception {
        List<ReviewItem> items = queue(null, null, null).items();

        assertThat(items).extracting(ReviewItem::priority).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // 湄潭县 2020: 24份案卷 and 55份卷宗 in one sentence, both read as case files reviewed, by a fragile rule (5 + 1)
        ReviewItem first = items.get(0);
        assertThat(first.regionName()).isEqualTo("湄潭县");
        assertThat(first.priority()).isEqualTo(6.0);
        assertThat(first.why().get(0)).startsWith("competing values");
        assertThat(first.why()).anySatisfy(w -> assertThat(w).startsWith("fragile rule"));
        assertThat(first.candidates()).hasSizeGreaterThan(1).filteredOn(ReviewItem.Candidate::chosen).hasSize(1);
        for (ReviewItem i : items.stream().filter(i -> i.why().get(0).startsWith("competing")).toList()) {
            String text = ExportWarehouse.reportText(warehouse, i.file());
            assertThat(text.substring(i.charOffset())).as(i.file() + " @ " + i.charOffset())
                    .startsWith(NumberText.plain(i.value()));
            assertThat(i.sentence()).contains(NumberText.plain(i.value()));
        }
        // the impossible rate is held back from observations but listed: error (4) + a thin report (1)
        ReviewItem rate = items.stream().filter(i -> i.indicator().equals("head_appearance_rate")
                && i.regionCode().equals("371526")).findFirst().orElseThrow();
        assertThat(rate.value()).isEqualTo(150.0);
        assertThat(rate.priority()).isEqualTo(5.0);
        assertThat(rate.why()).anySatisfy(w -> assertThat(w).contains("error rate_in_range"))
                .anySatisfy(w -> assertThat(w).startsWith("thin report").contains("report_completeness"));
        // its other figure has nothing against it but the thin report
        ReviewItem other = items.stream().filter(i -> i.regionCode().equals("371526")
                && i.indicator().equals("recon_accepted")).findFirst().orElseThrow();
        assertThat(other.priority()).isEqualTo(1.0);
        assertThat(other.why()).singleElement().asString().startsWith("thin report");
        // a figure with no signal at all is not queued
        assertThat(items).noneMatch(i -> i.why().isEmpty());
    }

    @Test
    void yearAndProvinceNarrowTheQueueAndLimitCutsIt() throws Exception {
        var all = queue(null, null, null);
        var guizhou2020 = queue(2020, "520000", null);
        var top3 = queue(null, null, 3);

        assertThat(guizhou2020.items()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.regionCode()).startsWith("52"))
                .allSatisfy(i -> assertThat(i.year()).isEqualTo(2020));
        assertThat(guizhou2020.queued()).isLessThan(all.queued());
        assertThat(top3.items()).hasSize(3);
        assertThat(top3.queued()).isEqualTo(all.queued());
        assertThat(top3.items()).isEqualTo(all.items().subList(0, 3));
    }

    @Test
    void listsTheQueueWithSentencesAndCandidates() {
        int exit = FazhiMain.execute("review", "--warehouse", warehouse.toString(), "--province", "贵州", "--limit", "2");

        assertThat(exit).isZero();
        String out = console.stdout();
        assertThat(out).contains("1. priority 6  湄潭县 (520328) 2020").contains("2. priority 6")
                .doesNotContain("3. priority")
                .contains("sentence: ").contains("candidates: ").contains("(chosen)")
                .contains("file: 002_3c2dc1afcfd2df07.txt @ ");
    }

    @Test
    void anUnknownProvinceIsAUsageError() {
        assertThat(FazhiMain.execute("review", "--warehouse", warehouse.toString(), "--province", "火星")).isEqualTo(2);
        assertThat(console.stderr()).contains("unknown province '火星'");
    }

    @Test
    void exportWritesTheContractHeaderEvidenceAndEmptyDecisionColumns() throws Exception {
        Path out = tmp.resolve("review.xlsx");
        int exit = FazhiMain.execute("review", "export", "--warehouse", warehouse.toString(), "--out", out.toString());
        assertThat(exit).as(console.stderr()).isZero();
        List<ReviewItem> items = queue(null, null, null).items();

        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            XSSFSheet sheet = wb.getSheet(ReviewWorkbook.SHEET);
            assertThat(wb.getSheetIndex(sheet)).isZero();
            assertThat(wb.getSheet(ReviewWorkbook.ABOUT_SHEET)).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("priority", "why", "region_code", "region_name", "year", "indicator",
                    "indicator_name", "extracted_value", "unit", "qualifier", "candidates", "sentence", "file",
                    "char_offset", "submission_id", "decision", "corrected_value", "corrected_qualifier", "reason",
                    "reviewer");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(items.size());

            Row first = sheet.getRow(1);
            ReviewItem top = items.get(0);
            assertThat(first.getCell(col("priority")).getNumericCellValue()).isEqualTo(top.priority());
            assertThat(first.getCell(col("region_code")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(col("region_code")).getStringCellValue()).isEqualTo("520328");
            assertThat(first.getCell(col("region_name")).getStringCellValue()).isEqualTo("湄潭县");
            assertThat(first.getCell(col("year")).getNumericCellValue()).isEqualTo(2020);
            assertThat(first.getCell(col("extracted_value")).getNumericCellValue()).isEqualTo(top.value());
            assertThat(first.getCell(col("char_offset")).getNumericCellValue()).isEqualTo(top.charOffset());
            assertThat(first.getCell(col("sentence")).getStringCellValue()).isEqualTo(top.sentence());
            assertThat(first.getCell(col("submission_id")).getStringCellValue()).hasSize(64);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                for (String empty : List.of("decision", "corrected_value", "corrected_qualifier", "reason", "reviewer")) {
                    var cell = sheet.getRow(r).getCell(col(empty));
                    assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(empty + " row " + r).isTrue();
                }
            }
            assertThat(sheet.getColumnWidth(col("sentence"))).isGreaterThan(sheet.getColumnWidth(col("year")));

            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).hasSize(1);
            DataValidation decision = validations.get(0);
            assertThat(decision.getValidationConstraint().getExplicitListValues())
                    .containsExactly("accept", "correct", "not_reported");
            assertThat(decision.getEmptyCellAllowed()).isTrue();
            var range = decision.getRegions().getCellRangeAddress(0);
            assertThat(range.getFirstColumn()).isEqualTo(col("decision"));
            assertThat(range.getFirstRow()).isEqualTo(1);
            assertThat(range.getLastRow()).isEqualTo(items.size());
        }
    }

    private static int col(String name) {
        return ReviewWorkbook.COLUMNS.indexOf(name);
    }
}
