package fazhi.rank;

import java.util.Map;

/**
 * One county's figures for one year: indicator code → value (absent or null = not reported or redacted).
 *
 * @param synthetic  true when any of its input observations is synthetic (generated, not from a report)
 * @param population resident population for per_capita indicators, null when unknown
 */
public record UnitInput(String regionCode, String regionName, String provinceCode, Map<String, Double> values,
                        boolean synthetic, Double population) {

    public UnitInput(String regionCode, String regionName, String provinceCode, Map<String, Double> values,
                     boolean synthetic) {
        this(regionCode, regionName, provinceCode, values, synthetic, null);
    }
}
