package fazhi.config.nightly;

import fazhi.extract.TextCleaner;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** clean: strip page chrome, adverts and repeated bodies; unify digits and punctuation. */
public class CleanTextProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final TextCleaner cleaner;

    public CleanTextProcessor(TextCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        return report.withCleanText(cleaner.clean(report.decoded().text()));
    }
}
