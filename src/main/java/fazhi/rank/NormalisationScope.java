package fazhi.rank;

/** Over which counties the normalisation (and the outlier treatment) takes its min, max, mean, sd. */
public enum NormalisationScope {
    /** the counties of the same province and year: scores compare only within the province */
    PROVINCE("province"),
    /** all counties of the year */
    NATION("nation");

    private final String configName;

    NormalisationScope(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static NormalisationScope fromConfig(String s) {
        for (NormalisationScope t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
