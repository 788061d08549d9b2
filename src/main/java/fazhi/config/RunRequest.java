package fazhi.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the operator asked for.
 *
 * @param jobName       nightly or ingest
 * @param jobRepository JDBC URL of the Spring Batch job repository, or null for the embedded H2 file
 * @param reprocess     read every file again, even those already published with the same bytes
 * @param limits        per-file limits that override the defaults, by name: report-size, table-size,
 *                      report-time, table-time (properties {@code fazhi.limits.NAME})
 */
public record RunRequest(String jobName, Path input, Path warehouse, String jobRepository, boolean reprocess,
                         Map<String, String> limits) {

    public RunRequest(String jobName, Path input, Path warehouse, String jobRepository, boolean reprocess) {
        this(jobName, input, warehouse, jobRepository, reprocess, Map.of());
    }
}
