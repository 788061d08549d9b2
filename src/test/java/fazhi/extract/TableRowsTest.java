package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableRowsTest {

    private final ExtractionLexicon lex = ExtractionLexicon.bundled();
    private final TableRows rows = new TableRows(lex, new FigureScanner(lex), new Segmenter(lex));

    @Test
    void aRowIsReadAsLabelAndFigureWithTheUnitOfTheLabel() {
        String t = "1 | 行政复议申请(件) | 64";
        List<String> read = new ArrayList<>();
        int column = rows.read(t, 0, t.length(), TableRows.ANY_COLUMN, null,
                (f, a, b, row) -> read.add(t.substring(a, b) + "=" + f.numberText() + f.unitText()));
        assertThat(read).containsExactly(" 行政复议申请=64件");
        assertThat(column).isEqualTo(TableRows.ANY_COLUMN);
    }

    @Test
    void aHeaderOfYearsChoosesTheReportYearsColumnAndNoneWhenItIsMissing() {
        String header = "指标 | 2022年 | 2023年";
        assertThat(rows.read(header, 0, header.length(), TableRows.ANY_COLUMN, 2022, (f, a, b, r) -> { }))
                .isEqualTo(1);
        assertThat(rows.read(header, 0, header.length(), TableRows.ANY_COLUMN, null, (f, a, b, r) -> { }))
                .isEqualTo(2);
        assertThat(rows.read(header, 0, header.length(), TableRows.ANY_COLUMN, 2024, (f, a, b, r) -> { }))
                .isEqualTo(TableRows.NO_COLUMN);
        String row = "行政复议申请(件) | 50 | 64";
        List<String> read = new ArrayList<>();
        rows.read(row, 0, row.length(), 2, 2023, (f, a, b, r) -> read.add(f.numberText()));
        assertThat(read).containsExactly("64");
    }
}
