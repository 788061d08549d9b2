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

/**
 * Writes each chunk of reports to the staging area as Parquet files named by the chunk's first item,
 * so that a restarted step rewrites exactly the chunk it had not committed.
 */
public class StagingChunkWriter implements ItemStreamWriter<ReportInProgress> {
    private static final String WRITTEN = "staging.written";

    private final StagingArea staging;
    private final String runId;
    private long written;

    public StagingChunkWriter(StagingArea staging, String runId) {
        this.staging = staging;
        this.runId = runId;
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
        ParquetTableWriter.writeAll(file(StagingArea.SUBMISSIONS, name), SubmissionRow.class, submissions);
        if (!observations.isEmpty()) {
            ParquetTableWriter.writeAll(file(StagingArea.OBSERVATIONS, name), ObservationRow.class, observations);
        }
        if (!mentions.isEmpty()) {
            ParquetTableWriter.writeAll(file(StagingArea.MENTIONS, name), MentionRow.class, mentions);
        }
        written += chunk.size();
    }

    private Path file(String table, String name) {
        return staging.chunkDir(table).resolve(name);
    }

    static String formatFromName(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "unknown" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
