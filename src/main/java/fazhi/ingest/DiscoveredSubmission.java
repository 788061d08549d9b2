package fazhi.ingest;

/**
 * A file of the input folder (or one the manifest names but the folder lacks) and what the run will do with it; the hand-over from discovery to
 * extraction (staged as Parquet, so the extraction step can restart from it).
 *
 * @param action what the run does with the file ({@link Action})
 * @param expectedStatus the status the manifest expects for this file, or null
 * @param reason why, for duplicate and for manifest problems the extraction must report
 */
public record DiscoveredSubmission(String sourceFile, String path, String submissionId, long bytes,
                                   String manifestRegionCode, Integer manifestYear, boolean synthetic,
                                   SubmissionStatus expectedStatus, Action action, String reason) {

    /** What the run does with a discovered file. */
    public enum Action {
        PROCESS,
        /** same bytes as another file of the run */
        DUPLICATE,
        /** already published with these bytes: nothing to do */
        UNCHANGED,
        /** the file could not be read, or is missing */
        FAILED,
        /** the manifest says something about the file that cannot be used (an unknown region code, say) */
        QUARANTINE
    }
}
