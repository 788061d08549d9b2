package fazhi.warehouse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** schema/column-labels-zh.csv against the columns documented in schema/warehouse.sql. */
class ColumnLabelsTest {
    private static final Pattern COLUMN = Pattern.compile("(?is)^COMMENT\\s+ON\\s+COLUMN\\s+([a-z_0-9]+)\\.([a-z_0-9]+)");

    @Test
    void everyDocumentedColumnHasAShortChineseLabel() {
        List<String> missing = new ArrayList<>();
        int columns = 0;
        for (SchemaComments.CommentStatement s : SchemaComments.bundled().statements()) {
            Matcher m = COLUMN.matcher(s.sql());
            if (!m.find()) {
                continue;
            }
            columns++;
            var label = ColumnLabels.chinese().label(m.group(1), m.group(2));
            if (label.isEmpty()) {
                missing.add(m.group(1) + "." + m.group(2));
            } else {
                assertThat(label.get()).as(m.group(1) + "." + m.group(2)).hasSizeLessThanOrEqualTo(10)
                        .matches(".*\\p{IsHan}.*");
            }
        }
        assertThat(columns).isGreaterThan(200);
        assertThat(missing).as("columns of schema/warehouse.sql without a row in schema/column-labels-zh.csv").isEmpty();
    }

    @Test
    void aTablesOwnLabelWinsAndAQueryColumnTakesTheLabelForAnyTable() {
        ColumnLabels zh = ColumnLabels.chinese();

        assertThat(zh.label("validation_issues", "rule")).contains("校验规则");
        assertThat(zh.label("observations", "rule")).contains("抽取规则");
        assertThat(zh.label("rule")).isEqualTo("规则");
        assertThat(zh.label("region_code")).isEqualTo("区划代码");
        assertThat(zh.label("n_figures")).isEqualTo("n_figures");
    }

    @Test
    void aRowWithoutALabelIsRejectedWithItsLine() {
        var e = org.assertj.core.api.Assertions.catchThrowable(() ->
                ColumnLabels.parse(List.of("column,table,label_zh", "region_code,,区划代码", "year,,")));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    }
}
