package fazhi.review;

import fazhi.warehouse.XlsxSheets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * The review queue as a workbook for reviewers: sheet {@value #SHEET} holds one row per figure with its evidence
 * and empty decision columns, under a header row that is a contract ({@link #COLUMNS}: the import of decisions reads
 * the columns by these names); sheet {@value #ABOUT_SHEET} explains the columns and the priority.
 */
public final class ReviewWorkbook {
    public static final String SHEET = "review";
    public static final String ABOUT_SHEET = "about";

    /** The header row of sheet {@value #SHEET}, in this order. */
    public static final List<String> COLUMNS = List.of("priority", "why", "region_code", "region_name", "year",
            "indicator", "indicator_name", "extracted_value", "unit", "qualifier", "candidates", "sentence", "file",
            "char_offset", "submission_id", "decision", "corrected_value", "corrected_qualifier", "reason", "reviewer");

    /** What a reviewer may put in the decision column (blank: not decided yet). */
    public enum Decision { accept, correct, not_reported }

    /** Columns whose text is long: wrapped, so that the sentence can be read in its cell. */
    private static final List<String> WRAPPED = List.of("why", "candidates", "sentence");
    /** Empty columns for the reviewer, with the width their content will need. */
    private static final List<String> DECISION_COLUMNS = List.of("decision", "corrected_value", "corrected_qualifier",
            "reason", "reviewer");

    private static final String[][] ABOUT = {
            {"priority", "how much the figure needs a human eye: the formula and its weights are in jobs/review.yaml (README: The review queue)"},
            {"why", "the signals behind the priority: competing values, validation issues, outlier score, fragile extraction rule, thin report"},
            {"region_code, region_name, year", "whose figure it is (GB/T 2260 code, work year)"},
            {"indicator, indicator_name", "the indicator of the catalog (schema/indicators.yaml)"},
            {"extracted_value, unit, qualifier", "the figure as published (or held back by a validation error); qualifier exact, at_least, approx, at_most or redacted"},
            {"candidates", "every figure the extractor read for this indicator in this report: value @ character offset; (chosen) is the published one; «…» the sentence of a candidate read elsewhere"},
            {"sentence", "the sentence the figure was read from"},
            {"file, char_offset", "the report file and where the figure starts in its text: ./fazhi text FILE --at OFFSET"},
            {"submission_id", "sha-256 of the report's bytes: keep it, the import matches decisions by it"},
            {"decision", "fill in: accept (the figure is right: the queue leaves it out while its report states it), correct (give corrected_value and, if it changes, corrected_qualifier), not_reported (the report does not state this figure); leave blank if undecided"},
            {"corrected_value", "for correct: the right figure, in the unit of the unit column (a number)"},
            {"corrected_qualifier", "for correct: exact, at_least, approx, at_most or redacted (blank: unchanged)"},
            {"reason", "why, in a few words (kept with the correction)"},
            {"reviewer", "who decided"},
    };

    private ReviewWorkbook() {
    }

    /** Writes the workbook next to {@code out} and moves it into place: a failed export leaves no half-written file. */
    public static void write(List<ReviewItem> items, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".fazhi-", ".xlsx.part");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            review(wb, items);
            about(wb);
            try (OutputStream os = Files.newOutputStream(partial)) {
                wb.write(os);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void review(XSSFWorkbook wb, List<ReviewItem> items) {
        Sheet sheet = wb.createSheet(SHEET);
        int[] widths = XlsxSheets.header(sheet, COLUMNS.toArray(String[]::new), XlsxSheets.headerStyle(wb));
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        int r = 0;
        for (ReviewItem i : items) {
            Row row = sheet.createRow(++r);
            Object[] cells = {i.priority(), ReviewText.why(i), i.regionCode(), i.regionName(), i.year(), i.indicator(),
                    i.indicatorName(), i.value(), i.unit(), i.qualifier(), ReviewText.candidates(i), i.sentence(),
                    i.file(), i.charOffset(), i.submissionId()};
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], XlsxSheets.set(row, c, cells[c]));
                if (WRAPPED.contains(COLUMNS.get(c)) && row.getCell(c) != null) {
                    row.getCell(c).setCellStyle(wrap);
                }
            }
        }
        for (String d : DECISION_COLUMNS) {
            widths[COLUMNS.indexOf(d)] = Math.max(widths[COLUMNS.indexOf(d)], 14);
        }
        XlsxSheets.applyWidths(sheet, widths);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r), 0, COLUMNS.size() - 1));
        decisionDropdown(sheet, Math.max(1, r));
    }

    /** The decision column takes accept, correct or not_reported, chosen from a list (blank allowed). */
    private static void decisionDropdown(Sheet sheet, int lastRow) {
        int column = COLUMNS.indexOf("decision");
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String[] values = Arrays.stream(Decision.values()).map(Enum::name).toArray(String[]::new);
        DataValidation v = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, lastRow, column, column));
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.createErrorBox("decision", "accept, correct or not_reported (or leave it blank)");
        v.setShowPromptBox(true);
        v.createPromptBox("decision", "accept / correct / not_reported");
        sheet.addValidationData(v);
    }

    private static void about(XSSFWorkbook wb) {
        Sheet sheet = wb.createSheet(ABOUT_SHEET);
        int[] widths = XlsxSheets.header(sheet, new String[]{"column", "meaning"}, XlsxSheets.headerStyle(wb));
        int r = 0;
        for (String[] line : ABOUT) {
            Row row = sheet.createRow(++r);
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], XlsxSheets.set(row, c, line[c]));
            }
        }
        XlsxSheets.applyWidths(sheet, widths);
    }
}
