package fazhi.ingest;

/** CSV that cannot be parsed, with the line where it goes wrong. */
public class MalformedCsvException extends java.io.IOException {
    private final int line;
    private final String reason;

    public MalformedCsvException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }
}
