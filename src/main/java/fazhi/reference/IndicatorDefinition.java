package fazhi.reference;

import java.util.List;

/**
 * One indicator of the catalog (schema/indicators.yaml).
 *
 * @param code        stable code (recon_accepted, head_appearance_rate...)
 * @param domain      reconsideration, litigation, ...
 * @param nameZh      the Chinese name
 * @param unit        the catalog unit figures are stored in (件, %, 项, 个, 人, 场次)
 * @param kind        count or rate
 * @param description what the figure means
 * @param units       unit words accepted after the figure in the text
 * @param phrasings   how the figure is introduced
 * @param context     words one of which must occur around the figure; empty = no condition
 * @param exclude     words that, in the figure's clause, mean it is not this indicator
 * @param stock       a level at a date (how many mediators, committees, retained items there are), not a flow
 *                    of the year: a figure "截至10月底" or "...以来" is still one
 * @param batch       the year's batch, fixed when it was handed over (the suggestions referred at the year's
 *                    session): a date inside the year ("截至11月底…已全部办理") does not cut it, a span since an
 *                    earlier year still does
 * @param core        one of the indicators every county report is read for (the external contract,
 *                    shared/indicators-core.csv)
 * @param writtenUnits the units reports usually write (a subset of units; the generator writes these)
 */
public record IndicatorDefinition(String code, String domain, String nameZh, String unit, String kind,
                                  String description, List<String> units, List<Phrasing> phrasings,
                                  List<String> context, List<String> exclude, boolean stock,
                                  boolean batch, boolean core, List<String> writtenUnits) {
    public IndicatorDefinition {
        units = List.copyOf(units);
        phrasings = List.copyOf(phrasings);
        context = List.copyOf(context);
        exclude = List.copyOf(exclude);
        writtenUnits = List.copyOf(writtenUnits);
    }

    public boolean isRate() {
        return "rate".equals(kind);
    }
}
