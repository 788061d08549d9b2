package fazhi.normalize;

/**
 * A normalized candidate figure for one indicator in one report.
 *
 * @param value null when {@link Qualifier#REDACTED}
 * @param unit  the catalog unit of the indicator (件, %, 项, 个, 人, ...)
 */
public record Mention(String indicator, Double value, String unit, Qualifier qualifier,
                      String evidence, int charOffset, String rule) {
}
