package fazhi.warehouse;

import fazhi.ingest.SubmissionStatus;
import fazhi.validate.ValidationRule.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * Composes the next version of the warehouse in the run's compose database: the previous version, less
 * what this run replaces, plus what this run staged. Rules (documented in the README):
 * <ul>
 *   <li>a file is keyed by its path in the input folder; a new version of a file replaces the old one;</li>
 *   <li>the figures of a (region, year) come from one submission. A report covers one (region, year), a
 *       table of figures may cover many; of those covering it, the one covering fewest wins (a county's own
 *       report before a province's table), then the one ingested last (ties: the greater file name). A
 *       submission left covering none becomes {@code duplicate}, the reason naming a winner;</li>
 *   <li>observations and mentions follow their submission.</li>
 * </ul>
 * Candidate tables are named {@code cand_*}; corrections (fazhi.correct.CorrectionApplier) change
 * cand_observations and add cand_corrections, and validation reads them, before {@link #writeVersion} writes.
 */
public final class WarehouseComposer {
    private final StagingArea staging;

    public WarehouseComposer(StagingArea staging) {
        this.staging = staging;
    }

    /** Builds cand_submissions, cand_observations and cand_mentions. */
    public void composeCandidates(Connection db, Path previousVersion) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String t : new String[]{StagingArea.SUBMISSIONS, StagingArea.OBSERVATIONS, StagingArea.MENTIONS}) {
                String staged = "read_parquet(" + quote(staging.chunkDir(t) + "/*.parquet") + ")";
                if (t.equals(StagingArea.OBSERVATIONS)) {
                    // a report has one figure per indicator; a table that states one twice counts its first row
                    s.execute("CREATE OR REPLACE TABLE new_" + t + " AS SELECT o.* FROM " + staged + " o SEMI JOIN ("
                            + "SELECT submission_id, region_code, year, indicator, min(char_offset) AS first FROM "
                            + staged + " GROUP BY ALL) f ON f.submission_id = o.submission_id AND f.region_code = "
                            + "o.region_code AND f.year = o.year AND f.indicator = o.indicator AND f.first = o.char_offset");
                } else {
                    s.execute("CREATE OR REPLACE TABLE new_" + t + " AS SELECT * FROM " + staged);
                }
                String prev = previousVersion == null ? null
                        : WarehouseConnection.tableSource(previousVersion, tableOf(t));
                // province exists only in the hive path of observations; the rows carry province_code
                String exclude = t.equals(StagingArea.OBSERVATIONS) ? " EXCLUDE (province)" : "";
                if (prev != null) {
                    s.execute("CREATE OR REPLACE TABLE prev_" + t + " AS SELECT *" + exclude + " FROM " + prev);
                } else {
                    s.execute("CREATE OR REPLACE TABLE prev_" + t + " AS SELECT * FROM new_" + t + " LIMIT 0");
                }
            }
            s.execute("""
                    CREATE OR REPLACE TABLE cand_submissions AS
                    SELECT * FROM prev_submissions
                     WHERE source_file NOT IN (SELECT source_file FROM new_submissions)
                    UNION ALL BY NAME
                    SELECT * FROM new_submissions""");
            s.execute("""
                    CREATE OR REPLACE TABLE published_observations AS
                    SELECT o.* FROM (
                      SELECT * FROM prev_observations
                       WHERE source_file NOT IN (SELECT source_file FROM new_submissions)
                      UNION ALL BY NAME
                      SELECT * FROM new_observations) o
                    SEMI JOIN cand_submissions s
                      ON s.submission_id = o.submission_id AND s.source_file = o.source_file
                         AND s.status = %s""".formatted(SubmissionStatus.PUBLISHED.sql()));
            // who owns each (region, year): of the submissions that cover it, the one covering fewest (a county's
            // own report before a province's table of figures), then the one ingested last
            s.execute("""
                    CREATE OR REPLACE TEMP TABLE coverage AS
                    SELECT c.source_file, c.region_code, c.year,
                           first_value(c.source_file) OVER w AS winner, row_number() OVER w AS pos
                      FROM (SELECT source_file, region_code, year, count(*) OVER (PARTITION BY source_file) AS covers
                              FROM (SELECT DISTINCT source_file, region_code, year FROM published_observations)) c
                      JOIN cand_submissions s ON s.source_file = c.source_file
                    WINDOW w AS (PARTITION BY c.region_code, c.year
                                 ORDER BY c.covers, s.ingested_at DESC, c.source_file DESC)""");
            s.execute("""
                    UPDATE cand_submissions c
                       SET status = %s, observations = 0,
                           reason = 'superseded by ' || s.winner || ' (same region ' || s.region_code
                                    || ' and year ' || s.year || ')'
                      FROM (SELECT source_file, first(winner ORDER BY region_code, year) AS winner,
                                   first(region_code ORDER BY region_code, year) AS region_code,
                                   first(year ORDER BY region_code, year) AS year
                              FROM coverage GROUP BY source_file HAVING bool_and(pos > 1)) s
                     WHERE c.source_file = s.source_file AND c.status = %s""".formatted(
                    SubmissionStatus.DUPLICATE.sql(), SubmissionStatus.PUBLISHED.sql()));
            s.execute("""
                    CREATE OR REPLACE TABLE cand_observations AS
                    SELECT o.* FROM published_observations o
                    SEMI JOIN coverage c
                      ON c.source_file = o.source_file AND c.region_code = o.region_code AND c.year = o.year
                         AND c.pos = 1""");
            s.execute("DROP TABLE published_observations");
            s.execute("""
                    CREATE OR REPLACE TABLE cand_mentions AS
                    SELECT m.* FROM (
                      SELECT * FROM prev_mentions
                       WHERE submission_id NOT IN (SELECT submission_id FROM new_submissions)
                      UNION ALL BY NAME
                      SELECT * FROM new_mentions) m
                    SEMI JOIN (SELECT DISTINCT submission_id FROM cand_submissions WHERE status = %s) s
                      ON s.submission_id = m.submission_id""".formatted(SubmissionStatus.PUBLISHED.sql()));
        }
    }

    /**
     * Writes the composed tables as the new version's Parquet files: observations less the values held
     * back by error-severity validation rules, and every other table as composed.
     */
    public void writeVersion(Connection db) throws SQLException {
        Path version = staging.version();
        try (Statement s = db.createStatement()) {
            s.execute("""
                    CREATE OR REPLACE TABLE final_observations AS
                    SELECT o.* FROM cand_observations o
                    ANTI JOIN (SELECT submission_id, indicator FROM cand_validation_issues WHERE severity = %s) e
                      ON e.submission_id = o.submission_id AND e.indicator = o.indicator""".formatted(
                    Severity.ERROR.sql()));
            s.execute("""
                    UPDATE cand_submissions c SET observations = n.n
                      FROM (SELECT submission_id, source_file, count(*) AS n FROM final_observations
                            GROUP BY ALL) n
                     WHERE c.submission_id = n.submission_id AND c.source_file = n.source_file""");
            copy(s, "SELECT *, province_code AS province FROM final_observations ORDER BY region_code, indicator",
                    version, WarehouseTable.OBSERVATIONS);
            copy(s, "SELECT * FROM cand_mentions ORDER BY submission_id, char_offset", version, WarehouseTable.MENTIONS);
            copy(s, "SELECT * FROM cand_submissions ORDER BY source_file", version, WarehouseTable.SUBMISSIONS);
            copy(s, "SELECT * FROM cand_validation_issues ORDER BY region_code, indicator, rule", version,
                    WarehouseTable.VALIDATION_ISSUES);
            copy(s, "SELECT * FROM validation_summary ORDER BY rule", version, WarehouseTable.VALIDATION_SUMMARY);
            copy(s, "SELECT * FROM cand_corrections ORDER BY region_code, year, indicator, recorded_in, line", version,
                    WarehouseTable.CORRECTIONS);
        }
    }

    /** Writes one table in the layout of the contract, plus its zero-row schema file. */
    public static void copy(Statement s, String select, Path version, WarehouseTable table) throws SQLException {
        Path dir = version.resolve(table.tableName());
        Path schema = WarehouseLayout.schemaFile(version, table);
        try {
            Files.createDirectories(schema.getParent());
            // new files, never rewrites in place: old ones may be hard links into a published version
            Files.deleteIfExists(schema);
            WarehouseDirectories.deleteTree(dir);
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        s.execute("COPY (SELECT * FROM (" + select + ") LIMIT 0) TO " + quote(schema.toString())
                + " (FORMAT parquet)");
        if (table.partitioned()) {
            if (count(s, select) > 0) {
                // sorted first, into a table (DuckDB sorts out of core), then written in that order: a partitioned
                // write fed straight by a sort holds both in memory and fails on a country's worth of rows
                s.execute("CREATE OR REPLACE TABLE copy_source AS " + select);
                s.execute("SET preserve_insertion_order = true");
                try {
                    s.execute("COPY copy_source TO " + quote(dir.toString()) + " (FORMAT parquet, COMPRESSION zstd, "
                            + "PARTITION_BY (" + String.join(", ", table.partitionColumns()) + "), OVERWRITE_OR_IGNORE)");
                } finally {
                    s.execute("SET preserve_insertion_order = false");
                    s.execute("DROP TABLE copy_source");
                }
            }
        } else {
            s.execute("COPY (" + select + ") TO " + quote(dir.resolve("part-0.parquet").toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    private static long count(Statement s, String select) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + select + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static WarehouseTable tableOf(String staged) {
        return switch (staged) {
            case StagingArea.SUBMISSIONS -> WarehouseTable.SUBMISSIONS;
            case StagingArea.OBSERVATIONS -> WarehouseTable.OBSERVATIONS;
            case StagingArea.MENTIONS -> WarehouseTable.MENTIONS;
            default -> throw new IllegalArgumentException(staged);
        };
    }
}
