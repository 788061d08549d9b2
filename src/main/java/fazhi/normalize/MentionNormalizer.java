package fazhi.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fazhi.extract.ExtractionLexicon;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.extract.RawMention;

/**
 * Turns raw mentions into values: the number parsed ({@link ChineseNumerals}), the catalog unit of the
 * indicator, and the qualifier read from the hedge words (the meaning of each word is in
 * schema/extraction-lexicon.yaml). X placeholders become {@link Qualifier#REDACTED} with no value.
 * Mentions whose number cannot be parsed, or whose indicator is unknown, are dropped. Rates outside
 * 0–100 are returned as they are: validation judges them.
 */
public final class MentionNormalizer {

    private final IndicatorCatalog catalog;
    private final ExtractionLexicon lexicon;

    public MentionNormalizer(IndicatorCatalog catalog) {
        this(catalog, ExtractionLexicon.bundled());
    }

    public MentionNormalizer(IndicatorCatalog catalog, ExtractionLexicon lexicon) {
        this.catalog = catalog;
        this.lexicon = lexicon;
    }

    public List<Mention> normalize(List<RawMention> raws) {
        List<Mention> out = new ArrayList<>();
        for (RawMention r : raws) {
            Optional<IndicatorDefinition> def = catalog.byCode(r.indicator());
            if (def.isEmpty() || r.numberText() == null) {
                continue;
            }
            String number = r.numberText().strip();
            if (lexicon.isPlaceholder(number)) {
                out.add(new Mention(r.indicator(), null, def.get().unit(), Qualifier.REDACTED, r.evidence(),
                        r.charOffset(), r.rule(), r.breakdown()));
                continue;
            }
            number = lexicon.withoutPercentWord(number);
            Optional<BigDecimal> value = ChineseNumerals.tryParse(number);
            if (value.isEmpty()) {
                continue;
            }
            Qualifier q = Qualifier.valueOf(lexicon.qualifierCode(r.qualifierText()).toUpperCase(Locale.ROOT));
            out.add(new Mention(r.indicator(), value.get().doubleValue(), def.get().unit(), q, r.evidence(),
                    r.charOffset(), r.rule(), r.breakdown()));
        }
        return out;
    }
}
