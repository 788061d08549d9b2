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
 * the 20-year national corpus ended 27 % above the 30 MB one with a collection every five chunks. So the
 * heap has a budget, the size it had when the step began (the JVM's initial heap) plus
 * {@link #HEADROOM_BYTES}: whenever a chunk leaves it larger, a full collection gives the memory back (a
 * fraction of a second on this small live set). And one after the step, before DuckDB composes the
 * version, so the two do not add up to the run's peak; not after a step that read no report (an ingest that finds
 * nothing new), whose heap holds only start-up's garbage: there the collection was a full one for nothing.
 */
final class HeapTrim implements ItemWriteListener<ReportInProgress>, StepExecutionListener {
    /** room for the garbage of a chunk: two workers' reports and the chunk's figures */
    static final long HEADROOM_BYTES = 128L * 1024 * 1024;

    private final Runnable collector;
    private long budget;

    HeapTrim() {
        this(System::gc);
    }

    /** With the collection it asks for (a test's counter). */
    HeapTrim(Runnable collector) {
        this.collector = collector;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        budget = Runtime.getRuntime().totalMemory() + HEADROOM_BYTES;
    }

    @Override
    public void afterWrite(Chunk<? extends ReportInProgress> items) {
        if (Runtime.getRuntime().totalMemory() > budget) {
            collector.run();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getReadCount() > 0) {
            collector.run();
        }
        return null;
    }
}
