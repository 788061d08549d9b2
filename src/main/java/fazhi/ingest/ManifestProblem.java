package fazhi.ingest;

/** A manifest row that cannot be used, with the reason given to the file it names. */
public record ManifestProblem(String file, int line, String reason) {
}
