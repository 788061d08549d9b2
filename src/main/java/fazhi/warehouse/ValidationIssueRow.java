package fazhi.warehouse;

/** Which value broke which rule: a row of {@code validation_issues}. */
public record ValidationIssueRow(String submissionId, String regionCode, int year, String indicator, String rule,
                                 String severity, String message, String runId) {
}
