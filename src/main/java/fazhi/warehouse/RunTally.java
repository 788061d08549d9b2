package fazhi.warehouse;

import fazhi.ingest.SubmissionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What one run did with the files it handled, by status, from the published {@code submissions}: the outcome
 * kept in the job repository, so a night that held files back never reads like a clean one.
 *
 * @param unacknowledged quarantined or failed files that the manifest did not expect to be (they raise the
 *                       published-with-quarantines exit code)
 */
public record RunTally(long published, long quarantined, long duplicate, long failed, long unacknowledged) {

    /** The tally of the files that run {@code runId} handled (files it skipped as unchanged are not counted). */
    public static RunTally of(Connection publishedWarehouse, String runId) throws SQLException {
        try (PreparedStatement s = publishedWarehouse.prepareStatement("""
                SELECT count(*) FILTER (WHERE status = %s),
                       count(*) FILTER (WHERE status = %s),
                       count(*) FILTER (WHERE status = %s),
                       count(*) FILTER (WHERE status = %s),
                       count(*) FILTER (WHERE status IN %s
                                          AND status IS DISTINCT FROM expected_status)
                  FROM submissions WHERE run_id = ?""".formatted(SubmissionStatus.PUBLISHED.sql(),
                SubmissionStatus.QUARANTINED.sql(), SubmissionStatus.DUPLICATE.sql(), SubmissionStatus.FAILED.sql(),
                SubmissionStatus.sqlList(SubmissionStatus.HELD_BACK)))) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RunTally(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }

    /** Every file published, a duplicate, or held back as the manifest expected. */
    public boolean clean() {
        return unacknowledged == 0;
    }

    /** "2464 published, 108 quarantined, 0 duplicate, 0 failed (108 not expected by the manifest)" */
    public String describe() {
        return published + " published, " + quarantined + " quarantined, " + duplicate + " duplicate, " + failed
                + " failed" + (unacknowledged > 0 ? " (" + unacknowledged + " not expected by the manifest)" : "");
    }
}
