package fazhi.review;

import fazhi.correct.Correction;
import fazhi.warehouse.NumberText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The decisions of a filled-in review workbook ({@link ReviewWorkbook}) as corrections. Columns are found by their
 * header name (a reviewer may reorder them or add some); values may be numbers or text, with stray spaces or
 * full-width digits. {@code correct} and {@code not_reported} become a {@link Correction} whose evidence is the row's file and
 * sentence. {@code accept} is remembered in {@link AcceptedFigures} (the queue leaves the figure out while its report
 * states it so). A row that cannot be used is a {@link RowProblem} with its sheet row number; the others are used.
 */
public final class ReviewImport {
    /** Without these columns no decision can be read. */
    static final List<String> REQUIRED = List.of("region_code", "year", "indicator", "decision");
    /** How far down a title row or two may push the header. */
    private static final int HEADER_SEARCH_ROWS = 10;

    private ReviewImport() {
    }

    /** The file is not a review workbook at all (the message names the file and why). */
    public static final class UnusableWorkbookException extends Exception {
        UnusableWorkbookException(String message) {
            super(message);
        }
    }

    /** A data row of sheet {@value ReviewWorkbook#SHEET}: its row number as Excel shows it, fields by column name. */
    public record SheetRow(int number, Map<String, String> fields) {
        String get(String column) {
            return fields.get(column);
        }
    }

    /** A decided row that cannot be used, and why. */
    public record RowProblem(int row, String figure, String reason) {
        /** {@code row 7 (520328 2020 litigation_cases): correct without a corrected_value} */
        public String describe() {
            return "row " + row + (figure.isBlank() ? "" : " (" + figure + ")") + ": " + reason;
        }
    }

    /** The report that gives a region and year their figures in the published warehouse. */
    public record Report(String submissionId, String file) {
    }

    /**
     * What the workbook decides: the corrections to record (with the sheet row of each, same order), the figures
     * accepted as extracted, how many rows were left undecided or recorded by an earlier import, and the rows that
     * cannot be used.
     */
    public record Plan(int rows, int undecided, List<AcceptedFigures.Acceptance> acceptances, int alreadyRecorded,
                       List<Correction> corrections, List<Integer> correctionRows, List<RowProblem> problems) {
        public int accepted() {
            return acceptances.size();
        }

        public int decided() {
            return rows - undecided;
        }
    }

