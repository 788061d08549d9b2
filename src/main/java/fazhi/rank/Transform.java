package fazhi.rank;

/** How an indicator's raw value is changed before treatment. */
public enum Transform {
    /** the value as reported (rates) */
    NONE("none"),
    /** log(1 + x), for counts: damps the size of the county, does not remove it */
    LOG1P("log1p"),
    /** x per 100,000 residents: x / population · 100 000 (population of the county's census nearest the year) */
    PER_CAPITA("per_capita");

    private final String configName;

    Transform(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Transform fromConfig(String s) {
        for (Transform t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
