package fazhi.ingest;

/**
 * Who submitted a report and which year it covers.
 *
 * @param regionCode six-digit GB/T 2260 code, or null when unresolved
 * @param year       the year the report covers, or null when unresolved
 * @param method     how it was determined (manifest, title, index_number, publisher, opening_sentence, ...)
 * @param reason     null when both are known; otherwise region_unresolved or year_unresolved with detail
 */
public record Identification(String regionCode, Integer year, String method, String reason) {

    public boolean resolved() {
        return regionCode != null && year != null;
    }

    public static Identification unresolved(String reason) {
        return new Identification(null, null, null, reason);
    }
}
