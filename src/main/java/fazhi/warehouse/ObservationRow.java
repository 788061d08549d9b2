package fazhi.warehouse;

/**
 * One canonical figure per (region, year, indicator): a row of {@code observations}, partitioned by
 * year and province (the province code).
 */
public record ObservationRow(String submissionId, String regionCode, String regionName, String provinceCode,
                             int year, String indicator, Double value, String unit, String qualifier,
                             String evidence, int charOffset, String sourceFile, String rule, String runId,
                             boolean synthetic) {
}
