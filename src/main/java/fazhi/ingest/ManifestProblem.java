package fazhi.ingest;

/**
 * A manifest row that could not be used as written. The caller turns it into the reason of that file's
 * submission (quarantined), rather than silently falling back to guessing from the text.
 *
 * @param file   the file the row is about, or null when the row names no file
 * @param line   the 1-based line of manifest.csv the row starts on
 * @param reason what is wrong, for an operator
 */
public record ManifestProblem(String file, int line, String reason) {

    /** The reason with its place, e.g. {@code manifest.csv line 4: region_code 999999 is not ...}. */
    public String describe() {
        return "manifest.csv line " + line + ": " + reason + "; to resolve, correct that row (a blank region_code or"
                + " year is read from the report)";
    }
}
