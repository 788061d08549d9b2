package fazhi.ingest;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns I/O failures into reasons an operator understands (never a stack trace). */
public final class SubmissionReasons {
    private SubmissionReasons() {
    }

    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof java.io.IOException)) {
            t = t.getCause();
        }
        if (t instanceof NoSuchFileException) {
            return "the file disappeared before it could be read";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
