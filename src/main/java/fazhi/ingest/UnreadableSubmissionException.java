package fazhi.ingest;

/** A submission that cannot be turned into text; the message is the reason a person reads. */
public class UnreadableSubmissionException extends Exception {
    public UnreadableSubmissionException(String reason) {
        super(reason);
    }

    public UnreadableSubmissionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
