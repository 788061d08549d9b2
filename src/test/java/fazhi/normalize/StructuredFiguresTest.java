package fazhi.normalize;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import fazhi.warehouse.ColumnLabels;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class StructuredFiguresTest {
    private final StructuredFigures tables = new StructuredFigures(IndicatorCatalog.bundled());

    /** What a table gave: its usable rows and its problems. */
    private record Read(List<StructuredFigures.Row> rows, StructuredFigures.Problems problems) {
        List<Mention> figures() {
            return rows.stream().map(StructuredFigures.Row::figure).toList();
        }
    }

    private Read read(String format, String text) throws IOException {
        List<StructuredFigures.Row> rows = new ArrayList<>();
        var problems = new StructuredFigures.Problems();
        tables.read(format, () -> new StringReader(text), problems, rows::add);
        return new Read(rows, problems);
    }

    /** Both files must exist (one is read by the tables, one labels the warehouse): this keeps them agreeing. */
    @Test
    void theFirstChineseHeaderOfEachColumnIsTheWarehouseLabelOfThatColumn() {
        KnowledgeNode headers = KnowledgeFiles.yaml(StructuredFigures.HEADERS_FILE).node("headers");
        assertThat(headers.keys()).isNotEmpty();
        for (String column : headers.keys()) {
            List<String> spellings = headers.strings(column);
            assertThat(spellings).as(column).isNotEmpty();
            assertThat(spellings.get(0)).as("first header of " + column + " in " + StructuredFigures.HEADERS_FILE
                    + " against " + ColumnLabels.RESOURCE).isEqualTo(ColumnLabels.chinese().label(column));
        }
    }

    @Test
    void aCsvTableWithChineseHeadersAndIndicatorNamesGivesItsFigures() throws IOException {
        var table = read("csv", """
                指标,数值,单位,限定,区划代码,年度
                行政复议申请数,181,件,,371525,2024
                head_appearance_rate,100,%,exact,371525,2024
                publicity_events,"1,200",场次,at_least,371525,2024
                """);

        assertThat(table.problems().isEmpty()).isTrue();
        assertThat(table.rows()).extracting(StructuredFigures.Row::regionCode, StructuredFigures.Row::year)
                .containsOnly(tuple("371525", 2024));
        assertThat(table.figures()).extracting(Mention::indicator, Mention::value, Mention::qualifier, Mention::charOffset)
                .containsExactly(
                        tuple("recon_applications", 181.0, Qualifier.EXACT, 1),
                        tuple("head_appearance_rate", 100.0, Qualifier.EXACT, 2),
                        tuple("publicity_events", 1200.0, Qualifier.AT_LEAST, 3));
        assertThat(table.figures()).allSatisfy(m -> assertThat(m.rule()).isEqualTo("table:csv"));
    }

    @Test
    void theOtherChineseHeadersOfSchemaFigureTablesAreUnderstoodToo() throws IOException {
        var table = read("csv", """
                指标代码,值,年份
                recon_applications,181,2024
                """);

        assertThat(table.problems().isEmpty()).isTrue();
        assertThat(table.rows()).extracting(StructuredFigures.Row::year).containsExactly(2024);
        assertThat(table.figures()).extracting(Mention::indicator, Mention::value)
                .containsExactly(tuple("recon_applications", 181.0));
    }

    @Test
    void aHeaderWithoutIndicatorAndValueIsRefusedNamingTheirChineseHeaders() throws IOException {
        var table = read("csv", """
                名称,数量
                recon_applications,181
                """);

        assertThat(table.rows()).isEmpty();
        assertThat(table.problems().described()).singleElement().asString()
                .startsWith("the header must name the columns indicator and value (or 指标 / 指标代码 and 数值 / 值)")
                .endsWith("found 名称,数量");
    }

    @Test
    void aJsonDocumentSaysWhoseFiguresTheyAreOnceWhereverItSaysIt() throws IOException {
        var table = read("json", """
                {"figures": [{"indicator": "hotline_tickets", "value": 3414},
                             {"indicator": "recon_accepted", "qualifier": "redacted"}],
                 "region_code": "520328", "year": 2020}
                """);

        assertThat(table.problems().described()).isEmpty();
        assertThat(table.rows()).extracting(StructuredFigures.Row::regionCode, StructuredFigures.Row::year)
                .containsOnly(tuple("520328", 2020));
        assertThat(table.figures()).extracting(Mention::indicator, Mention::value, Mention::qualifier)
                .containsExactly(
                        tuple("hotline_tickets", 3414.0, Qualifier.EXACT),
                        tuple("recon_accepted", null, Qualifier.REDACTED));
    }

    @Test
    void rowsThatCannotBeUsedAreNamedNotGuessed() throws IOException {
        var table = read("csv", """
                indicator,value,unit
                no_such_thing,5,件
                recon_applications,many,件
                head_appearance_rate,95,件
                """);

        assertThat(table.figures()).isEmpty();
        assertThat(table.problems().described()).containsExactly(
                "row 1: unknown indicator 'no_such_thing'",
                "row 2: value 'many' is not a number",
                "row 3: unit '件' is not the catalog unit '%' of head_appearance_rate");
    }

    @Test
    void aTableMayHoldTheFiguresOfManyRegionsAndYears() throws IOException {
        var table = read("csv", """
                indicator,value,region_code,year
                recon_applications,1,371525,2024
                recon_accepted,1,520328,2023
                """);

        assertThat(table.problems().isEmpty()).isTrue();
        assertThat(table.rows()).extracting(StructuredFigures.Row::regionCode, StructuredFigures.Row::year)
                .containsExactly(tuple("371525", 2024), tuple("520328", 2023));
    }

    @Test
    void aJsonArrayIsReadFigureByFigureEachWithItsRegion() throws IOException {
        var table = read("json", """
                [{"region_code": "371525", "year": 2024, "indicator": "recon_applications", "value": 5},
                 {"区划代码": "520328", "年度": "2023", "指标": "行政复议申请数", "数值": "七"}]
                """);

        assertThat(table.problems().described()).isEmpty();
        assertThat(table.rows()).extracting(StructuredFigures.Row::regionCode, StructuredFigures.Row::year,
                r -> r.figure().value()).containsExactly(tuple("371525", 2024, 5.0), tuple("520328", 2023, 7.0));
    }

    @Test
    void aReasonNamesTheFirstProblemsAndCountsTheRest() throws IOException {
        StringBuilder csv = new StringBuilder("indicator,value\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("no_such_thing,").append(i).append('\n');
        }
        var table = read("csv", csv.toString());

        assertThat(table.problems().describe())
                .startsWith("row 1: unknown indicator 'no_such_thing'; row 2: ")
                .endsWith("; and 995 more problems");
    }

    @Test
    void aHeaderWithoutIndicatorAndValueIsRefused() throws IOException {
        assertThat(read("csv", "name,count\nx,1\ny,2\n").problems().described()).singleElement().asString()
                .contains("indicator and value");
        assertThat(read("json", "{broken").problems().described()).singleElement().asString()
                .startsWith("not valid JSON");
    }
}
