package fazhi.normalize;

import fazhi.extract.IndicatorCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredFiguresTest {
    private final StructuredFigures tables = new StructuredFigures(IndicatorCatalog.bundled());

    @Test
    void aCsvTableWithChineseHeadersAndIndicatorNamesGivesItsFigures() {
        var table = tables.read("csv", """
                指标,数值,单位,限定,区划代码,年度
                行政复议申请数,181,件,,371525,2024
                head_appearance_rate,100,%,exact,371525,2024
                publicity_events,"1,200",场次,at_least,371525,2024
                """);

        assertThat(table.problems()).isEmpty();
        assertThat(table.regionCode()).isEqualTo("371525");
        assertThat(table.year()).isEqualTo(2024);
        assertThat(table.figures()).extracting(Mention::indicator, Mention::value, Mention::qualifier)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recon_applications", 181.0, Qualifier.EXACT),
                        org.assertj.core.groups.Tuple.tuple("head_appearance_rate", 100.0, Qualifier.EXACT),
                        org.assertj.core.groups.Tuple.tuple("publicity_events", 1200.0, Qualifier.AT_LEAST));
        assertThat(table.figures()).allSatisfy(m -> assertThat(m.rule()).isEqualTo("table:csv"));
    }

    @Test
    void aJsonDocumentSaysWhoseFiguresTheyAreOnce() {
        var table = tables.read("json", """
                {"region_code": "520328", "year": 2020,
                 "figures": [{"indicator": "hotline_tickets", "value": 3414},
                             {"indicator": "recon_accepted", "qualifier": "redacted"}]}
                """);

        assertThat(table.problems()).isEmpty();
        assertThat(table.regionCode()).isEqualTo("520328");
        assertThat(table.figures()).extracting(Mention::indicator, Mention::value, Mention::qualifier)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hotline_tickets", 3414.0, Qualifier.EXACT),
                        org.assertj.core.groups.Tuple.tuple("recon_accepted", null, Qualifier.REDACTED));
    }

    @Test
    void rowsThatCannotBeUsedAreNamedNotGuessed() {
        var table = tables.read("csv", """
                indicator,value,unit
                no_such_thing,5,件
                recon_applications,many,件
                head_appearance_rate,95,件
                """);

        assertThat(table.figures()).isEmpty();
        assertThat(table.problems()).containsExactly(
                "row 1: unknown indicator 'no_such_thing'",
                "row 2: value 'many' is not a number",
                "row 3: unit '件' is not the catalog unit '%' of head_appearance_rate");
    }

    @Test
    void aTableThatMixesRegionsIsAProblem() {
        var table = tables.read("csv", """
                indicator,value,region_code,year
                recon_applications,1,371525,2024
                recon_accepted,1,520328,2024
                """);

        assertThat(table.problems()).singleElement().asString().contains("differs from 371525");
    }

    @Test
    void aHeaderWithoutIndicatorAndValueIsRefused() {
        assertThat(tables.read("csv", "name,count\nx,1\n").problems()).singleElement().asString()
                .contains("indicator and value");
        assertThat(tables.read("json", "{broken").problems()).singleElement().asString().startsWith("not valid JSON");
    }
}
