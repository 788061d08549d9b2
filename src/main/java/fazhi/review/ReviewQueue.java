package fazhi.review;

import fazhi.ingest.SubmissionStatus;
import fazhi.validate.ValidationRule.Severity;
import fazhi.warehouse.NumberText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * The figures of the published warehouse that most need a human eye, ranked by the priority of jobs/review.yaml
 * (see {@link ReviewParameters}). Reads {@code mentions}, {@code submissions}, {@code validation_issues} and, when
 * the statistics have been computed, {@code outliers}, through DuckDB; writes nothing but a temporary table of the
 * connection.
 */
public final class ReviewQueue {
    /** What the extractor appends to the rule of a part read after 其中: another figure, not a competing value. */
    private static final String BREAKDOWN = "+breakdown";

    /**
     * The listed items (at most the limit asked for), how many the whole queue holds, whether outliers counted, and
     * how many figures were left out because a reviewer accepted them ({@link AcceptedFigures}).
     */
    public record Result(List<ReviewItem> items, long queued, boolean outliersScored, long acceptedLeftOut) {
    }

    private final ReviewParameters parameters;
    private final double outlierThreshold;

    public ReviewQueue(ReviewParameters parameters, double outlierThreshold) {
        this.parameters = parameters;
        this.outlierThreshold = outlierThreshold;
    }

    /**
     * The queue of the published version behind {@code c}, highest priority first.
     *
     * @param year         only figures of this year, or null for all
     * @param provinceCode only figures of this province (xx0000), or null for all
     * @param limit        at most this many items, or null for all
     */
    public Result read(Connection c, Integer year, String provinceCode, Integer limit) throws SQLException {
        return read(c, year, provinceCode, limit, List.of());
    }

