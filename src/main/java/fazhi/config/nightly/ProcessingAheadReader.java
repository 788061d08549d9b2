package fazhi.config.nightly;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.task.AsyncTaskExecutor;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Hands the extraction step its reports already processed, in the order of the discovered list: the reports
 * ahead of the one asked for are read and processed by the workers meanwhile, at most {@link #WINDOW} of them.
 *
 * <p>Why not the step's own concurrent processing: it processes a chunk, waits for its last report, then writes
 * the chunk and commits while the workers wait, at every chunk. Here the workers go on with the next reports
 * while the step thread writes, so both cores stay busy. A restart is as before: the count of reports handed
 * over is what the step commits, and the reports processed ahead but not yet handed over are processed again.
 */
public class ProcessingAheadReader extends AbstractItemCountingItemStreamItemReader<ReportInProgress> {
    /**
     * Reports in flight at most: enough to keep the workers busy while a chunk is written (a fraction of a second),
     * and few enough that their figures are a small fraction of the chunk's (they are held until handed over).
     */
    static final int WINDOW = 64;

    private final DiscoveredSubmissionReader discovered;
    private final ItemProcessor<ReportInProgress, ReportInProgress> stages;
    private final AsyncTaskExecutor workers;
    private final ArrayDeque<Future<ReportInProgress>> inFlight = new ArrayDeque<>();
    private StepExecution stepExecution;
    private boolean exhausted;

    public ProcessingAheadReader(DiscoveredSubmissionReader discovered,
                                 ItemProcessor<ReportInProgress, ReportInProgress> stages, AsyncTaskExecutor workers) {
        this.discovered = discovered;
        this.stages = stages;
        this.workers = workers;
        // the count of reports handed over is saved under the name the step's reader had before this one, so a run
        // stopped by an earlier build resumes after the reports it had committed
        setName("discoveredSubmissionReader");
    }

    @Override
    public void open(ExecutionContext context) {
        var step = StepSynchronizationManager.getContext();
        stepExecution = step == null ? null : step.getStepExecution();
        super.open(context);
    }

    @Override
    protected void doOpen() throws Exception {
        // the discovered list is read from its start; a restart skips what was handed over (jumpToItem)
        discovered.open(new ExecutionContext());
        exhausted = false;
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex && discovered.read() != null; i++) {
            // skipped unprocessed: these reports were written before the restart
        }
    }

    @Override
    protected ReportInProgress doRead() throws Exception {
        while (!exhausted && inFlight.size() < WINDOW) {
            ReportInProgress next = discovered.read();
            if (next == null) {
                exhausted = true;
            } else {
                inFlight.add(workers.submit(() -> process(next)));
            }
        }
        Future<ReportInProgress> head = inFlight.poll();
        if (head == null) {
            return null;
        }
        try {
            return head.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** On a worker: the stages of one report, with the step's scope visible to them as on the step's thread. */
    private ReportInProgress process(ReportInProgress report) throws Exception {
        if (stepExecution != null) {
            StepSynchronizationManager.register(stepExecution);
        }
        try {
            ReportInProgress processed = stages.process(report);
            if (processed == null) {
                throw new IllegalStateException("the extraction stages dropped " + report.submission().sourceFile()
                        + ": every file must leave the step with a status");
            }
            return processed;
        } finally {
            if (stepExecution != null) {
                StepSynchronizationManager.close();
            }
        }
    }

    @Override
    protected void doClose() throws Exception {
        // a failed or stopped step leaves reports in flight: never handed over, so never committed, they are
        // read again by the next run
        for (Future<ReportInProgress> f : inFlight) {
            f.cancel(false);
        }
        inFlight.clear();
        discovered.close();
    }
}
