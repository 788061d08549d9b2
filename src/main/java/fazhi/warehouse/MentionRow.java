package fazhi.warehouse;

/** Every candidate figure the extractor found, chosen or not: a row of {@code mentions} (audit trail). */
public record MentionRow(String submissionId, String regionCode, int year, String indicator, Double value,
                         String unit, String qualifier, String evidence, int charOffset, String rule,
                         boolean chosen, String runId) {
}
