package fazhi.warehouse;

import java.time.Instant;

/** What became of one input file: a row of {@code submissions}. */
public record SubmissionRow(String submissionId, String sourceFile, long bytes, String format, String encoding,
                            String regionCode, Integer year, String status, String reason, int observations,
                            String runId, Instant ingestedAt, boolean synthetic, String expectedStatus) {
}
