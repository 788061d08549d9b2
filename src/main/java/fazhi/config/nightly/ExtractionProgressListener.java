package fazhi.config.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Long runs show progress: every few seconds, how many files the extraction step has written, of how
 * many, and how fast. Logs only; counts come from the step executions of the job repository.
 */
public class ExtractionProgressListener implements StepExecutionListener, ItemWriteListener<ReportInProgress> {
    private static final Logger log = LoggerFactory.getLogger(ExtractionProgressListener.class);
    private static final long EVERY_NANOS = 5_000_000_000L;

    private long total;
    private long done;
    private long started;
    private long lastLog;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // files to extract = written by discovery, less those skipped as unchanged
        total = stepExecution.getJobExecution().getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("discoverSubmissionsStep"))
                .mapToLong(s -> s.getWriteCount() - s.getFilterCount()).sum();
        done = stepExecution.getWriteCount();
        started = lastLog = System.nanoTime();
    }

    @Override
    public void afterWrite(Chunk<? extends ReportInProgress> items) {
        done += items.size();
        long now = System.nanoTime();
        if (now - lastLog >= EVERY_NANOS) {
            lastLog = now;
            double rate = done / Math.max(1e-9, (now - started) / 1e9);
            long left = rate > 0 ? (long) ((total - done) / rate) : 0;
            log.info("extracting: {} of {} files ({}%), {} files/s, about {} s left", done, total,
                    total == 0 ? 100 : done * 100 / total, Math.round(rate), left);
        }
    }
}
