package fazhi.cli;

import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class ResultPrinterTest {

    private static String print(String sql, ResultPrinter.Format format) throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = WarehouseConnection.openDuckDb(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultPrinter.print(rs, format, new PrintWriter(out));
        }
        return out.toString();
    }

    @Test
    void csvIsRfc4180WithAHeaderAndNullAsEmpty() throws Exception {
        String csv = print("SELECT '冠县' AS name, NULL AS value, 'a,b \"c\"' AS evidence", ResultPrinter.Format.CSV);

        assertThat(csv).isEqualTo("name,value,evidence\r\n冠县,,\"a,b \"\"c\"\"\"\r\n");
    }

    @Test
    void jsonKeepsNumbersAsNumbersAndNullsAsNull() throws Exception {
        String json = print("SELECT 181 AS n, 36.23 AS rate, NULL AS missing", ResultPrinter.Format.JSON);

        assertThat(json.replaceAll("\\s", "")).isEqualTo("[{\"n\":181,\"rate\":36.23,\"missing\":null}]");
    }

    @Test
    void tableAlignsChineseTextByDisplayWidth() throws Exception {
        String table = print("SELECT * FROM (VALUES ('冠县', 1), ('开鲁县', 2)) t(region, n)", ResultPrinter.Format.TABLE);

        assertThat(table.lines().toList()).startsWith("region | n", "-------+--", "冠县   | 1", "开鲁县 | 2");
    }
}
