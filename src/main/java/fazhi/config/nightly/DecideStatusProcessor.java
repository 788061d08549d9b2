package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The report's status once its figures are known. A report from which no indicator figure could be
 * read is held back rather than published empty: it is usually not a rule-of-law report at all.
 */
public class DecideStatusProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        if (report.canonical().isEmpty()) {
            return report.stop(SubmissionStatus.QUARANTINED,
                    "no_figures: no indicator figure of the catalog was found in the text; to resolve, check that it is"
                            + " a rule-of-law government report, add its phrasings to schema/indicators.yaml, or send"
                            + " its figures as a .csv table");
        }
        int figures = report.canonical().size();
        return report.stop(SubmissionStatus.PUBLISHED, "published " + figures + (figures == 1 ? " figure" : " figures"));
    }
}
