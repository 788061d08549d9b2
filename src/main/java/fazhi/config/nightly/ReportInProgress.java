package fazhi.config.nightly;

import fazhi.extract.CleanedText;
import fazhi.extract.RawMention;
import fazhi.ingest.DecodedDocument;
import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.Identification;
import fazhi.ingest.SubmissionStatus;
import fazhi.reference.Region;
import fazhi.normalize.Mention;

import java.util.List;

/**
 * One report on its way through the extraction step. Each stage returns a copy with its own result
 * filled in; a report that is stopped (quarantined or failed) carries its status and reason and is
 * passed through untouched by the stages after.
 */
public record ReportInProgress(DiscoveredSubmission submission,
                               DecodedDocument decoded,
                               StagedTable table,
                               Identification identification,
                               Region region,
                               CleanedText cleanText,
                               List<RawMention> rawMentions,
                               List<Mention> mentions,
                               List<Mention> canonical,
                               SubmissionStatus status,
                               String reason) {

    /** A report as discovery left it: duplicates and unreadable files are already stopped. */
    public static ReportInProgress start(DiscoveredSubmission s) {
        ReportInProgress r = new ReportInProgress(s, null, null, null, null, null, List.of(), List.of(), List.of(), null, null);
        return switch (s.action()) {
            case DUPLICATE -> r.stop(SubmissionStatus.DUPLICATE, s.reason());
            case FAILED -> r.stop(SubmissionStatus.FAILED, s.reason());
            case QUARANTINE -> r.stop(SubmissionStatus.QUARANTINED, s.reason());
            case PROCESS, UNCHANGED -> r;
        };
    }

    public boolean stopped() {
        return status != null;
    }

    /** Ends the report's journey; a note discovery made about the file (a manifest ignored) is kept. */
    public ReportInProgress stop(SubmissionStatus status, String reason) {
        String note = submission.action() == DiscoveredSubmission.Action.PROCESS ? submission.reason() : null;
        return new ReportInProgress(submission, decoded, table, identification, region, cleanText, rawMentions,
                mentions, canonical, status, note == null ? reason : reason + " (" + note + ")");
    }

    public ReportInProgress withDecoded(DecodedDocument d) {
        return new ReportInProgress(submission, d, table, identification, region, cleanText, rawMentions, mentions,
                canonical, status, reason);
    }

    /** A table of figures sent instead of prose, its figures already staged. */
    public ReportInProgress withTable(StagedTable t) {
        return new ReportInProgress(submission, decoded, t, identification, region, cleanText, rawMentions, mentions,
                canonical, status, reason);
    }

    public ReportInProgress withIdentification(Identification id, Region r) {
        return new ReportInProgress(submission, decoded, table, id, r, cleanText, rawMentions, mentions, canonical,
                status, reason);
    }

    public ReportInProgress withCleanText(CleanedText text) {
        return new ReportInProgress(submission, decoded, table, identification, region, text, rawMentions, mentions,
                canonical, status, reason);
    }

    public ReportInProgress withRawMentions(List<RawMention> raw) {
        return new ReportInProgress(submission, decoded, table, identification, region, cleanText, List.copyOf(raw),
                mentions, canonical, status, reason);
    }

    public ReportInProgress withMentions(List<Mention> all, List<Mention> chosen) {
        return new ReportInProgress(submission, decoded, table, identification, region, cleanText, rawMentions,
                List.copyOf(all), List.copyOf(chosen), status, reason);
    }

    /** Drops the large intermediate text once it is no longer needed, so a chunk holds little memory. */
    public ReportInProgress withoutText() {
        DecodedDocument slim = decoded == null ? null : new DecodedDocument(decoded.format(), decoded.encoding(), null);
        return new ReportInProgress(submission, slim, table, identification, region, null, List.of(), mentions,
                canonical, status, reason);
    }
}
