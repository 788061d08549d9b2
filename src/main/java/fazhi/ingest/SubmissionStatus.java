package fazhi.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What became of a submission: the {@code status} of the submissions table (and a manifest's expected_status). */
public enum SubmissionStatus {
    PUBLISHED, QUARANTINED, DUPLICATE, FAILED;

    /** The word the warehouse and the manifest use: published, quarantined, duplicate, failed. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a word names (any case), or empty. */
    public static Optional<SubmissionStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** "published, quarantined, duplicate or failed". */
    public static String codes() {
        String all = Arrays.stream(values()).map(SubmissionStatus::code).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
