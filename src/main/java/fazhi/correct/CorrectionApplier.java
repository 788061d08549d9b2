package fazhi.correct;

import fazhi.ingest.SubmissionStatus;
import fazhi.warehouse.NumberText;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * Applies the staged corrections to the composed candidate observations, in the run's compose database, and
 * writes {@value #TABLE} (published as {@code corrections}). Runs after composing and before validation, so a
 * corrected figure is validated like any other.
 *
 * <p>Every run starts again from the figures as extracted: the previous version's corrected rows are put back
 * (value and qualifier from extracted_value and extracted_qualifier; a figure a correction added is dropped; one a
 * not-reported correction took out comes back from {@code mentions}), then the corrections in force are applied.
 * So applying is a function of the extraction and the corrections files, whatever the run (incremental,
 * {@code --reprocess}, a changed catalog, a restart).
 *
 * <p>A correction is made against one report: the one that gave its region and year their figures when it was
 * first applied (or, for a correction new to this run, in the previous version), kept in
 * {@code corrections.submission_id}. When another report owns that region and year now, the correction is not
 * applied but flagged {@code needs_review}. Of several corrections of one figure the latest recorded is in force
 * (at the same time: the input folder's before the ledger's, a later line before an earlier one).
 */
public final class CorrectionApplier {
    public static final String TABLE = "cand_corrections";

    private static final String APPLIED = CorrectionStatus.APPLIED.sql();
    private static final String PUBLISHED = "'" + SubmissionStatus.PUBLISHED.code() + "'";

    public void apply(Connection db, Path previousVersion, Path stagedCorrections, String runId) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String t : new String[]{"cand_observations", "prev_observations"}) {
                s.execute("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS corrected BOOLEAN");
                s.execute("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS extracted_value DOUBLE");
                s.execute("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS extracted_qualifier VARCHAR");
            }
            s.execute("CREATE OR REPLACE TABLE " + TABLE + " (region_code VARCHAR, region_name VARCHAR, year INTEGER, "
                    + "indicator VARCHAR, value DOUBLE, qualifier VARCHAR, not_reported BOOLEAN, reason VARCHAR, "
                    + "corrected_by VARCHAR, corrected_at TIMESTAMP WITH TIME ZONE, evidence VARCHAR, "
                    + "extracted_value DOUBLE, extracted_qualifier VARCHAR, submission_id VARCHAR, source_file VARCHAR, "
                    + "status VARCHAR, status_reason VARCHAR, recorded_in VARCHAR, line INTEGER, run_id VARCHAR)");
            String prev = previousVersion == null ? null
                    : WarehouseConnection.tableSource(previousVersion, WarehouseTable.CORRECTIONS);
            s.execute("CREATE OR REPLACE TEMP TABLE prev_corrections AS " + (prev != null ? "SELECT * FROM " + prev
                    : "SELECT * FROM " + TABLE + " LIMIT 0"));
            undoPreviousCorrections(s);
            s.execute("CREATE OR REPLACE TEMP TABLE staged_corrections AS SELECT row_number() OVER () AS seq, * "
                    + "FROM read_parquet(" + quote(stagedCorrections.toString()) + ")");
        }
        insert(db, decide(db), runId);
        try (Statement s = db.createStatement()) {
            applyInForce(s);
        }
    }

    /** Back to the figures as extracted (see the class comment). */
    private static void undoPreviousCorrections(Statement s) throws SQLException {
        s.execute("DELETE FROM cand_observations WHERE corrected AND extracted_qualifier IS NULL");
        s.execute("UPDATE cand_observations SET value = extracted_value, qualifier = extracted_qualifier WHERE corrected");
        s.execute("UPDATE cand_observations SET corrected = false, extracted_value = value, extracted_qualifier = qualifier");
        // figures a not-reported correction took out, still in their report (its chosen mention), which still owns
        // the region and year
        s.execute("""
                INSERT INTO cand_observations BY NAME
                SELECT m.submission_id, m.region_code, r.name AS region_name, r.province_code, m.year, m.indicator,
                       m.value, m.unit, m.qualifier, m.evidence, m.char_offset, s.source_file, m.rule, m.run_id,
                       s.synthetic, false AS corrected, m.value AS extracted_value, m.qualifier AS extracted_qualifier
                  FROM (SELECT DISTINCT submission_id, region_code, year, indicator FROM prev_corrections
                         WHERE status = %s AND not_reported AND extracted_qualifier IS NOT NULL) p
                  JOIN cand_mentions m ON m.submission_id = p.submission_id AND m.region_code = p.region_code
                                      AND m.year = p.year AND m.indicator = p.indicator AND m.chosen
                  JOIN cand_submissions s ON s.submission_id = m.submission_id AND s.status = %s
                  JOIN regions r ON r.code = m.region_code
                 WHERE NOT EXISTS (SELECT 1 FROM cand_observations o WHERE o.region_code = m.region_code
                                      AND o.year = m.year AND (o.indicator = m.indicator
                                                               OR o.submission_id <> m.submission_id))
                QUALIFY row_number() OVER (PARTITION BY m.submission_id, m.region_code, m.year, m.indicator
                                           ORDER BY m.char_offset) = 1""".formatted(APPLIED, PUBLISHED));
    }

    /** A staged correction with what the warehouse says about its figure now and before. */
    private record Candidate(long seq, String recordedIn, int line, String regionCode, String regionName,
                             Integer year, String indicator, boolean notReported, Long atMicros, String problem,
                             String ownerId, String ownerFile, Double currentValue, String currentQualifier,
                             String boundId, String boundFile, Double boundValue, String boundQualifier) {
        String key() {
            return regionCode + "/" + year + "/" + indicator;
        }
    }

    /** One row of cand_corrections. */
    private record Decision(Candidate c, CorrectionStatus status, String statusReason, String submissionId, String sourceFile,
                            Double extractedValue, String extractedQualifier) {
    }

    private static List<Decision> decide(Connection db) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                WITH owner_now AS (
                  SELECT region_code, year, any_value(submission_id) AS submission_id, any_value(source_file) AS source_file
                    FROM cand_observations GROUP BY ALL),
                owner_before AS (
                  SELECT region_code, year, any_value(submission_id) AS submission_id, any_value(source_file) AS source_file
                    FROM prev_observations GROUP BY ALL),
                binding AS (
                  SELECT * FROM prev_corrections WHERE submission_id IS NOT NULL
                  QUALIFY row_number() OVER (PARTITION BY region_code, year, indicator, value, qualifier, not_reported,
                                             corrected_at ORDER BY line) = 1)
                SELECT c.seq, c.recorded_in, c.line, c.region_code, r.name, c.year, c.indicator, c.not_reported,
                       epoch_us(c.corrected_at), c.problem,
                       n.submission_id, n.source_file, o.extracted_value, o.extracted_qualifier,
                       coalesce(b.submission_id, f.submission_id, n.submission_id),
                       coalesce(b.source_file, f.source_file, n.source_file),
                       CASE WHEN b.submission_id IS NOT NULL THEN b.extracted_value
                            WHEN coalesce(p.corrected, false) THEN p.extracted_value ELSE p.value END,
                       CASE WHEN b.submission_id IS NOT NULL THEN b.extracted_qualifier
                            WHEN coalesce(p.corrected, false) THEN p.extracted_qualifier ELSE p.qualifier END
                  FROM staged_corrections c
                  LEFT JOIN regions r ON r.code = c.region_code
                  LEFT JOIN owner_now n ON n.region_code = c.region_code AND n.year = c.year
                  LEFT JOIN cand_observations o ON o.region_code = c.region_code AND o.year = c.year
                                               AND o.indicator = c.indicator
                  LEFT JOIN owner_before f ON f.region_code = c.region_code AND f.year = c.year
                  LEFT JOIN binding b ON b.region_code = c.region_code AND b.year = c.year AND b.indicator = c.indicator
                        AND b.value IS NOT DISTINCT FROM c.value AND b.qualifier IS NOT DISTINCT FROM c.qualifier
                        AND b.not_reported = c.not_reported AND b.corrected_at IS NOT DISTINCT FROM c.corrected_at
                  LEFT JOIN prev_observations p ON p.submission_id = coalesce(b.submission_id, f.submission_id)
                        AND p.region_code = c.region_code AND p.year = c.year AND p.indicator = c.indicator
                 ORDER BY c.recorded_in, c.line""")) {
            while (rs.next()) {
                candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getBoolean(8),
                        (Long) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        number(rs, 13), rs.getString(14), rs.getString(15), rs.getString(16), number(rs, 17),
                        rs.getString(18)));
            }
        }
        Map<String, Candidate> inForce = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.problem() == null).sorted(LATEST_FIRST)
                .forEach(c -> inForce.putIfAbsent(c.key(), c));
        List<Decision> decisions = new ArrayList<>();
        for (Candidate c : candidates) {
            decisions.add(decide(c, inForce.get(c.key())));
        }
        return decisions;
    }

    /** The latest recorded first; undated rows are the oldest; at the same time the input folder's, then the later line. */
    private static final Comparator<Candidate> LATEST_FIRST = Comparator
            .comparing(Candidate::atMicros, Comparator.nullsFirst(Comparator.<Long>naturalOrder())).reversed()
            .thenComparing(c -> !StagedCorrection.INPUT.equals(c.recordedIn()))
            .thenComparing(Comparator.comparingInt(Candidate::line).reversed());

    private static Decision decide(Candidate c, Candidate inForce) {
        if (c.problem() != null) {
            return new Decision(c, CorrectionStatus.INVALID, c.problem(), null, null, null, null);
        }
        String figure = c.regionName() + " (" + c.regionCode() + ") " + c.year() + " " + c.indicator();
        if (c != inForce) {
            return new Decision(c, CorrectionStatus.SUPERSEDED, "a later correction of " + figure + " is in force ("
                    + describe(inForce.recordedIn(), inForce.line()) + ")", c.boundId(), c.boundFile(),
                    c.boundValue(), c.boundQualifier());
        }
        if (c.ownerId() == null) {
            return new Decision(c, CorrectionStatus.NO_REPORT, "no published report gives " + c.regionName() + " " + c.year()
                    + " its figures; the correction is applied once one does", null, null, null, null);
        }
        if (!Objects.equals(c.boundId(), c.ownerId())) {
            return new Decision(c, CorrectionStatus.NEEDS_REVIEW, "the report was replaced: the correction was made against "
                    + c.boundFile() + " (sha-256 " + shortId(c.boundId()) + "), now " + c.ownerFile() + " (sha-256 "
                    + shortId(c.ownerId()) + ") gives " + c.regionName() + " " + c.year() + " its figures and states "
                    + (c.currentQualifier() == null ? "no " + c.indicator()
                    : c.indicator() + " " + Correction.describe(c.currentValue(), c.currentQualifier()))
                    + "; check the new report and record the correction again if it still holds",
                    c.boundId(), c.boundFile(), c.boundValue(), c.boundQualifier());
        }
        String what = c.notReported()
                ? (c.currentQualifier() == null ? "the report states no such figure: nothing to take out"
                : "taken out of observations (extracted: " + Correction.describe(c.currentValue(), c.currentQualifier()) + ")")
                : (c.currentQualifier() == null ? "added: the extractor had not found the figure"
                : "replaces the extracted " + Correction.describe(c.currentValue(), c.currentQualifier()));
        return new Decision(c, CorrectionStatus.APPLIED, what, c.ownerId(), c.ownerFile(), c.currentValue(), c.currentQualifier());
    }

    private static String describe(String recordedIn, int line) {
        return CorrectionsFile.FILE_NAME + " of the " + (StagedCorrection.INPUT.equals(recordedIn) ? "input folder"
                : "warehouse") + ", line " + line;
    }

    private static String shortId(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
    }

    private static void insert(Connection db, List<Decision> decisions, String runId) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE correction_decisions (seq BIGINT, status VARCHAR, "
                    + "status_reason VARCHAR, submission_id VARCHAR, source_file VARCHAR, extracted_value DOUBLE, "
                    + "extracted_qualifier VARCHAR)");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO correction_decisions VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Decision d : decisions) {
                ps.setLong(1, d.c().seq());
                ps.setString(2, d.status().code());
                ps.setString(3, d.statusReason());
                ps.setString(4, d.submissionId());
                ps.setString(5, d.sourceFile());
                if (d.extractedValue() == null) {
                    ps.setNull(6, Types.DOUBLE);
                } else {
                    ps.setDouble(6, d.extractedValue());
                }
                ps.setString(7, d.extractedQualifier());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO " + TABLE + " SELECT c.region_code, r.name, c.year, c.indicator, c.value, "
                    + "c.qualifier, c.not_reported, c.reason, c.corrected_by, c.corrected_at, c.evidence, "
                    + "d.extracted_value, d.extracted_qualifier, d.submission_id, d.source_file, d.status, "
                    + "d.status_reason, c.recorded_in, c.line, " + quote(runId) + " FROM staged_corrections c "
                    + "JOIN correction_decisions d ON d.seq = c.seq LEFT JOIN regions r ON r.code = c.region_code");
        }
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The corrections in force change the candidate observations. */
    private static void applyInForce(Statement s) throws SQLException {
        s.execute("DELETE FROM cand_observations o USING " + TABLE + " c WHERE c.status = " + APPLIED + " AND c.not_reported "
                + "AND o.region_code = c.region_code AND o.year = c.year AND o.indicator = c.indicator");
        s.execute("UPDATE cand_observations o SET value = c.value, qualifier = c.qualifier, corrected = true FROM "
                + TABLE + " c WHERE c.status = " + APPLIED + " AND NOT c.not_reported AND o.region_code = c.region_code "
                + "AND o.year = c.year AND o.indicator = c.indicator");
        // a figure the extractor missed: added to its report's figures, traced to the correction's evidence
        s.execute("INSERT INTO cand_observations BY NAME "
                + "SELECT c.submission_id, c.region_code, r.name AS region_name, r.province_code, c.year, c.indicator, "
                + "c.value, i.unit, c.qualifier, c.evidence, NULL::INTEGER AS char_offset, c.source_file, "
                + "'correction' AS rule, c.run_id, s.synthetic, true AS corrected, NULL::DOUBLE AS extracted_value, "
                + "NULL::VARCHAR AS extracted_qualifier FROM " + TABLE + " c "
                + "JOIN regions r ON r.code = c.region_code JOIN indicators i ON i.code = c.indicator "
                + "JOIN cand_submissions s ON s.submission_id = c.submission_id AND s.source_file = c.source_file "
                + "WHERE c.status = " + APPLIED + " AND NOT c.not_reported AND c.extracted_qualifier IS NULL");
    }

    /**
     * After validation: an applied correction whose figure an error-severity rule holds back (out of observations,
     * like any figure) is {@code held_back}, naming the rules.
     */
    public void settle(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("UPDATE " + TABLE + " c SET status = " + CorrectionStatus.HELD_BACK.sql() + ", status_reason = 'the corrected figure breaks "
                    + "the validation rule ' || e.rules || ' and is held back from observations like any figure "
                    + "(see validation_issues)' FROM (SELECT region_code, year, indicator, string_agg(DISTINCT rule, "
                    + "', ' ORDER BY rule) AS rules FROM cand_validation_issues WHERE severity = 'error' GROUP BY ALL) e "
                    + "WHERE c.status = " + APPLIED + " AND NOT c.not_reported AND e.region_code = c.region_code "
                    + "AND e.year = c.year AND e.indicator = c.indicator");
        }
    }
}
