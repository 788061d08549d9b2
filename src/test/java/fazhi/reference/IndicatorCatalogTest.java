package fazhi.reference;

import fazhi.extract.IndicatorExtractor;
import fazhi.extract.RawMention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {

    /**
     * The catalog's core flag against the external contract: indicators-core.csv of the shared folder, one
     * copy kept as a test resource. The same codes, and for each the domain, name, unit and kind.
     */
    @Test
    void theCoreIndicatorsAreExactlyThoseOfTheSharedContractWithTheirUnitKindAndDomain() throws IOException {
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        String csv;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/indicators-core.csv"))) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> contract = new LinkedHashSet<>();
        for (String line : csv.split("\n")) {
            String[] c = line.split(",", -1);
            if (c[0].equals("code") || line.isBlank()) {
                continue;
            }
            contract.add(c[0]);
            IndicatorDefinition d = catalog.byCode(c[0]).orElseThrow(() -> new AssertionError("missing " + c[0]));
            assertThat(d.domain()).as(c[0]).isEqualTo(c[1]);
            assertThat(d.nameZh()).as(c[0]).isEqualTo(c[2]);
            assertThat(d.unit()).as(c[0]).isEqualTo(c[3]);
            assertThat(d.kind()).as(c[0]).isEqualTo(c[4]);
            assertThat(d.description()).as(c[0]).isNotBlank();
        }
        assertThat(catalog.indicators().stream().filter(IndicatorDefinition::core).map(IndicatorDefinition::code))
                .containsExactlyInAnyOrderElementsOf(contract);
    }

    @Test
    void rateIndicatorsAcceptOnlyPercentFigures() {
        for (IndicatorDefinition d : IndicatorCatalog.bundled().indicators()) {
            if (d.isRate()) {
                assertThat(d.units()).as(d.code()).containsExactly("%");
            } else {
                assertThat(d.units()).as(d.code()).doesNotContain("%");
            }
        }
    }

    @Test
    void anIndicatorAddedAsDataIsExtractedWithoutCodeChanges() {
        String yaml = """
                indicators:
                  - code: notary_cases
                    domain: disputes
                    name_zh: 公证办证数
                    unit: 件
                    kind: count
                    description: notarial acts
                    units: [件]
                    phrasings:
                      - id: acts
                        subjects: [公证事项, 公证书]
                        verbs: [办理, 出具]
                """;
        IndicatorCatalog catalog = IndicatorCatalog.fromYaml(
                new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        var mentions = new IndicatorExtractor(catalog).extract("全年办理公证事项3120件。");
        assertThat(mentions).extracting(RawMention::indicator, RawMention::numberText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notary_cases", "3120"));
    }
}
