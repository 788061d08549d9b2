package fazhi.ingest;

/**
 * A file of the input folder (or one the manifest names but the folder lacks) and what the run will do with it; the hand-over from discovery to
 * extraction (staged as Parquet, so the extraction step can restart from it).
 *
 * @param action {@code process}, {@code duplicate} (same bytes as another file), {@code unchanged}
 *               (already published with these bytes; nothing to do), {@code quarantine} (a manifest problem)
 *               or {@code failed} (the file could not be read, or is missing)
 * @param expectedStatus the status the manifest expects for this file, or null
 * @param reason why, for duplicate and for manifest problems the extraction must report
 */
public record DiscoveredSubmission(String sourceFile, String path, String submissionId, long bytes,
                                   String manifestRegionCode, Integer manifestYear, boolean synthetic,
                                   String expectedStatus, String action, String reason) {

    public static final String PROCESS = "process";
    public static final String DUPLICATE = "duplicate";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";
    /** the manifest says something about the file that cannot be used (an unknown region code, say) */
    public static final String QUARANTINE = "quarantine";
}
