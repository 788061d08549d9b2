package fazhi.rank;

/**
 * A row of {@code ranking_log}: what each step was run with and what it did. year and scope are null for
 * run-wide entries. The entry (step framework, parameter yaml) holds the framework text, so a run can be
 * replayed from its log.
 */
public record RankingLogRow(String runId, Integer year, String scope, String step, String parameter, String value) {
}
