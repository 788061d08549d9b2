package fazhi.validate;

import java.util.List;

/**
 * One rule of schema/validation-rules.yaml.
 *
 * @param appliesToKind       observation scope: only indicators of this kind (count / rate), or null
 * @param appliesToIndicators observation scope: only these indicators, or empty
 * @param target              report scope: the indicator an issue is filed against, or null for the report
 */
public record ValidationRule(String id, Severity severity, Scope scope, String appliesToKind,
                             List<String> appliesToIndicators, String target, String expression, String message) {

    public enum Severity {
        ERROR, WARNING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The word as an SQL string literal ('error'). */
        public String sql() {
            return "'" + code() + "'";
        }
    }

    public enum Scope { OBSERVATION, REPORT }
}
