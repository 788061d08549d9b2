package fazhi.config.nightly;

import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.List;

/** normalize: numerals, 万, qualifiers and units to values; then one canonical figure per indicator. */
public class NormalizeMentionsProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final MentionNormalizer normalizer;
    private final CanonicalSelector selector;

    public NormalizeMentionsProcessor(MentionNormalizer normalizer, CanonicalSelector selector) {
        this.normalizer = normalizer;
        this.selector = selector;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        List<Mention> all = normalizer.normalize(report.rawMentions());
        return report.withMentions(all, selector.select(all)).withoutText();
    }
}
