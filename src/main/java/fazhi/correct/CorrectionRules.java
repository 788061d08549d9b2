package fazhi.correct;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.RegionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What makes a correction usable: a region of the GB/T 2260 table, an indicator of the catalog, a plausible work
 * year, a value unless the figure is not reported, a known qualifier and a reason. Whether the value itself is
 * plausible is for the validation rules, which judge a corrected figure like any other.
 */
public final class CorrectionRules {
    /** The qualifiers of observations.qualifier. */
    public static final Set<String> QUALIFIERS = Set.of("exact", "at_least", "approx", "at_most", "redacted");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final Supplier<RegionTable> regions;
    private final Supplier<IndicatorCatalog> catalog;

    public CorrectionRules(RegionTable regions, IndicatorCatalog catalog) {
        this(() -> regions, () -> catalog);
    }

    /**
     * @param regions and
     * @param catalog read when the first correction is checked: a night without corrections needs neither
     */
    public CorrectionRules(Supplier<RegionTable> regions, Supplier<IndicatorCatalog> catalog) {
        this.regions = regions;
        this.catalog = catalog;
    }

    /** The rules with the region table and catalog shipped in the jar. */
    public static CorrectionRules bundled() {
        return new CorrectionRules(RegionTable.bundled(), IndicatorCatalog.bundled());
    }

    /** Why the correction cannot be used; empty when it can. */
    public List<String> problems(Correction c) {
        List<String> problems = new ArrayList<>();
        if (regions.get().byCode(c.regionCode().strip()).isEmpty()) {
            problems.add("unknown region_code '" + c.regionCode() + "' (not in the GB/T 2260 table, schema/regions.csv)");
        }
        if (c.year() < FIRST_YEAR || c.year() > LAST_YEAR) {
            problems.add("year " + c.year() + " is not a work year between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        if (catalog.get().byCode(c.indicator().strip()).isEmpty()) {
            problems.add("unknown indicator '" + c.indicator() + "' (not a code of the indicator catalog, "
                    + "schema/indicators.yaml)");
        }
        if (!c.notReported()) {
            if (!QUALIFIERS.contains(c.qualifier())) {
                problems.add("unknown qualifier '" + c.qualifier() + "' (one of exact, at_least, approx, at_most, redacted)");
            } else if ("redacted".equals(c.qualifier()) != (c.value() == null)) {
                problems.add(c.value() == null ? "no value: give the corrected value, or not_reported=true when the "
                        + "report does not state the figure" : "a redacted figure has no value");
            }
            if (c.value() != null && (c.value().isNaN() || c.value().isInfinite())) {
                problems.add("value " + c.value() + " is not a figure");
            }
        }
        if (c.reason() == null || c.reason().isBlank()) {
            problems.add("no reason: say why the figure is corrected");
        }
        return problems;
    }
}
