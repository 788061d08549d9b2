package fazhi.config.nightly;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Optional;

/**
 * The published version a run keeps because it found nothing that would change it (DiscoverSubmissionsTasklet):
 * recorded in the job's execution context, which the job repository saves after each step, so that a run
 * restarted after a crash keeps it too, even once its staging area is gone. The steps that compose, validate,
 * write, carry and publish a version then have nothing to do.
 */
final class KeptVersion {
    static final String KEY = "fazhi.keptVersion";

    private KeptVersion() {
    }

    static void record(ChunkContext chunk, String version) {
        context(chunk).putString(KEY, version);
    }

    static Optional<String> of(ChunkContext chunk) {
        ExecutionContext context = context(chunk);
        return context.containsKey(KEY) ? Optional.of(context.getString(KEY)) : Optional.empty();
    }

    private static ExecutionContext context(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
