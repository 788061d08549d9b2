package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.ingest.DecodedDocument;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.ingest.TextStream;
import fazhi.ingest.UnreadableSubmissionException;
import fazhi.normalize.Mention;
import fazhi.normalize.StructuredFigures;
import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.StagingArea;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;

/**
 * read a table of figures (.csv / .json sent instead of prose), as a stream: each row is checked (indicator,
 * value, unit, and whose figure it is: the row's region_code and year, else the manifest's) and written
 * straight to the staging area as an observation and a mention, so a province's or a country's table
 * takes no more memory than a county's. A table with a row that cannot be used is held back whole,
 * naming the first such rows: the sender should fix and resend it.
 *
 * <p>The staged files are named by the submission and appear (by rename) only once complete. A table held
 * back, or a chunk rolled back, may leave files that composing ignores (no published submission owns
 * them); a restart writes them again under the same names.
 */
public class ReadFigureTableProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final StructuredFigures tables;
    private final RegionTable regions;
    private final StagingArea staging;
    private final String runId;

    public ReadFigureTableProcessor(StructuredFigures tables, RegionTable regions, StagingArea staging, String runId) {
        this.tables = tables;
        this.regions = regions;
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) throws IOException {
        String format = StagingChunkWriter.formatFromName(report.submission().sourceFile());
        if (report.stopped() || !StructuredFigures.isStructured(format)) {
            return report;
        }
        var s = report.submission();
        Path file = Path.of(s.path());
        String encoding;
        try (TextStream probe = TextStream.open(file)) {
            encoding = probe.encoding();
        } catch (UnreadableSubmissionException e) {
            return report.stop(SubmissionStatus.QUARANTINED, "unreadable: " + e.getMessage());
        }
        ReportInProgress decoded = report.withDecoded(new DecodedDocument(format, encoding, null));
        String name = "table-" + s.submissionId() + ".parquet";
        Path observations = staging.chunkDir(StagingArea.OBSERVATIONS).resolve(name);
        Path mentions = staging.chunkDir(StagingArea.MENTIONS).resolve(name);
        Path observationsPart = observations.resolveSibling(name + ".part");
        Path mentionsPart = mentions.resolveSibling(name + ".part");
        Whose whose = new Whose();
        var problems = new StructuredFigures.Problems();
        boolean complete = false;
        try {
            try (var obs = new ParquetTableWriter<>(observationsPart, ObservationRow.class);
                 var men = new ParquetTableWriter<>(mentionsPart, MentionRow.class)) {
                tables.read(format, () -> TextStream.reopen(file, encoding), problems, row -> {
                    String where = ("json".equals(format) ? "figure " : "row ") + row.number() + ": ";
                    String code = agree(row.regionCode(), s.manifestRegionCode(), "region_code", where, problems);
                    Integer year = agree(row.year(), s.manifestYear(), "year", where, problems);
                    if (code == null || year == null) {
                        problems.add(where + (code == null
                                ? "region_unresolved: neither the row nor the manifest names it; to resolve, add a"
                                        + " region_code column to the table or a manifest.csv row with its region_code"
                                : "year_unresolved: neither the row nor the manifest names it; to resolve, add a year"
                                        + " column to the table or a manifest.csv row with its year"));
                        return;
                    }
                    Region region = regions.byCode(code.strip()).orElse(null);
                    if (region == null) {
                        problems.add(where + "region_code " + code + " is not in the GB/T 2260 table");
                        return;
                    }
                    if (!problems.isEmpty()) {
                        return; // the table is held back whole: stop writing, keep counting what is wrong
                    }
                    Mention m = row.figure();
                    obs.write(new ObservationRow(s.submissionId(), region.code(), region.name(), region.provinceCode(),
                            year, m.indicator(), m.value(), m.unit(), m.qualifier().code(), m.evidence(),
                            m.charOffset(), s.sourceFile(), m.rule(), runId, s.synthetic()));
                    men.write(new MentionRow(s.submissionId(), region.code(), year, m.indicator(), m.value(), m.unit(),
                            m.qualifier().code(), m.evidence(), m.charOffset(), m.rule(), true, runId));
                    whose.add(region.code(), year);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (problems.isEmpty()) {
                Files.move(observationsPart, observations, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                Files.move(mentionsPart, mentions, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                complete = true;
            }
        } finally {
            if (!complete) {
                Files.deleteIfExists(observationsPart);
                Files.deleteIfExists(mentionsPart);
            }
        }
        if (!problems.isEmpty()) {
            return decoded.stop(SubmissionStatus.QUARANTINED, "table: " + problems.describe());
        }
        return decoded.withTable(new StagedTable(whose.figures, whose.single ? whose.region : null,
                        whose.single ? whose.year : null))
                .stop(SubmissionStatus.PUBLISHED, String.format(Locale.ROOT, "published %,d figures%s", whose.figures,
                        whose.single ? "" : " of several regions or years"));
    }

    /** The row's own value, else the manifest's; a row that contradicts the manifest is a problem. */
    private static <T> T agree(T row, T manifest, String column, String where, StructuredFigures.Problems problems) {
        if (row != null && manifest != null && !Objects.equals(String.valueOf(row).strip(), String.valueOf(manifest))) {
            problems.add(where + column + " " + row + " differs from the manifest's " + manifest);
        }
        return row != null ? row : manifest;
    }

    /** Whose figures the table gave: counted, and whether they are all one region's and year's. */
    private static final class Whose {
        long figures;
        String region;
        Integer year;
        boolean single = true;

        void add(String regionCode, int y) {
            if (figures == 0) {
                region = regionCode;
                year = y;
            } else if (single && (!region.equals(regionCode) || year != y)) {
                single = false;
            }
            figures++;
        }
    }
}
