package fazhi.config.nightly;

import fazhi.extract.CleanedText;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.RawMention;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;

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
        // the identified year lets the extractor drop figures the report attributes to other years; the region's
        // level keeps a city's or province's own 全市 / 全省 figures (a county's report gives them to others)
        CleanedText clean = report.cleanText();
        List<RawMention> found = extractor.extract(clean.text(), report.identification().year(),
                extractor.reportLevelOf(report.identification().regionCode()));
        // the extractor counts in the clean text; the warehouse stores offsets into the text as decoded
        List<RawMention> mapped = new ArrayList<>(found.size());
        for (RawMention m : found) {
            mapped.add(new RawMention(m.indicator(), m.numberText(), m.unitText(), m.qualifierText(), m.evidence(),
                    clean.decodedOffset(m.charOffset()), m.rule()));
        }
        return report.withRawMentions(mapped);
    }
}
