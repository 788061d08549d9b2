package fazhi.rank;

import java.util.Map;

/**
 * One county's figures for one year: indicator code → value (absent or null = not reported or redacted).
 *
 * @param synthetic true when any of its input observations is synthetic (generated, not from a report)
 */
public record UnitInput(String regionCode, String regionName, String provinceCode, Map<String, Double> values,
                        boolean synthetic) {
}
