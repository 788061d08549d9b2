package fazhi.config.nightly;

import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.StructuredFigures;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.List;

/** normalize: numerals, 万, qualifiers and units to values; then one canonical figure per indicator. */
public class NormalizeMentionsProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final MentionNormalizer normalizer;
    private final StructuredFigures structured;
    private final CanonicalSelector selector;

    public NormalizeMentionsProcessor(MentionNormalizer normalizer, StructuredFigures structured,
                                      CanonicalSelector selector) {
        this.normalizer = normalizer;
        this.structured = structured;
        this.selector = selector;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        List<Mention> all;
        if (StructuredFigures.isStructured(report.decoded().format())) {
            // a table with rows that cannot be used is held back whole: the county should fix and resend it
            StructuredFigures.Table table = structured.read(report.decoded().format(), report.decoded().text());
            if (!table.problems().isEmpty()) {
                return report.stop(ReportInProgress.QUARANTINED, "table: " + String.join("; ", table.problems()))
                        .withoutText();
            }
            all = table.figures();
        } else {
            all = normalizer.normalize(report.rawMentions());
        }
        return report.withMentions(all, selector.select(all)).withoutText();
    }
}
