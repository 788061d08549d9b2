package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.config.Watchdog;
import fazhi.normalize.StructuredFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-file budget around the stages of the extraction step: a file larger than its size limit is
 * quarantined as {@code too_large} without being read, and one whose stages outlive their time limit is
 * stopped (see {@link Watchdog}) and quarantined as {@code extraction_budget_exceeded}; the other files of
 * the night go on. A stop signal cuts the file short instead, and the next run reads it again.
 */
public class BudgetedReportProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private static final Logger log = LoggerFactory.getLogger(BudgetedReportProcessor.class);

    private final ItemProcessor<ReportInProgress, ReportInProgress> stages;
    private final FileLimits limits;
    private final Watchdog watchdog;

    public BudgetedReportProcessor(ItemProcessor<ReportInProgress, ReportInProgress> stages, FileLimits limits,
                                   Watchdog watchdog) {
        this.stages = stages;
        this.limits = limits;
        this.watchdog = watchdog;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) throws Exception {
        if (report.stopped()) {
            return stages.process(report);
        }
        String file = report.submission().sourceFile();
        boolean table = StructuredFigures.isStructured(StagingChunkWriter.formatFromName(file));
        String kind = table ? "tables of figures" : "reports";
        long bytes = size(report);
        if (bytes > limits.size(table).toBytes()) {
            return report.stop(SubmissionStatus.QUARANTINED, String.format(Locale.ROOT,
                    "too_large: %,d bytes, over the limit of %,d bytes for %s (fazhi.limits.%s-size); to resolve,"
                    + " check that the file is what it claims to be, split it, or raise --limit %s-size", bytes,
                    limits.size(table).toBytes(), kind, table ? "table" : "report", table ? "table" : "report"));
        }
        try {
            return watchdog.run(limits.time(table), () -> stages.process(report));
        } catch (Watchdog.BudgetExceededException e) {
            log.warn("{} stopped: {} (the time limit for {})", file, e.getMessage(), kind);
            return report.stop(SubmissionStatus.QUARANTINED, String.format(Locale.ROOT,
                    "extraction_budget_exceeded: %s, over the limit of %d s for %s (fazhi.limits.%s-time); to"
                    + " resolve, look for runaway or repeated text in the file, or raise --limit %s-time if it is a"
                    + " genuine long report", e.getMessage(), limits.time(table).toSeconds(), kind,
                    table ? "table" : "report", table ? "table" : "report"));
        }
    }

    private static long size(ReportInProgress report) {
        try {
            return Files.size(Path.of(report.submission().path()));
        } catch (IOException e) {
            return 0; // the stages report an unreadable file in their own words
        }
    }
}
