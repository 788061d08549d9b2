package fazhi.rank;

/** How treated values are put on a common scale. */
public enum Normalisation {
    /** lower + (upper - lower) * (x - min) / (max - min), direction applied first */
    MIN_MAX("min_max"),
    /** (x - mean) / sd with the sample standard deviation (n - 1), direction applied first */
    Z_SCORE("z_score");

    private final String configName;

    Normalisation(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Normalisation fromConfig(String s) {
        for (Normalisation t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
