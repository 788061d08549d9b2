package fazhi.config.nightly;

import fazhi.extract.TextCleaner;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * clean: strip page chrome, adverts and repeated bodies; unify digits and punctuation. The clean text keeps
 * its map back to the decoded text, so the offsets of the figures can be stored as decoded-text offsets.
 */
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
        return report.withCleanText(cleaner.cleanWithOffsets(report.decoded().text()));
    }
}
