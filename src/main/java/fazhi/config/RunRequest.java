package fazhi.config;

import java.nio.file.Path;

/**
 * What the operator asked for.
 *
 * @param jobName       nightly or ingest
 * @param jobRepository JDBC URL of the Spring Batch job repository, or null for the embedded H2 file
 * @param reprocess     read every file again, even those already published with the same bytes
 */
public record RunRequest(String jobName, Path input, Path warehouse, String jobRepository, boolean reprocess) {
}
