package fazhi.rank;

/** How normalised indicators are combined into one score. */
public enum Aggregation {
    /** sum(w x) / sum(w) over the indicators the county has */
    ARITHMETIC("arithmetic"),
    /** exp(sum(w ln x) / sum(w)); refuses values that are not positive */
    GEOMETRIC("geometric");

    private final String configName;

    Aggregation(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Aggregation fromConfig(String s) {
        for (Aggregation t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
