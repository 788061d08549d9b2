package fazhi.reference;

/**
 * A knowledge file (schema/*.yaml, jobs/*.yaml, the CSVs) that cannot be used as it stands: an unknown key, a
 * missing key, a value of the wrong type, an unknown indicator code. The message is the one line an operator
 * needs: the file, the line and the key, then the reason.
 */
public final class KnowledgeFileException extends IllegalStateException {

    private final String file;
    private final int line;
    private final String key;

    public KnowledgeFileException(String file, int line, String key, String reason) {
        super(file + (line > 0 ? " line " + line : "") + (key == null || key.isEmpty() ? "" : ", key " + key)
                + ": " + reason);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    /** The file as named in the repository (schema/indicators.yaml), or the path of an edited copy. */
    public String file() {
        return file;
    }

    /** The line (1-based) the problem is on, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The key (a path such as indicators[3].phrasings[0].subjects) the problem concerns; empty for the file. */
    public String key() {
        return key;
    }
}
