package fazhi.correct;

/**
 * A row of a corrections file (or a correction handed to {@link CorrectionsFile#appendAll}) that cannot be used,
 * and why. Never fatal: the other corrections are still used.
 *
 * @param file   the file (or source) as the user knows it, e.g. {@code corrections.csv (input folder)}
 * @param line   the line the row starts on, 0 when the problem concerns the whole file
 */
public record CorrectionProblem(String file, int line, String reason) {

    /** {@code corrections.csv (input folder) line 4: unknown indicator 'foo' …} */
    public String describe() {
        return file + (line > 0 ? " line " + line : "") + ": " + reason;
    }
}
