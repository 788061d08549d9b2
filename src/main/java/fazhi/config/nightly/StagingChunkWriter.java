package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.normalize.Mention;
import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.SubmissionRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Writes each chunk of reports to the staging area as Parquet files named by the chunk's first item,
 * so that a restarted step rewrites exactly the chunk it had not committed.
 * <p>
 * A chunk's observations and mentions are written by the extraction workers while the step thread writes its
 * submissions: the workers have nothing else to do then (the step writes a chunk between two chunks of
 * processing), and each of the three files is a Parquet writer of its own. The write still returns only once all
 * three are written, so the chunk is committed after its files exist, as before.
 */
public class StagingChunkWriter implements ItemStreamWriter<ReportInProgress> {
    private static final String WRITTEN = "staging.written";

    private final StagingArea staging;
    private final String runId;
    private final Executor workers;
    private final StageClock clock;
    private long written;

    /**
     * @param workers where the observations and mentions files are written (the step's idle workers)
     * @param clock   counts the workers' CPU time of those writes as "stage-write" (ChunkWriteTimer counts the
     *                step thread's)
     */
    public StagingChunkWriter(StagingArea staging, String runId, Executor workers, StageClock clock) {
        this.staging = staging;
        this.runId = runId;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public void open(ExecutionContext context) {
        written = context.getLong(WRITTEN, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(WRITTEN, written);
    }

    @Override
    public void write(Chunk<? extends ReportInProgress> chunk) {
        Instant now = Instant.now();
        List<SubmissionRow> submissions = new ArrayList<>();
        List<ObservationRow> observations = new ArrayList<>();
        List<MentionRow> mentions = new ArrayList<>();
        for (ReportInProgress r : chunk) {
            var s = r.submission();
            boolean published = r.status() == SubmissionStatus.PUBLISHED;
            if (published && r.table() == null) {
                Set<Mention> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                chosen.addAll(r.canonical());
                for (Mention m : r.canonical()) {
                    observations.add(new ObservationRow(s.submissionId(), r.region().code(), r.region().name(),
                            r.region().provinceCode(), r.identification().year(), m.indicator(), m.value(), m.unit(),
                            m.qualifier().code(), m.evidence(), m.charOffset(), s.sourceFile(), m.rule(), runId,
                            s.synthetic()));
                }
                for (Mention m : r.mentions()) {
                    mentions.add(new MentionRow(s.submissionId(), r.region().code(), r.identification().year(),
                            m.indicator(), m.value(), m.unit(), m.qualifier().code(), m.evidence(), m.charOffset(),
                            m.rule(), chosen.contains(m), runId));
                }
            }
            submissions.add(new SubmissionRow(s.submissionId(), s.sourceFile(), s.bytes(),
                    r.decoded() == null ? formatFromName(s.sourceFile()) : r.decoded().format(),
                    r.decoded() == null ? null : r.decoded().encoding(),
                    r.region() != null ? r.region().code() : r.table() != null ? r.table().regionCode() : s.manifestRegionCode(),
                    r.identification() != null ? r.identification().year() : r.table() != null ? r.table().year() : s.manifestYear(),
                    r.status().code(), r.reason(), !published ? 0 : r.table() != null ? (int) r.table().figures() : r.canonical().size(),
                    runId, now, s.synthetic(),
                    s.expectedStatus() == null ? null : s.expectedStatus().code()));
        }
        String name = String.format("chunk-%09d.parquet", written);
        var observationsWritten = observations.isEmpty() ? CompletableFuture.completedFuture(0L)
                : CompletableFuture.supplyAsync(() -> timed(() -> ParquetTableWriter.writeAll(
                        file(StagingArea.OBSERVATIONS, name), ObservationRow.class, observations)), workers);
        var mentionsWritten = mentions.isEmpty() ? CompletableFuture.completedFuture(0L)
                : CompletableFuture.supplyAsync(() -> timed(() -> ParquetTableWriter.writeAll(
                        file(StagingArea.MENTIONS, name), MentionRow.class, mentions)), workers);
        try {
            ParquetTableWriter.writeAll(file(StagingArea.SUBMISSIONS, name), SubmissionRow.class, submissions);
        } finally {
            // never return (and so never commit, nor fail the chunk) while a file of the chunk is being written
            CompletableFuture.allOf(observationsWritten, mentionsWritten).exceptionally(e -> null).join();
        }
        try {
            observationsWritten.join();
            mentionsWritten.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        written += chunk.size();
    }

    private long timed(LongSupplier write) {
        long started = StageClock.threadCpuNanos();
        try {
            return write.getAsLong();
        } finally {
            clock.addTime("stage-write", StageClock.threadCpuNanos() - started);
        }
    }

    private Path file(String table, String name) {
        return staging.chunkDir(table).resolve(name);
    }

    static String formatFromName(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "unknown" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
