package fazhi.config.nightly;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Keeps the memory of the extraction step independent of the number of files. What a chunk leaves alive is
 * small (its figures are written and dropped), but G1 keeps the memory the step's garbage made it take and
 * takes more the longer the step runs, most of all on a busy machine where its collections look costly:
 * the national corpus ended some 25 % above the 30 MB one. A full collection every few chunks gives that
 * memory back, so every stretch of a run, short or long, starts from the same small heap; and one after
 * the step, before DuckDB composes the version, so the two do not add up to the run's peak. A full
 * collection of this small live set takes a fraction of a second, a few per cent of the step's time.
 */
final class HeapTrim implements ItemWriteListener<ReportInProgress>, StepExecutionListener {
    /** chunks between collections (1,000 reports at 200 a chunk) */
    static final int EVERY_CHUNKS = 5;

    private int chunks;

    @Override
    public void afterWrite(Chunk<? extends ReportInProgress> items) {
        if (++chunks % EVERY_CHUNKS == 0) {
            System.gc();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        System.gc();
        return null;
    }
}
