package fazhi.config.nightly;

import com.jerolba.carpet.CarpetReader;
import com.jerolba.carpet.CloseableIterator;
import com.jerolba.carpet.FieldMatchingStrategy;
import fazhi.ingest.DiscoveredSubmission;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.File;

/**
 * Streams the discovered files (every file but the unchanged ones) from the staged Parquet list. The
 * item count is kept in the step's execution context, so a restart resumes after the last committed chunk.
 */
public class DiscoveredSubmissionReader extends AbstractItemCountingItemStreamItemReader<ReportInProgress> {
    private final File discovered;
    private CloseableIterator<DiscoveredSubmission> rows;

    public DiscoveredSubmissionReader(File discovered) {
        this.discovered = discovered;
        setName("discoveredSubmissionReader");
    }

    @Override
    protected void doOpen() {
        rows = new CarpetReader<>(discovered, DiscoveredSubmission.class)
                .withFieldMatchingStrategy(FieldMatchingStrategy.SNAKE_CASE)
                .iterator();
    }

    @Override
    protected ReportInProgress doRead() {
        while (rows.hasNext()) {
            DiscoveredSubmission s = rows.next();
            if (s.action() != DiscoveredSubmission.Action.UNCHANGED) {
                return ReportInProgress.start(s);
            }
        }
        return null;
    }

    @Override
    protected void doClose() throws Exception {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
