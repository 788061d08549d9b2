package fazhi.ingest;

import java.nio.file.Path;

/**
 * One report file found in the input folder, before anything is read from it.
 *
 * @param submissionId       sha-256 of the file's bytes, hex
 * @param path               where the file is
 * @param sourceFile         the file's path relative to the input folder (the key a resubmission replaces)
 * @param bytes              size in bytes
 * @param manifestRegionCode region code stated by manifest.csv, or null
 * @param manifestYear       report year stated by manifest.csv, or null
 * @param synthetic          true when the file was produced by {@code fazhi generate}
 */
public record Submission(String submissionId, Path path, String sourceFile, long bytes,
                         String manifestRegionCode, Integer manifestYear, boolean synthetic) {
}
