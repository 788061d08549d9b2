package fazhi.config.nightly;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** Counts the CPU time of writing each chunk to the staging area as the stage "stage-write". */
public class ChunkWriteTimer implements ItemWriteListener<ReportInProgress> {
    private final StageClock clock;
    private long started;

    public ChunkWriteTimer(StageClock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeWrite(Chunk<? extends ReportInProgress> items) {
        started = StageClock.threadCpuNanos();
    }

    @Override
    public void afterWrite(Chunk<? extends ReportInProgress> items) {
        clock.add("stage-write", StageClock.threadCpuNanos() - started);
    }
}