    /** As {@link #read(Connection, Integer, String, Integer)}, leaving out the figures reviewers accepted. */
    public Result read(Connection c, Integer year, String provinceCode, Integer limit,
                       List<AcceptedFigures.Acceptance> accepted) throws SQLException {
        boolean outliers = hasView(c, "outliers");
        boolean issues = hasView(c, "validation_issues");
        registerAccepted(c, accepted);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE review_scored AS " + scoringQuery(outliers, issues, year, provinceCode));
            // an accepted figure: the same report, indicator, qualifier and value (as the workbook wrote it)
            s.execute("""
                    CREATE OR REPLACE TEMP TABLE review_queue AS
                    SELECT q.* FROM review_scored q
                    WHERE NOT EXISTS (SELECT 1 FROM review_accepted a
                                      WHERE a.submission_id = q.submission_id AND a.indicator = q.indicator
                                        AND a.qualifier IS NOT DISTINCT FROM q.qualifier
                                        AND (a.value IS NULL AND q.value IS NULL
                                             OR abs(a.value - q.value) <= 1e-9 * greatest(1, abs(q.value))))""");
        }
        long queued;
        long scored;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM review_queue), (SELECT count(*) FROM review_scored)")) {
            rs.next();
            queued = rs.getLong(1);
            scored = rs.getLong(2);
        }
        String top = "SELECT * FROM review_queue ORDER BY priority DESC, outlier_z DESC NULLS LAST, region_code, year, "
                + "indicator, submission_id" + (limit == null ? "" : " LIMIT " + Math.max(0, limit));
        Map<String, List<ReviewItem.Candidate>> candidates = candidates(c, top);
        List<ReviewItem> items = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(top)) {
            while (rs.next()) {
                items.add(item(rs, candidates.getOrDefault(key(rs.getString("submission_id"), rs.getString("region_code"),
                        rs.getInt("year"), rs.getString("indicator")), List.of())));
            }
        }
        return new Result(items, queued, outliers, scored - queued);
    }

    /** The accepted figures as a temporary table of the connection. */
    private static void registerAccepted(Connection c, List<AcceptedFigures.Acceptance> accepted) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE review_accepted (submission_id VARCHAR, indicator VARCHAR, "
                    + "value DOUBLE, qualifier VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_accepted VALUES (?, ?, ?, ?)")) {
            for (AcceptedFigures.Acceptance a : accepted) {
                ps.setString(1, a.submissionId());
                ps.setString(2, a.indicator());
                ps.setObject(3, a.value());
                ps.setString(4, a.qualifier());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every figure with its signals and priority; only those with a priority above zero. */
    private String scoringQuery(boolean outliers, boolean issues, Integer year, String provinceCode) {
        ReviewParameters p = parameters;
        StringBuilder fragile = new StringBuilder();
        for (ReviewParameters.FragileRule f : p.fragileRules()) {
            fragile.append(fragile.isEmpty() ? "" : ", ").append('(').append(quote(f.match())).append(", ")
                    .append(quote(f.why())).append(')');
        }
        String fragileRules = fragile.isEmpty() ? "SELECT NULL::VARCHAR AS match, NULL::VARCHAR AS why WHERE false"
                : "SELECT * FROM (VALUES " + fragile + ") t(match, why)";
        String issueRows = issues ? "SELECT submission_id, region_code, year, indicator, rule, severity, message "
                + "FROM validation_issues"
                : "SELECT NULL::VARCHAR AS submission_id, NULL::VARCHAR AS region_code, NULL::INTEGER AS year, "
                + "NULL::VARCHAR AS indicator, NULL::VARCHAR AS rule, NULL::VARCHAR AS severity, NULL::VARCHAR AS message WHERE false";
        String outlierRows = outliers
                ? "SELECT region_code, year, indicator, max(abs(score)) AS z, arg_max(method || ', ' || scope, abs(score)) AS how "
                + "FROM outliers WHERE flagged GROUP BY ALL"
                : "SELECT NULL::VARCHAR AS region_code, NULL::INTEGER AS year, NULL::VARCHAR AS indicator, NULL::DOUBLE AS z, "
                + "NULL::VARCHAR AS how WHERE false";
        List<String> filters = new ArrayList<>();
        if (year != null) {
            filters.add("f.year = " + year);
        }
        if (provinceCode != null) {
            filters.add("r.province_code = " + quote(provinceCode));
        }
        return """
                WITH figures AS (
                    SELECT m.submission_id, m.region_code, m.year, m.indicator, m.value, m.unit, m.qualifier,
                           m.evidence, m.char_offset, m.rule, s.source_file
                    FROM mentions m
                    JOIN submissions s ON s.submission_id = m.submission_id AND s.status = %s
                    WHERE m.chosen
                ),
                competing AS (
                    SELECT f.submission_id, f.region_code, f.year, f.indicator
                    FROM figures f
                    JOIN mentions m USING (submission_id, region_code, year, indicator)
                    WHERE m.value IS NOT NULL AND m.value IS DISTINCT FROM f.value AND NOT contains(m.rule, %s)
                    GROUP BY ALL
                ),
                issues AS (%s),
                figure_issues AS (
                    SELECT submission_id, region_code, year, indicator,
                           count(*) FILTER (WHERE severity = %s)   AS errors,
                           count(*) FILTER (WHERE severity = %s) AS warnings,
                           string_agg(severity || ' ' || rule || ': ' || message, '; ' ORDER BY severity, rule) AS issue_text
                    FROM issues WHERE indicator IS NOT NULL GROUP BY ALL
                ),
                report_issues AS (
                    SELECT submission_id, region_code, year,
                           string_agg(rule || ': ' || message, '; ' ORDER BY rule) AS report_issue_text
                    FROM issues WHERE indicator IS NULL GROUP BY ALL
                ),
                flagged AS (%s),
                report_sizes AS (
                    SELECT submission_id, region_code, year, count(*) AS figures FROM figures GROUP BY ALL
                ),
                year_sizes AS (
                    SELECT year, median(figures) AS median_figures, count(*) AS reports FROM report_sizes GROUP BY year
                ),
                fragile_rules AS (%s),
                scored AS (
                    SELECT f.*, r.name AS region_name, r.province_code, i.name_zh AS indicator_name,
                           c.submission_id IS NOT NULL AS competing,
                           coalesce(fi.errors, 0) AS errors, coalesce(fi.warnings, 0) AS warnings, fi.issue_text,
                           o.z AS outlier_z, o.how AS outlier_how,
                           (SELECT string_agg(fr.why, '; ') FROM fragile_rules fr
                             WHERE contains(f.rule, fr.match)) AS fragile_text,
                           rs.figures AS report_figures, ys.median_figures,
                           ri.report_issue_text,
                           ri.report_issue_text IS NOT NULL
                             OR (ys.reports >= %d AND rs.figures < %s * ys.median_figures) AS thin
                    FROM figures f
                    LEFT JOIN regions r ON r.code = f.region_code
                    LEFT JOIN indicators i ON i.code = f.indicator
                    LEFT JOIN competing c USING (submission_id, region_code, year, indicator)
                    LEFT JOIN figure_issues fi USING (submission_id, region_code, year, indicator)
                    LEFT JOIN report_issues ri USING (submission_id, region_code, year)
                    LEFT JOIN flagged o USING (region_code, year, indicator)
                    JOIN report_sizes rs USING (submission_id, region_code, year)
                    JOIN year_sizes ys USING (year)
                    %s
                )
                SELECT * FROM (
                    SELECT *,
                           round(%s * competing::INTEGER
                         + %s * errors + %s * warnings
                         + %s * CASE WHEN outlier_z IS NULL THEN 0 ELSE least(outlier_z / %s, %s) END  -- least() skips NULLs
                         + %s * (fragile_text IS NOT NULL)::INTEGER
                         + %s * thin::INTEGER, 2) AS priority
                    FROM scored)
                WHERE priority > 0
                """.formatted(SubmissionStatus.PUBLISHED.sql(), quote(BREAKDOWN), issueRows,
                Severity.ERROR.sql(), Severity.WARNING.sql(), outlierRows, fragileRules, p.thinMinReports(),
                NumberText.plain(p.thinShareOfMedian()), filters.isEmpty() ? "" : "WHERE " + String.join(" AND ", filters),
                NumberText.plain(p.competing()), NumberText.plain(p.validationError()),
                NumberText.plain(p.validationWarning()), NumberText.plain(p.outlier()), NumberText.plain(outlierThreshold),
                NumberText.plain(p.outlierCap()), NumberText.plain(p.fragileRule()), NumberText.plain(p.thinReport()));
    }

    /** Every mention of the listed figures' reports and indicators, in the order of the text. */
    private static Map<String, List<ReviewItem.Candidate>> candidates(Connection c, String top) throws SQLException {
        Map<String, List<ReviewItem.Candidate>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT m.submission_id, m.region_code, m.year, m.indicator, m.value, m.unit, m.qualifier, m.char_offset,
                       m.evidence, m.rule, m.chosen
                FROM mentions m JOIN (%s) q USING (submission_id, region_code, year, indicator)
                ORDER BY m.submission_id, m.indicator, m.char_offset, m.rule""".formatted(top));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double v = rs.getDouble("value");
                out.computeIfAbsent(key(rs.getString("submission_id"), rs.getString("region_code"), rs.getInt("year"),
                        rs.getString("indicator")), k -> new ArrayList<>()).add(new ReviewItem.Candidate(
                        rs.wasNull() ? null : v, rs.getString("unit"), rs.getString("qualifier"),
                        rs.getInt("char_offset"), rs.getString("evidence"), rs.getString("rule"), rs.getBoolean("chosen")));
            }
        }
        return out;
    }

    private ReviewItem item(ResultSet rs, List<ReviewItem.Candidate> candidates) throws SQLException {
        double value = rs.getDouble("value");
        Double figure = rs.wasNull() ? null : value;
        List<String> why = new ArrayList<>();
        if (rs.getBoolean("competing")) {
            List<String> values = new ArrayList<>();
            for (ReviewItem.Candidate k : candidates) {
                String v = k.value() == null ? null : NumberText.plain(k.value());
                if (v != null && !values.contains(v) && !k.rule().contains(BREAKDOWN)) {
                    values.add(v);
                }
            }
            why.add("competing values " + String.join(" / ", values));
        }
        if (rs.getString("issue_text") != null) {
            why.add("validation " + rs.getString("issue_text"));
        }
        double z = rs.getDouble("outlier_z");
        if (!rs.wasNull()) {
            why.add("outlier |z| = " + NumberText.plain(Math.round(z * 10) / 10.0) + " (" + rs.getString("outlier_how") + ")");
        }
        if (rs.getString("fragile_text") != null) {
            why.add("fragile rule " + rs.getString("rule") + ": " + rs.getString("fragile_text"));
        }
        if (rs.getBoolean("thin")) {
            String issue = rs.getString("report_issue_text");
            why.add("thin report: " + rs.getInt("report_figures") + " figures (median of the year "
                    + NumberText.plain(rs.getDouble("median_figures")) + ")" + (issue == null ? "" : "; " + issue));
        }
        return new ReviewItem(NumberText.clean(rs.getDouble("priority")), why, rs.getString("region_code"),
                rs.getString("region_name"), rs.getInt("year"), rs.getString("indicator"),
                rs.getString("indicator_name"), figure, rs.getString("unit"), rs.getString("qualifier"), candidates,
                rs.getString("evidence"), rs.getString("source_file"), rs.getInt("char_offset"),
                rs.getString("submission_id"));
    }

    private static String key(String submissionId, String regionCode, int year, String indicator) {
        return submissionId + '|' + regionCode + '|' + year + '|' + Objects.requireNonNull(indicator);
    }

    private static boolean hasView(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
