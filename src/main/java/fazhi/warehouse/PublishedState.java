package fazhi.warehouse;

import fazhi.ingest.SubmissionDiscovery;
import fazhi.ingest.SubmissionStatus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What the warehouse holds before this run: the version a run builds on. */
public final class PublishedState {
    private final Path version;

    public PublishedState(WarehouseLayout layout) {
        this.version = new WarehousePublisher(layout).publishedVersion();
    }

    /** The published version folder (resolved once, so a run builds on one fixed version), or null. */
    public Path version() {
        return version;
    }

    /**
     * Files already handled with their current bytes: these are skipped by the next run. Files that
     * failed (for example a permission problem) are tried again.
     */
    public SubmissionDiscovery.Published knownFiles() throws SQLException {
        if (version == null) {
            return SubmissionDiscovery.Published.none();
        }
        Map<String, String> known = new HashMap<>();
        String submissions = WarehouseConnection.tableSource(version, WarehouseTable.SUBMISSIONS);
        if (submissions == null) {
            throw new SQLException("the published version " + version + " has no submissions table");
        }
        // the one table read straight from its files: no view of every table and no comments (most of opening a version)
        try (Connection c = WarehouseConnection.openDuckDb();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_file, submission_id FROM " + submissions
                     + " WHERE status <> " + SubmissionStatus.FAILED.sql() + " AND submission_id IS NOT NULL")) {
            while (rs.next()) {
                known.put(rs.getString(1), rs.getString(2));
            }
        }
        return new SubmissionDiscovery.Published(known);
    }
}
