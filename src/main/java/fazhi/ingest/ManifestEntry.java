package fazhi.ingest;

/**
 * One row of manifest.csv.
 *
 * @param file       the file name as written in the manifest (relative to the input folder, '/' separators)
 * @param regionCode six-digit GB/T 2260 code, or null when the cell is blank
 * @param year       the report year, or null when the cell is blank
 * @param synthetic  true when a {@code synthetic} column says so (true / yes / 1)
 * @param expectedStatus the status the submitter expects (an {@code expected_status} column), or null: a file
 *                   known to be unusable (a blank template) can be acknowledged so it does not raise the alarm
 *                   exit code every night
 */
public record ManifestEntry(String file, String regionCode, Integer year, boolean synthetic,
                            SubmissionStatus expectedStatus) {

    public ManifestEntry(String file, String regionCode, Integer year, boolean synthetic) {
        this(file, regionCode, year, synthetic, null);
    }
}
