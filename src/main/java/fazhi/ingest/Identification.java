package fazhi.ingest;

/**
 * Who submitted a report and which year it covers.
 *
 * @param regionCode six-digit GB/T 2260 code, or null when unresolved
 * @param year       the year the report covers, or null when unresolved
 * @param method     how it was determined (manifest, title, index_number, publisher, opening_sentence, ...)
 * @param reason     null when both are known; otherwise region_unresolved, year_unresolved or
 *                   author_not_government with detail and what would resolve it
 */
public record Identification(String regionCode, Integer year, String method, String reason) {

    public boolean resolved() {
        return regionCode != null && year != null;
    }

    /** What resolves a report whose region cannot be read from it: the manifest says whose it is. */
    public static final String REGION_REMEDY =
            "add a manifest.csv row for the file with its region_code (6-digit GB/T 2260 code, see schema/regions.csv)";
    /** What resolves a report whose year cannot be read from it. */
    public static final String YEAR_REMEDY = "add a manifest.csv row for the file with its year";

    /** The region is not known: {@code region_unresolved: DETAIL; to resolve, REMEDY}. */
    public static Identification regionUnresolved(String detail, String remedy) {
        return new Identification(null, null, null, "region_unresolved: " + detail + "; to resolve, " + remedy);
    }

    public static Identification regionUnresolved(String detail) {
        return regionUnresolved(detail, REGION_REMEDY);
    }

    /** The year is not known: {@code year_unresolved: DETAIL; to resolve, REMEDY}. */
    public static Identification yearUnresolved(String detail, String remedy) {
        return new Identification(null, null, null, "year_unresolved: " + detail + "; to resolve, " + remedy);
    }

    /**
     * What resolves a report written by a department, town or other organ when it is in fact the government's:
     * the operator's word in the manifest.
     */
    public static final String AUTHOR_REMEDY = "list the file in manifest.csv with its region_code and year if it is"
            + " the county-level government's own report (its figures are then published as the region's); else"
            + " mark it expected_status=quarantined";

    /**
     * The report's author is not the government of the region it names (a department, town, court, company):
     * {@code author_not_government: DETAIL; to resolve, REMEDY}.
     */
    public static Identification authorNotGovernment(String detail) {
        return new Identification(null, null, null, "author_not_government: " + detail + "; to resolve, " + AUTHOR_REMEDY);
    }

    /** Whether a reason is the one of {@link #authorNotGovernment}. */
    public static boolean isAuthorReason(String reason) {
        return reason != null && reason.startsWith("author_not_government:");
    }

    /** Whether a reason is the one of {@link #notAReport}. */
    public static boolean isNotAReportReason(String reason) {
        return reason != null && reason.startsWith("not_a_report:");
    }

    /** What resolves a page about a report (its interpretation, news of its review) when it is in fact the report. */
    public static final String NOT_A_REPORT_REMEDY = "find the report itself; if this file is in fact the report, list it"
            + " in manifest.csv with its region_code and year; else mark it expected_status=quarantined";

    /**
     * The page is about a report, not the report (an interpretation, 解读; a news item on its review):
     * {@code not_a_report: DETAIL; to resolve, REMEDY}.
     */
    public static Identification notAReport(String detail) {
        return new Identification(null, null, null, "not_a_report: " + detail + "; to resolve, " + NOT_A_REPORT_REMEDY);
    }

    public static Identification yearUnresolved(String detail) {
        return yearUnresolved(detail, YEAR_REMEDY);
    }
}
