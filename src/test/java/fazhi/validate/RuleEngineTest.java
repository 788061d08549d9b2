package fazhi.validate;

import fazhi.reference.IndicatorCatalog;
import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleEngineTest {
    private Connection db;

    @BeforeEach
    void candidateObservations() throws Exception {
        db = WarehouseConnection.openDuckDb();
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE indicators AS SELECT * FROM (VALUES ('mediation_cases', 'count'), "
                    + "('mediation_successes', 'count'), ('mediation_success_rate', 'rate')) t(code, kind)");
            s.execute("""
                    CREATE TABLE cand_observations AS SELECT * FROM (VALUES
                      ('a', '110101', 2023, 'mediation_cases', 200.0, 'exact', '件'),
                      ('a', '110101', 2023, 'mediation_successes', 190.0, 'exact', '件'),
                      ('a', '110101', 2023, 'mediation_success_rate', 95.0, 'exact', '%'),
                      ('b', '110102', 2023, 'mediation_cases', 100.0, 'exact', '件'),
                      ('b', '110102', 2023, 'mediation_successes', 120.0, 'exact', '件'),
                      ('b', '110102', 2023, 'mediation_success_rate', 180.0, 'exact', '%'),
                      ('c', '110105', 2022, 'mediation_cases', 10.0, 'exact', '件'),
                      ('d', '110105', 2023, 'mediation_cases', 900.0, 'exact', '件'))
                    t(submission_id, region_code, year, indicator, value, qualifier, unit)""");
        }
    }

    private static ValidationRuleSet rules(String yaml) {
        return ValidationRuleSet.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private List<String> issues() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT submission_id || ':' || indicator || ':' || rule || ':' || severity "
                     + "FROM cand_validation_issues ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aRateAbove100BreaksTheRangeRule() throws Exception {
        var outcomes = new RuleEngine(rules("""
                rules:
                  - {id: rate_in_range, severity: error, scope: observation, applies_to: {kind: rate},
                     expression: value BETWEEN 0 AND 100, message: out of range}
                """)).confront(db, "r1");

        assertThat(issues()).containsExactly("b:mediation_success_rate:rate_in_range:error");
        assertThat(outcomes.get(0).items()).isEqualTo(2);
        assertThat(outcomes.get(0).passes()).isEqualTo(1);
        assertThat(outcomes.get(0).fails()).isEqualTo(1);
    }

    @Test
    void aReportRuleIsNotApplicableWhereAFigureItNeedsIsMissing() throws Exception {
        var outcome = new RuleEngine(rules("""
                rules:
                  - {id: successes_within_cases, severity: error, scope: report, target: mediation_successes,
                     expression: mediation_successes <= mediation_cases, message: too many successes}
                """)).confront(db, "r1").get(0);

        assertThat(issues()).containsExactly("b:mediation_successes:successes_within_cases:error");
        assertThat(outcome.items()).isEqualTo(4);
        assertThat(outcome.passes()).isEqualTo(1);
        assertThat(outcome.fails()).isEqualTo(1);
        assertThat(outcome.notApplicable()).isEqualTo(2);
    }

    @Test
    void theJumpRuleComparesWithTheRegionsPreviousYear() throws Exception {
        new RuleEngine(rules("""
                parameters: {jump_factor: 10}
                rules:
                  - {id: jump, severity: warning, scope: observation, applies_to: {kind: count},
                     expression: "prev_value IS NULL OR value <= prev_value * ${jump_factor}", message: jumped}
                """)).confront(db, "r1");

        assertThat(issues()).containsExactly("d:mediation_cases:jump:warning");
    }

    @Test
    void aRuleThatCannotBeEvaluatedBecomesAnErrorRowNotACrash() throws Exception {
        var outcomes = new RuleEngine(rules("""
                rules:
                  - {id: broken, severity: warning, scope: report, expression: no_such_column > 1, message: m}
                  - {id: fine, severity: warning, scope: report, expression: n_indicators >= 1, message: m}
                """)).confront(db, "r1");

        assertThat(outcomes.get(0).error()).contains("no_such_column");
        assertThat(outcomes.get(1).error()).isNull();
        assertThat(outcomes.get(1).passes()).isEqualTo(4);
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT rule, error IS NOT NULL FROM validation_summary ORDER BY rule")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("broken");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void brokenRuleDefinitionsAreAllReportedBeforeAnythingRuns() {
        assertThatThrownBy(() -> rules("""
                rules:
                  - {id: a, severity: fatal, scope: observation, expression: "value > ${missing}", message: m}
                  - {id: a, severity: error, scope: nowhere, expression: "", message: m}
                """))
                .hasMessageContaining("severity must be error or warning")
                .hasMessageContaining("unknown parameter ${missing}")
                .hasMessageContaining("id is used twice")
                .hasMessageContaining("scope must be observation or report")
                .hasMessageContaining("has no expression");
    }

    @Test
    void theBundledRulesLoadAndEveryRuleEvaluates() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM indicators");
            for (var d : IndicatorCatalog.bundled().indicators()) {
                s.execute("INSERT INTO indicators VALUES ('" + d.code() + "', '" + d.kind() + "')");
            }
        }
        var outcomes = new RuleEngine(ValidationRuleSet.bundled()).confront(db, "r1");

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(10).allSatisfy(o -> assertThat(o.error()).as(o.rule().id()).isNull());
    }
}
