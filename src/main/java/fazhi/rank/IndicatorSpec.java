package fazhi.rank;

/**
 * One indicator of a ranking framework.
 *
 * @param code        an indicator code of the catalog (schema/indicators.yaml)
 * @param weight      positive nominal weight (weights are renormalised over what a county has)
 * @param direction   +1 when a higher value is better, -1 when a lower value is better
 * @param transform   applied to the raw value before outlier treatment
 * @param group       descriptive domain, for reading the results
 * @param denominator name of the denominator table for per_capita, else null
 */
public record IndicatorSpec(String code, double weight, int direction, Transform transform, String group,
                            String denominator) {
}
