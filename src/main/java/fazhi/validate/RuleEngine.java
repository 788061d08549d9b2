package fazhi.validate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * Confronts the candidate observations with the rules, in DuckDB. Reads {@code cand_observations} and
 * {@code indicators}; writes {@code cand_validation_issues} (which figure broke which rule) and
 * {@code validation_summary} (per rule: items, passes, fails, not applicable, and an error text when the
 * rule could not be evaluated — a broken rule is a row, not a crashed run).
 */
public final class RuleEngine {
    private final ValidationRuleSet rules;

    public RuleEngine(ValidationRuleSet rules) {
        this.rules = rules;
    }

    public List<RuleOutcome> confront(Connection db, String runId) throws SQLException {
        List<RuleOutcome> outcomes = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            s.execute("""
                    CREATE OR REPLACE TEMP TABLE obs_items AS
                    SELECT o.submission_id, o.region_code, o.year, o.indicator, o.value, o.qualifier, o.unit,
                           i.kind,
                           lag(o.value) OVER w AS prev_value, lag(o.year) OVER w AS prev_year
                      FROM cand_observations o LEFT JOIN indicators i ON i.code = o.indicator
                    WINDOW w AS (PARTITION BY o.region_code, o.indicator ORDER BY o.year)""");
            s.execute("CREATE OR REPLACE TEMP TABLE report_items AS " + reportPivot(s));
            s.execute("""
                    CREATE OR REPLACE TABLE cand_validation_issues (
                      submission_id VARCHAR, region_code VARCHAR, year INTEGER, indicator VARCHAR, rule VARCHAR,
                      severity VARCHAR, message VARCHAR, run_id VARCHAR)""");
            for (ValidationRule rule : rules.rules()) {
                outcomes.add(confront(db, rule, runId));
            }
            s.execute("""
                    CREATE OR REPLACE TABLE validation_summary (
                      rule VARCHAR, severity VARCHAR, scope VARCHAR, items BIGINT, passes BIGINT, fails BIGINT,
                      not_applicable BIGINT, error VARCHAR, expression VARCHAR, message VARCHAR, run_id VARCHAR)""");
            for (RuleOutcome o : outcomes) {
                s.execute("INSERT INTO validation_summary VALUES (" + String.join(", ", quote(o.rule().id()),
                        quote(o.rule().severity().code()), quote(o.rule().scope().name().toLowerCase()),
                        String.valueOf(o.items()), String.valueOf(o.passes()), String.valueOf(o.fails()),
                        String.valueOf(o.notApplicable()), o.error() == null ? "NULL" : quote(o.error()),
                        quote(o.rule().expression()), quote(o.rule().message()), quote(runId)) + ")");
            }
        }
        return outcomes;
    }

    private RuleOutcome confront(Connection db, ValidationRule rule, String runId) {
        String items = rule.scope() == ValidationRule.Scope.OBSERVATION ? observationItems(rule) : "report_items";
        String indicator = rule.scope() == ValidationRule.Scope.OBSERVATION ? "indicator"
                : (rule.target() == null ? "NULL" : quote(rule.target()));
        // a statement of its own: DuckDB closes a statement whose query failed
        try (Statement s = db.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE rule_result AS SELECT *, (" + rule.expression()
                    + ")::BOOLEAN AS __ok FROM " + items);
            long[] counts = new long[3];
            try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE __ok), count(*) FILTER (WHERE NOT __ok), "
                    + "count(*) FILTER (WHERE __ok IS NULL) FROM rule_result")) {
                rs.next();
                counts[0] = rs.getLong(1);
                counts[1] = rs.getLong(2);
                counts[2] = rs.getLong(3);
            }
            s.execute("INSERT INTO cand_validation_issues SELECT submission_id, region_code, year, " + indicator + ", "
                    + quote(rule.id()) + ", " + quote(rule.severity().code()) + ", " + quote(rule.message()) + ", "
                    + quote(runId) + " FROM rule_result WHERE NOT __ok");
            return new RuleOutcome(rule, counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2], null);
        } catch (SQLException e) {
            return new RuleOutcome(rule, 0, 0, 0, 0, firstLine(e.getMessage()));
        }
    }

    private static String observationItems(ValidationRule rule) {
        List<String> where = new ArrayList<>();
        if (rule.appliesToKind() != null) {
            where.add("kind = " + quote(rule.appliesToKind()));
        }
        if (!rule.appliesToIndicators().isEmpty()) {
            where.add("indicator IN (" + String.join(", ", rule.appliesToIndicators().stream().map(
                    fazhi.warehouse.WarehouseConnection::quote).toList()) + ")");
        }
        return where.isEmpty() ? "obs_items" : "(SELECT * FROM obs_items WHERE " + String.join(" AND ", where) + ")";
    }

    /** One row per report, one column per catalog indicator (so rules may name any indicator). */
    private static String reportPivot(Statement s) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT code FROM indicators ORDER BY code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT submission_id, region_code, year, count(*) AS n_indicators");
        for (String code : codes) {
            sql.append(", max(value) FILTER (WHERE indicator = ").append(quote(code)).append(") AS \"")
                    .append(code.replace("\"", "")).append('"');
        }
        return sql.append(" FROM cand_observations GROUP BY submission_id, region_code, year").toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The confrontation of one rule with the data. */
    public record RuleOutcome(ValidationRule rule, long items, long passes, long fails, long notApplicable,
                              String error) {
    }
}
