package fazhi.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fazhi.reference.IndicatorCatalog;
import fazhi.extract.RawMention;

class MentionNormalizerAndSelectorTest {

    private final MentionNormalizer normalizer = new MentionNormalizer(IndicatorCatalog.bundled());
    private final CanonicalSelector selector = new CanonicalSelector();

    private static RawMention raw(String indicator, String number, String unit, String qualifier, int offset, String rule) {
        return new RawMention(indicator, number, unit, qualifier, "evidence", offset, rule);
    }

    @Test
    void valuesUnitsAndQualifiersAreNormalized() {
        List<Mention> m = normalizer.normalize(List.of(
                raw("mediators", "890", "名", "余", 0, "r"),
                raw("head_appearance_rate", "百分之九十五", "%", "以上", 1, "r"),
                raw("recon_accepted", "约120", "件", "约", 2, "r"),
                raw("hotline_tickets", "2.1万", "件", "", 3, "r"),
                raw("recon_accepted", "X", "件", "", 4, "r"),
                raw("legal_aid_cases", "不足10", "件", "不足", 5, "r")));
        assertThat(m).extracting(Mention::value).containsExactly(890.0, 95.0, 21000.0, null);
        assertThat(m).extracting(Mention::qualifier)
                .containsExactly(Qualifier.AT_LEAST, Qualifier.AT_LEAST, Qualifier.EXACT, Qualifier.REDACTED);
        assertThat(m).extracting(Mention::unit).containsExactly("人", "%", "件", "件");
    }

    @Test
    void unparseableNumbersAndUnknownIndicatorsAreDropped() {
        assertThat(normalizer.normalize(List.of(raw("recon_accepted", "若干", "件", "", 0, "r"),
                raw("no_such_code", "12", "件", "", 0, "r")))).isEmpty();
    }

    @Test
    void ratesOutsideTheirRangeAreStillReturned() {
        assertThat(normalizer.normalize(List.of(raw("head_appearance_rate", "120", "%", "", 0, "r"))))
                .extracting(Mention::value).containsExactly(120.0);
    }

    @Test
    void selectorPrefersTotalsThenValuesThenTheFirstStatement() {
        Mention breakdown = new Mention("mediators", 86.0, "人", Qualifier.EXACT, "e", 5, "mediators:m+breakdown", true);
        Mention redacted = new Mention("mediators", null, "人", Qualifier.REDACTED, "e", 1, "mediators:m");
        Mention first = new Mention("mediators", 1200.0, "人", Qualifier.AT_LEAST, "e", 10, "mediators:m");
        Mention later = new Mention("mediators", 1210.0, "人", Qualifier.EXACT, "e", 50, "mediators:m");
        assertThat(selector.select(List.of(breakdown, redacted, later, first))).containsExactly(first);
        assertThat(selector.select(List.of(breakdown))).containsExactly(breakdown);
    }
}
