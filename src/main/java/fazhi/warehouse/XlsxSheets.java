package fazhi.warehouse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What every workbook fazhi writes shares: a bold header row that stays in view (frozen), numbers as numeric
 * cells without float noise ({@link NumberText}), text as text (Chinese intact: xlsx is UTF-8 inside), and column
 * widths that fit the text, CJK characters counted twice.
 */
public final class XlsxSheets {
    /** Excel's rows per sheet, the header included. */
    public static final int MAX_ROWS = 1_048_576;
    /** Excel's longest cell text. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_WIDTH_CHARS = 60;
    /** Integers beyond 2^53 lose digits as a double: such cells stay text. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private XlsxSheets() {
    }

    public static CellStyle headerStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(bold);
        return style;
    }

    /** Writes the header in row 0 with {@code style}, freezes it, and returns the column widths so far (in characters). */
    public static int[] header(Sheet sheet, String[] names, CellStyle style) {
        Row row = sheet.createRow(0);
        int[] widths = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names[i]);
            c.setCellStyle(style);
            widths[i] = TextWidth.of(names[i]);
        }
        sheet.createFreezePane(0, 1);
        return widths;
    }

    /**
     * Sets a cell from a query value: a number as a numeric cell (float noise removed), a boolean as a boolean,
     * null as an empty cell, anything else as its text; returns the text's display width.
     */
    public static int set(Row row, int column, Object value) {
        if (value == null) {
            return 0;
        }
        Cell c = row.createCell(column);
        if (value instanceof Double || value instanceof Float) {
            double d = NumberText.clean(((Number) value).doubleValue());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                c.setCellValue(String.valueOf(d));
            } else {
                c.setCellValue(d);
            }
            return NumberText.plain(d).length();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            String text = NumberText.of(value);
            BigDecimal exact = new BigDecimal(text);
            if (exact.abs().compareTo(BigDecimal.valueOf(EXACT_DOUBLE_LIMIT)) < 0) {
                c.setCellValue(exact.doubleValue());
            } else {
                c.setCellValue(text);
            }
            return text.length();
        }
        if (value instanceof Boolean b) {
            c.setCellValue(b);
            return 5;
        }
        String text = value.toString();
        if (text.length() > MAX_CELL_CHARS) {
            text = text.substring(0, MAX_CELL_CHARS - 1) + "…";
        }
        c.setCellValue(text);
        return TextWidth.of(text);
    }

    /** Column widths from the widest text seen, within limits (Excel's unit is 1/256 of a character). */
    public static void applyWidths(Sheet sheet, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, 256 * (Math.min(MAX_WIDTH_CHARS, Math.max(6, widths[i])) + 2));
        }
    }

}
