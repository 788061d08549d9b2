package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.correct.CorrectionStatus;
import fazhi.ingest.SubmissionStatus;
import fazhi.warehouse.RunTally;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/** What an operator reads after a run, and the exit code that says the same to a scheduler. */
final class RunSummary {
    private static final String HELD_BACK = SubmissionStatus.sqlList(SubmissionStatus.HELD_BACK);
    /** The tables the summary reads. */
    private static final Set<WarehouseTable> READ = EnumSet.of(WarehouseTable.SUBMISSIONS, WarehouseTable.OBSERVATIONS,
            WarehouseTable.VALIDATION_ISSUES, WarehouseTable.VALIDATION_SUMMARY, WarehouseTable.CORRECTIONS,
            WarehouseTable.DISCLOSURE);
    private final Path warehouse;
    private final BatchRunner.RunOutcome outcome;

    RunSummary(Path warehouse, BatchRunner.RunOutcome outcome) {
        this.warehouse = warehouse;
        this.outcome = outcome;
    }

    int print(PrintStream out) {
        if (outcome.status() == org.springframework.batch.core.BatchStatus.STOPPED) {
            out.println("run " + outcome.runId() + " STOPPED: " + outcome.exitDescription());
            out.println("nothing was published; the warehouse is unchanged. The next run resumes this one.");
            return ExitCodes.STOPPED;
        }
        if (!outcome.completed()) {
            out.println("run " + outcome.runId() + " " + outcome.status() + ": " + outcome.exitDescription());
            out.println("nothing was published; the warehouse is unchanged. Fix the cause and run again.");
            return ExitCodes.RUN_FAILED;
        }
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(warehouse), READ);
             Statement s = c.createStatement()) {
            WarehouseLayout layout = new WarehouseLayout(warehouse);
            String published = layout.current().toRealPath().getFileName().toString();
            out.println(published.equals(outcome.runId())
                    ? "run " + outcome.runId() + " published to " + layout.root()
                    : "run " + outcome.runId() + " found nothing new: version " + published + " stays published at "
                    + layout.root());
            // a quarantine the manifest expected (an acknowledged template, say) is reported but raises no alarm
            try (ResultSet rs = s.executeQuery("SELECT status || CASE WHEN status = expected_status "
                    + "AND status IN " + HELD_BACK + " THEN ' (as expected)' ELSE '' END, count(*) "
                    + "FROM submissions WHERE run_id = '" + outcome.runId() + "' GROUP BY 1 ORDER BY 1")) {
                StringBuilder line = new StringBuilder("  this run's files:");
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    line.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
                }
                out.println(any ? line : "  no new or changed files");
            }
            try (ResultSet rs = s.executeQuery("SELECT source_file, status, reason FROM submissions WHERE run_id = '"
                    + outcome.runId() + "' AND status IN " + HELD_BACK + " ORDER BY source_file")) {
                while (rs.next()) {
                    out.println("    " + rs.getString(2) + ": " + rs.getString(1) + " — " + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM observations), "
                    + "(SELECT count(DISTINCT region_code) FROM observations), "
                    + "(SELECT count(*) FROM submissions WHERE status = " + SubmissionStatus.PUBLISHED.sql() + "), "
                    + "(SELECT count(*) FROM validation_issues)")) {
                rs.next();
                out.println("  warehouse: " + Counted.of(rs.getLong(1), "observation", "observations") + " from "
                        + Counted.of(rs.getLong(2), "region", "regions") + " in "
                        + Counted.of(rs.getLong(3), "published report", "published reports") + "; "
                        + Counted.of(rs.getLong(4), "validation issue", "validation issues"));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE synthetic), count(*) FROM observations")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    out.printf("  NOTE: %d of these %d observations are SYNTHETIC (generated, synthetic = true), "
                            + "and so are the statistics and rankings made from them%n", rs.getLong(1), rs.getLong(2));
                }
            }
            out.println("  validation (the confrontation summary; details in validation_issues):");
            try (ResultSet rs = s.executeQuery("SELECT rule, severity, items, passes, fails, not_applicable, "
                    + "coalesce(error, '') AS error FROM validation_summary ORDER BY severity, rule")) {
                java.io.StringWriter table = new java.io.StringWriter();
                ResultPrinter.print(rs, ResultPrinter.Format.TABLE, new java.io.PrintWriter(table));
                table.toString().lines().forEach(l -> out.println("    " + l));
            }
            corrections(s, out);
            disclosure(s, out);
            out.println("  query it: ./fazhi sql " + warehouseOption() + "\"select * from observations limit 10\"");
            // the same tally the job wrote into the job repository (fazhi jobs)
            return RunTally.of(c, outcome.runId()).clean() ? ExitCodes.OK : ExitCodes.PUBLISHED_WITH_QUARANTINES;
        } catch (SQLException | java.io.IOException e) {
            out.println("run " + outcome.runId() + " completed, but the warehouse could not be read back: "
                    + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        }
    }

    /** "--warehouse X " when the run's warehouse is not the default one, so that the hint can be pasted as it is. */
    private String warehouseOption() {
        return warehouse.equals(Path.of("warehouse")) ? "" : "--warehouse " + shellWord(warehouse.toString()) + " ";
    }

    private static String shellWord(String s) {
        return s.matches("[\\w./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The corrections of figures: how many are applied, and each one that was not (needs_review when the report it
     * was made against was replaced, invalid rows of a corrections file, …) with the reason.
     */
    private static void corrections(Statement s, PrintStream out) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name = 'corrections'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return;
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT status, count(*) FROM corrections GROUP BY 1 ORDER BY 1")) {
            StringBuilder line = new StringBuilder("  corrections:");
            boolean any = false;
            while (rs.next()) {
                any = true;
                line.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
            if (!any) {
                return;
            }
            out.println(line);
        }
        try (ResultSet rs = s.executeQuery("SELECT status, coalesce(region_name || ' ' || region_code || ' ' || year "
                + "|| ' ' || indicator || ' — ', ''), status_reason FROM corrections WHERE status NOT IN (" + CorrectionStatus.APPLIED.sql()
                + ", " + CorrectionStatus.SUPERSEDED.sql() + ") ORDER BY status, region_code, year, indicator, recorded_in, line")) {
            while (rs.next()) {
                out.println("    " + rs.getString(1) + ": " + rs.getString(2) + rs.getString(3));
            }
        }
    }

    /** The disclosure index of the real reports (the newest first, at most {@value #DISCLOSURE_ROWS} of them). */
    private static void disclosure(Statement s, PrintStream out) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_views() WHERE view_name = 'disclosure'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return;   // an ingest run into a warehouse whose statistics were never computed
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE NOT synthetic), count(*) FILTER (WHERE synthetic),"
                + " max(catalog_size) FROM disclosure")) {
            rs.next();
            if (rs.getLong(1) + rs.getLong(2) == 0) {
                return;
            }
            out.printf("  disclosure index (figures of the %d-indicator catalog each report discloses; "
                    + "fazhi rank --year Y --index disclosure): %d real reports%s%n", rs.getInt(3), rs.getLong(1),
                    rs.getLong(2) > 0 ? ", " + rs.getLong(2) + " synthetic ones ranked apart" : "");
            if (rs.getLong(1) == 0) {
                return;
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT region_name AS county, region_code AS code, year,"
                + " indicators_disclosed || '/' || catalog_size AS disclosed, round(100 * share) || '%' AS share,"
                + " CASE WHEN rank IS NULL THEN '' ELSE rank || ' of ' || peers END AS rank,"
                + " CASE WHEN rank IS NULL THEN '' ELSE rank_p05 || '-' || rank_p95 END AS interval_90"
                + " FROM disclosure WHERE NOT synthetic ORDER BY year DESC, province_code, rank NULLS LAST, region_code"
                + " LIMIT " + DISCLOSURE_ROWS)) {
            java.io.StringWriter table = new java.io.StringWriter();
            ResultPrinter.print(rs, ResultPrinter.Format.TABLE, new java.io.PrintWriter(table));
            table.toString().lines().forEach(l -> out.println("    " + l));
        }
    }

    private static final int DISCLOSURE_ROWS = 20;
}
