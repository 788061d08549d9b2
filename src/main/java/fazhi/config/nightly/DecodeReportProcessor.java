package fazhi.config.nightly;

import fazhi.ingest.SubmissionReader;
import fazhi.ingest.UnreadableSubmissionException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.nio.file.Path;

/** read and decode: bytes → text (txt / html / docx / pdf, UTF-8 or GB18030). */
public class DecodeReportProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final SubmissionReader reader;

    public DecodeReportProcessor(SubmissionReader reader) {
        this.reader = reader;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        try {
            return report.withDecoded(reader.read(Path.of(report.submission().path())));
        } catch (UnreadableSubmissionException e) {
            return report.stop(ReportInProgress.QUARANTINED, e.code() + ": " + e.getMessage());
        }
    }
}
