package fazhi.rank;

/**
 * What to do with an indicator that has one value for every county of a normalisation scope
 * (min = max, or sd = 0): it cannot tell counties apart, and min-max would divide by zero.
 */
public enum ConstantIndicatorPolicy {
    /** leave the indicator out of every county's score in that scope (it carries no information) */
    EXCLUDE("exclude"),
    /** give every county the middle of the scale (50 on 0-100, 0 for z-scores) */
    MIDPOINT("midpoint");

    private final String configName;

    ConstantIndicatorPolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static ConstantIndicatorPolicy fromConfig(String s) {
        for (ConstantIndicatorPolicy t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
