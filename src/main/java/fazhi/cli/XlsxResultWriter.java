package fazhi.cli;

import fazhi.warehouse.XlsxSheets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A query result as an Excel workbook: one sheet {@value #SHEET}, the column names (or their labels) as a frozen
 * bold header, numbers as numbers. Rows are streamed (POI's SXSSF keeps 100 in memory), the file is written next
 * to its target and moved into place, so a failed export leaves no half-written workbook.
 */
final class XlsxResultWriter {
    static final String SHEET = "result";

    private XlsxResultWriter() {
    }

    /** A result with more rows than a sheet holds. */
    static final class TooManyRowsException extends IOException {
        TooManyRowsException() {
            super("the result has more than " + (XlsxSheets.MAX_ROWS - 1)
                    + " rows, more than an Excel sheet holds; use --format csv");
        }
    }

    /** Writes the rows to {@code out} and returns how many there were. */
    static long write(ResultSet rs, Path out, UnaryOperator<String> label) throws SQLException, IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".fazhi-", ".xlsx.part");
        long rows = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet(SHEET);
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = label.apply(md.getColumnLabel(i + 1));
            }
            int[] widths = XlsxSheets.header(sheet, names, XlsxSheets.headerStyle(wb));
            while (rs.next()) {
                if (rows + 1 >= XlsxSheets.MAX_ROWS) {
                    throw new TooManyRowsException();
                }
                Row row = sheet.createRow((int) ++rows);
                for (int i = 0; i < n; i++) {
                    widths[i] = Math.max(widths[i], XlsxSheets.set(row, i, rs.getObject(i + 1)));
                }
            }
            XlsxSheets.applyWidths(sheet, widths);
            try (OutputStream os = Files.newOutputStream(partial)) {
                wb.write(os);
            }
            wb.dispose();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
