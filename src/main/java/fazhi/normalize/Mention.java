package fazhi.normalize;

/**
 * A normalized candidate figure for one indicator in one report.
 *
 * @param value     null when {@link Qualifier#REDACTED}
 * @param unit      the catalog unit of the indicator (件, %, 项, 个, 人, ...)
 * @param breakdown a part of a total (read after 其中): chosen only when no total is stated
 */
public record Mention(String indicator, Double value, String unit, Qualifier qualifier,
                      String evidence, int charOffset, String rule, boolean breakdown) {

    /** A mention that is not a breakdown. */
    public Mention(String indicator, Double value, String unit, Qualifier qualifier, String evidence,
                   int charOffset, String rule) {
        this(indicator, value, unit, qualifier, evidence, charOffset, rule, false);
    }
}