    /** The data rows of sheet {@value ReviewWorkbook#SHEET}, blank rows left out. */
    public static List<SheetRow> read(Path file) throws UnusableWorkbookException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableWorkbookException(file + ": no such file");
        }
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = null;
            for (Sheet s : wb) {
                if (s.getSheetName().strip().equalsIgnoreCase(ReviewWorkbook.SHEET)) {
                    sheet = s;
                }
            }
            if (sheet == null) {
                throw new UnusableWorkbookException(file + ": no sheet '" + ReviewWorkbook.SHEET
                        + "' (is it a workbook of `fazhi review export`?)");
            }
            return rows(file, sheet);
        } catch (IOException | RuntimeException e) {
            // POI says "not an OOXML file", "zip file is empty", "password protected" … in its own words
            throw new UnusableWorkbookException(file + ": not a readable Excel workbook (" + firstLine(e) + ")");
        }
    }

    private static List<SheetRow> rows(Path file, Sheet sheet) throws UnusableWorkbookException {
        Row header = null;
        List<String> names = List.of();
        for (int r = sheet.getFirstRowNum(); r >= 0 && r < sheet.getFirstRowNum() + HEADER_SEARCH_ROWS; r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    String name = text(row.getCell(c));
                    cells.add(name == null ? "" : name.toLowerCase(Locale.ROOT));
                }
            }
            if (cells.containsAll(REQUIRED)) {
                header = row;
                names = cells;
                break;
            }
        }
        if (header == null) {
            throw new UnusableWorkbookException(file + ": sheet '" + sheet.getSheetName() + "' has no header row with "
                    + String.join(", ", REQUIRED) + " (the header of `fazhi review export`)");
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                String value = text(row.getCell(c));
                if (!names.get(c).isEmpty() && value != null) {
                    fields.putIfAbsent(names.get(c), value);
                }
            }
            if (!fields.isEmpty()) {
                rows.add(new SheetRow(r + 1, fields));
            }
        }
        return rows;
    }

    /** A cell as text: numbers as people write them (520328, 41, 98.5), a formula by its value; blank as null. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String s = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> NumberText.plain(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
        // NFKC: full-width digits and letters (４２, ａｃｃｅｐｔ) and no-break spaces as their plain forms
        s = s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        return s == null || s.isEmpty() ? null : s;
    }

    /** Region and year → the report that gives them their figures in the published warehouse. */
    public static Map<String, Report> currentReports(Connection db) throws SQLException {
        Map<String, Report> reports = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT region_code, year, "
                + "any_value(submission_id), any_value(source_file) FROM observations GROUP BY region_code, year")) {
            while (rs.next()) {
                reports.put(rs.getString(1) + " " + rs.getInt(2), new Report(rs.getString(3), rs.getString(4)));
            }
        }
        return reports;
    }

    /**
     * The decisions of the rows as corrections.
     *
     * @param current   {@link #currentReports}; empty when there is no published warehouse to compare with
     * @param recorded  the corrections of the ledger: a decision already among them is not recorded again
     * @param workbook  the workbook's file name, for the default reason and the evidence
     * @param defaultBy who decided when the reviewer column is blank
     */
    public static Plan plan(List<SheetRow> rows, Map<String, Report> current, List<Correction> recorded,
                            String workbook, String defaultBy) {
        Set<String> known = recorded.stream().map(ReviewImport::sameDecision).collect(Collectors.toSet());
        int undecided = 0;
        List<AcceptedFigures.Acceptance> acceptances = new ArrayList<>();
        int alreadyRecorded = 0;
        List<Correction> corrections = new ArrayList<>();
        List<Integer> correctionRows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (SheetRow row : rows) {
            String decision = row.get("decision");
            if (decision == null) {
                undecided++;
                continue;
            }
            String figure = String.join(" ", nonNull(row.get("region_code")), nonNull(row.get("year")),
                    nonNull(row.get("indicator"))).strip();
            try {
                ReviewWorkbook.Decision d = decision(decision);
                Correction c = correction(row, d, current, workbook, defaultBy);
                if (c == null) {
                    acceptances.add(acceptance(row, current, workbook, defaultBy));
                } else if (known.contains(sameDecision(c))) {
                    alreadyRecorded++;
                } else {
                    corrections.add(c);
                    correctionRows.add(row.number());
                }
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(row.number(), figure, e.getMessage()));
            }
        }
        return new Plan(rows.size(), undecided, acceptances, alreadyRecorded, corrections, correctionRows, problems);
    }

    /**
     * A decision of the same workbook row imported before (the reason and evidence name the workbook and row;
     * who and when do not matter): not recorded again, so importing a workbook twice changes nothing, and a
     * correction recorded since (say with fazhi correct) stays the latest.
     */
    private static String sameDecision(Correction c) {
        return String.join("\u0000", c.regionCode(), String.valueOf(c.year()), c.indicator(), c.describeValue(),
                String.valueOf(c.reason()), String.valueOf(c.evidence()));
    }

    /** accept, correct, not_reported; also Not Reported, not-reported. */
    private static ReviewWorkbook.Decision decision(String text) {
        try {
            return ReviewWorkbook.Decision.valueOf(text.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown decision '" + text + "' (" + Arrays.stream(
                    ReviewWorkbook.Decision.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + "; blank when undecided)");
        }
    }

    /** The row's correction; null for accept. @throws IllegalArgumentException why the row cannot be used */
    private static Correction correction(SheetRow row, ReviewWorkbook.Decision decision, Map<String, Report> current,
                                         String workbook, String defaultBy) {
        String region = row.get("region_code");
        String indicator = row.get("indicator");
        if (region == null || indicator == null) {
            throw new IllegalArgumentException("no " + (region == null ? "region_code" : "indicator"));
        }
        int year = Correction.parseYear(row.get("year"));
        Report published = current.get(region + " " + year);
        String exported = row.get("submission_id");
        if (exported != null && published != null && !exported.equalsIgnoreCase(published.submissionId())) {
            throw new IllegalArgumentException("the report was replaced since the export: the workbook's figure is "
                    + "from " + nonNull(row.get("file")) + ", the warehouse's now from " + published.file()
                    + "; export again and review the new report");
        }
        String valueText = row.get("corrected_value");
        if (decision != ReviewWorkbook.Decision.correct && valueText != null) {
            throw new IllegalArgumentException(decision + " with a corrected_value (" + valueText
                    + "): write correct to change the figure");
        }
        if (decision == ReviewWorkbook.Decision.accept) {
            return null;
        }
        String reason = row.get("reason") != null ? row.get("reason") : "review workbook " + workbook + ", row " + row.number();
        String by = row.get("reviewer") != null ? row.get("reviewer") : defaultBy;
        String evidence = evidence(row, workbook);
        if (decision == ReviewWorkbook.Decision.not_reported) {
            return Correction.notReported(region, year, indicator, reason, by, evidence);
        }
        String qualifier = qualifier(row);
        if (valueText == null) {
            if (!"redacted".equals(qualifier)) {
                throw new IllegalArgumentException("correct without a corrected_value");
            }
            return Correction.redacted(region, year, indicator, reason, by, evidence);
        }
        double value = Correction.parseValue("corrected_value", valueText);
        return Correction.value(region, year, indicator, value, qualifier, reason, by, evidence);
    }

    /**
     * An accepted row: the figure as the workbook shows it (extracted_value, qualifier) of the report it was read
     * from (submission_id, or the published report of the region and year when the column was dropped).
     */
    private static AcceptedFigures.Acceptance acceptance(SheetRow row, Map<String, Report> current, String workbook,
                                                        String defaultBy) {
        int year = Correction.parseYear(row.get("year"));
        String submission = row.get("submission_id");
        if (submission == null) {
            Report published = current.get(row.get("region_code") + " " + year);
            if (published == null) {
                throw new IllegalArgumentException("accept without a submission_id, and no published report of "
                        + "that region and year: export again and decide on the new workbook");
            }
            submission = published.submissionId();
        }
        String valueText = row.get("extracted_value");
        Double value = valueText == null ? null : Correction.parseValue("extracted_value", valueText);
        String qualifier = row.get("qualifier") == null ? null : row.get("qualifier").toLowerCase(Locale.ROOT);
        String by = row.get("reviewer") != null ? row.get("reviewer") : defaultBy;
        return new AcceptedFigures.Acceptance(row.get("region_code"), year, row.get("indicator"), value, qualifier,
                submission.toLowerCase(Locale.ROOT), by, Instant.now(), evidence(row, workbook));
    }

    /** corrected_qualifier; blank keeps the extracted qualifier (a redacted figure given a value becomes exact). */
    private static String qualifier(SheetRow row) {
        String q = row.get("corrected_qualifier") != null ? row.get("corrected_qualifier") : row.get("qualifier");
        q = q == null ? null : q.toLowerCase(Locale.ROOT);
        if (row.get("corrected_qualifier") == null && "redacted".equals(q) && row.get("corrected_value") != null) {
            return Correction.EXACT;
        }
        return q;
    }

    /** What the reviewer checked: {@code review.xlsx row 7: 002_….txt @ 3835: 同时,县司法局…}. */
    private static String evidence(SheetRow row, String workbook) {
        StringBuilder e = new StringBuilder(workbook).append(" row ").append(row.number());
        if (row.get("file") != null) {
            e.append(": ").append(row.get("file"));
            if (row.get("char_offset") != null) {
                e.append(" @ ").append(row.get("char_offset"));
            }
        }
        if (row.get("sentence") != null) {
            e.append(": ").append(row.get("sentence"));
        }
        return e.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }
}
