package fazhi.ingest;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What became of a submission: the {@code status} of the submissions table (and a manifest's expected_status). */
public enum SubmissionStatus {
    PUBLISHED, QUARANTINED, DUPLICATE, FAILED;

    /** The statuses of a file held back from the warehouse: worth an operator's look unless expected. */
    public static final Set<SubmissionStatus> HELD_BACK = Collections.unmodifiableSet(EnumSet.of(QUARANTINED, FAILED));

    /** The word the warehouse and the manifest use: published, quarantined, duplicate, failed. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word as an SQL string literal ('published'). */
    public String sql() {
        return "'" + code() + "'";
    }

    /** Statuses as an SQL list: ('quarantined', 'failed'). */
    public static String sqlList(Collection<SubmissionStatus> statuses) {
        return statuses.stream().map(SubmissionStatus::sql).collect(Collectors.joining(", ", "(", ")"));
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
