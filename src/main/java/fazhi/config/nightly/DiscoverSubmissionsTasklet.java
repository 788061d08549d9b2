package fazhi.config.nightly;

import fazhi.correct.CorrectionSources;
import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.Manifest;
import fazhi.ingest.MalformedManifestException;
import fazhi.ingest.ManifestReader;
import fazhi.ingest.SubmissionDiscovery;
import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.PublishedState;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.SubmissionRow;
import fazhi.warehouse.VersionFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.List;

/**
 * discover submissions: lists the input folder, hashes each file, reads the manifest and stages the
 * list of what to do with every file, and stages the corrections to apply (corrections.csv of the input folder
 * and of the warehouse). Nothing is read beyond the bytes needed for the hash.
 */
public class DiscoverSubmissionsTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(DiscoverSubmissionsTasklet.class);

    private final Path input;
    private final StagingArea staging;
    private final PublishedState published;
    private final boolean reprocess;
    private final ManifestReader manifestReader;
    private final CorrectionSources corrections;

    public DiscoverSubmissionsTasklet(Path input, StagingArea staging, PublishedState published, boolean reprocess,
                                      ManifestReader manifestReader, CorrectionSources corrections) {
        this.input = input;
        this.corrections = corrections;
        this.manifestReader = manifestReader;
        this.staging = staging;
        this.published = published;
        this.reprocess = reprocess;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Manifest manifest;
        String note = null;
        try {
            manifest = manifestReader.readFolder(input);
        } catch (MalformedManifestException e) {
            // the files are still read: region and year come from their text, and each says why
            note = "manifest.csv ignored: " + e.getMessage();
            log.error("{} in {}", note, input);
            manifest = Manifest.empty();
        }
        for (var p : manifest.problems()) {
            log.warn(p.describe());
        }
        // corrections.csv is read here, as corrections, and never as a submission (SubmissionDiscovery leaves it out)
        CorrectionSources.Staged staged = corrections.stage(staging.correctionsFile());
        for (var p : staged.problems()) {
            log.warn("correction not used: {}", p.describe());
        }
        log.info("corrections: {} to apply, {} not usable (listed in the corrections table)", staged.corrections(),
                staged.problems().size());
        var discovery = new SubmissionDiscovery(manifest, note);
        var known = reprocess ? SubmissionDiscovery.Published.none() : published.knownFiles();
        long[] counts = new long[2];
        try (var out = new ParquetTableWriter<>(staging.discoveredFile(), DiscoveredSubmission.class)) {
            discovery.discover(input, known, d -> {
                out.write(d);
                counts[0]++;
                if (d.action() == DiscoveredSubmission.Action.UNCHANGED) {
                    counts[1]++;
                }
            });
        }
        // zero-row files give each staged table its schema even when no chunk writes to it
        String empty = "chunk-empty.parquet";
        ParquetTableWriter.writeAll(staging.chunkDir(StagingArea.SUBMISSIONS).resolve(empty), SubmissionRow.class, List.of());
        ParquetTableWriter.writeAll(staging.chunkDir(StagingArea.OBSERVATIONS).resolve(empty), ObservationRow.class, List.of());
        ParquetTableWriter.writeAll(staging.chunkDir(StagingArea.MENTIONS).resolve(empty), MentionRow.class, List.of());
        contribution.incrementWriteCount(counts[0]);
        contribution.incrementFilterCount(counts[1]);
        log.info("discovered {} files in {} ({} unchanged since they were published)", counts[0], input, counts[1]);
        if (counts[0] == counts[1] && KEEPS_UNCHANGED_VERSION.equals(chunkContext.getStepContext().getJobName())) {
            keepPublishedVersionIfUnchanged(chunkContext);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The job that may keep the published version when nothing changed: ingest. The nightly job also recomputes the
     * statistics and rankings, which an ingest run carries over unchanged: the published ones may be older than its
     * observations, so the nightly job always composes a new version.
     */
    static final String KEEPS_UNCHANGED_VERSION = "ingest";

    /**
     * No file to read: when the corrections, the knowledge files and fazhi's build are those the published version
     * was made with, composing would give that version again, so the run keeps it ({@link KeptVersion}).
     */
    private void keepPublishedVersionIfUnchanged(ChunkContext chunkContext) {
        Path version = published.version();
        if (reprocess || version == null) {
            return;
        }
        var made = VersionFingerprint.read(version);
        if (made.isPresent() && made.get().equals(VersionFingerprint.now(staging.correctionsFile(), made.get()))) {
            KeptVersion.record(chunkContext, version.getFileName().toString());
            log.info("nothing new since version {} (no new or changed file, the same corrections and knowledge): "
                    + "it stays published", version.getFileName());
        }
    }
}
