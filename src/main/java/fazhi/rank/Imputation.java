package fazhi.rank;

/**
 * How a figure a county did not report is filled in before normalisation (COINr's Impute step). The
 * methods and why they exist are explained in jobs/ranking-default.yaml (parameters.imputation).
 */
public enum Imputation {
    /** nothing is filled in: the weights are renormalised over what the county reported */
    NONE("none"),
    /** the median of the reporting counties of the scope (COINr i_median_grp); draws: a random reporting peer */
    PROVINCE_MEDIAN("province_median"),
    /**
     * the county's standardised position on the indicators it did report, shrunk by the indicators' estimated
     * correlation (the best linear predictor under a one-factor model); draws add a peer's deviation scaled to
     * the predictor's residual variance
     */
    COUNTY_POSITION("county_position");

    private final String configName;

    Imputation(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Imputation fromConfig(String s) {
        for (Imputation t : values()) {
            if (t.configName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
