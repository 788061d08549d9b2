package fazhi.generate;

import fazhi.reference.Region;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One county's indicator figures over the years, before rendering. {@code values} holds the figure of every
 * indicator in every year (NaN where undefined); {@code present} says whether the report of that year states it.
 */
record CountyPanel(Region region, int fromYear, double size, Map<String, double[]> values,
                   Map<String, boolean[]> present, boolean[] hasReport, List<Outlier> outliers,
                   Set<String> lossless, Map<String, Integer> rateDecimals) {

    int years() {
        return hasReport.length;
    }

    double value(String indicator, int year) {
        return values.get(indicator)[year - fromYear];
    }

    boolean isPresent(String indicator, int year) {
        return present.get(indicator)[year - fromYear] && !Double.isNaN(value(indicator, year));
    }
}
