package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.ingest.SubmissionReader;
import fazhi.ingest.UnreadableSubmissionException;
import fazhi.normalize.StructuredFigures;
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
        // a table of figures is streamed by its own stage, never read whole
        if (report.stopped() || StructuredFigures.isStructured(SubmissionReader.formatOf(Path.of(report.submission().path())))) {
            return report;
        }
        try {
            return report.withDecoded(reader.read(Path.of(report.submission().path())));
        } catch (UnreadableSubmissionException e) {
            return report.stop(SubmissionStatus.QUARANTINED, e.code() + ": " + e.getMessage());
        }
    }
}
