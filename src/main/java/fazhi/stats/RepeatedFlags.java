package fazhi.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tells a new finding from the echo of last year's. One odd figure makes flags in two years: a one-year outlier is
 * flagged as a level and a jump in its year, and the change back the year after is a flagged jump too; a lasting
 * change is flagged as a jump, and the level it leads to is flagged again each year it lasts. A figure is a
 * repeat of the year before ({@code repeat_of_year}) when that year's figure of the same series had a flag in
 * direction d and this year's flags say only that the value went back (a jump of sign −d, no level flag) or stayed
 * (a level of sign d, no jump flag). Any other flag is a finding of its own, and so is the first.
 *
 * <p>Fed the rows of one (year, indicator) cross-section at a time, both methods and scopes, years in order.
 */
final class RepeatedFlags {
    private final UnaryOperator<String> seriesCode;
    private int year = Integer.MIN_VALUE;
    /** series|indicator|synthetic → direction (+1 or −1) of the flagged figure: of the year before, of this year */
    private Map<String, Integer> previous = Map.of();
    private Map<String, Integer> current = new HashMap<>();

    /** @param seriesCode the code of the series a region code belongs to (a recoded county keeps one series) */
    RepeatedFlags(UnaryOperator<String> seriesCode) {
        this.seriesCode = seriesCode;
    }

    /** The rows of one (year, indicator), with {@code repeat_of_year} set on the flagged rows of a repeat. */
    List<OutlierRow> mark(List<OutlierRow> crossSection) {
        if (crossSection.isEmpty()) {
            return crossSection;
        }
        int rowsYear = crossSection.get(0).year();
        if (rowsYear != year) {
            previous = rowsYear == year + 1 ? current : Map.of();
            current = new HashMap<>();
            year = rowsYear;
        }
        Map<String, List<OutlierRow>> byFigure = new LinkedHashMap<>();
        for (OutlierRow r : crossSection) {
            String key = seriesCode.apply(r.regionCode()) + "|" + r.indicator() + "|" + r.synthetic();
            byFigure.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<OutlierRow> out = new ArrayList<>(crossSection.size());
        for (Map.Entry<String, List<OutlierRow>> figure : byFigure.entrySet()) {
            int level = direction(figure.getValue(), OutlierDetector.METHOD_LEVEL);
            int jump = direction(figure.getValue(), OutlierDetector.METHOD_YOY);
            int direction = level != 0 ? level : jump;
            if (direction != 0) {
                current.put(figure.getKey(), direction);
            }
            Integer before = previous.get(figure.getKey());
            boolean repeat = before != null && (level == 0 && jump == -before || jump == 0 && level == before);
            for (OutlierRow r : figure.getValue()) {
                out.add(repeat && r.flagged() ? r.repeating(year - 1) : r);
            }
        }
        return out;
    }

    /** the sign of the method's flagged score largest in size, 0 when none is flagged */
    private static int direction(List<OutlierRow> rows, String method) {
        double strongest = 0;
        for (OutlierRow r : rows) {
            if (r.flagged() && r.method().equals(method) && Math.abs(r.score()) > Math.abs(strongest)) {
                strongest = r.score();
            }
        }
        return (int) Math.signum(strongest);
    }
}
