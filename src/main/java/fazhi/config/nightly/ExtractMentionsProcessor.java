package fazhi.config.nightly;

import fazhi.extract.IndicatorExtractor;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** extract: find every phrasing of the indicator catalog that states a figure. */
public class ExtractMentionsProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final IndicatorExtractor extractor;

    public ExtractMentionsProcessor(IndicatorExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        // the identified year lets the extractor drop figures the report attributes to other years
        return report.withRawMentions(extractor.extract(report.cleanText(), report.identification().year()));
    }
}
