package fazhi.ingest;

import java.io.IOException;

/** manifest.csv cannot be parsed at all; the message names the line. */
public class MalformedManifestException extends IOException {
    private final int line;

    public MalformedManifestException(int line, String reason) {
        super("manifest.csv line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
