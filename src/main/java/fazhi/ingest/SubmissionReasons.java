package fazhi.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns I/O failures into reasons an operator understands (never a stack trace). */
public final class SubmissionReasons {
    private SubmissionReasons() {
    }

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found: it was removed or renamed before it could be read";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: this process may not read the file";
        }
        String msg = e.getMessage();
        return "the file could not be read (" + (msg == null ? e.getClass().getSimpleName()
                : msg.lines().findFirst().orElse(msg)) + ")";
    }
}
