package fazhi.ingest;

/**
 * A submission that cannot be turned into text; the message is the reason a person reads, and the code
 * ({@code unreadable} or {@code unsupported_format}) starts the submission's reason.
 */
public class UnreadableSubmissionException extends Exception {
    public static final String UNREADABLE = "unreadable";
    public static final String UNSUPPORTED_FORMAT = "unsupported_format";

    private final String code;

    public UnreadableSubmissionException(String reason) {
        this(reason, null, UNREADABLE);
    }

    public UnreadableSubmissionException(String reason, Throwable cause) {
        this(reason, cause, UNREADABLE);
    }

    public UnreadableSubmissionException(String reason, Throwable cause, String code) {
        super(reason, cause);
        this.code = code;
    }

    /** The reason code: {@code unreadable} (damaged, empty, encrypted...) or {@code unsupported_format}. */
    public String code() {
        return code;
    }
}
