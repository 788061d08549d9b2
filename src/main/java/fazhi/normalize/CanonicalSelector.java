package fazhi.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the one canonical mention per indicator of a report.
 *
 * <p>Rule, applied in this order until one mention is left:
 * <ol>
 *   <li>a county total before a breakdown: breakdown mentions (read after 其中) are used only when the
 *       report states no other figure for the indicator;</li>
 *   <li>a stated value before a redacted placeholder (X);</li>
 *   <li>the first statement in the document (smallest char offset): reports state the headline figure
 *       first and repeat or break it down later;</li>
 *   <li>ties (same offset) by rule name, then value, so that the choice is deterministic.</li>
 * </ol>
 * The result is ordered by indicator code.
 */
public final class CanonicalSelector {

    private static final Comparator<Mention> PREFERENCE = Comparator
            .comparing(Mention::breakdown)
            .thenComparing(m -> m.qualifier() == Qualifier.REDACTED)
            .thenComparingInt(Mention::charOffset)
            .thenComparing(m -> m.rule() == null ? "" : m.rule())
            .thenComparing(m -> m.value() == null ? Double.NEGATIVE_INFINITY : m.value());

    public List<Mention> select(List<Mention> mentions) {
        Map<String, Mention> best = new LinkedHashMap<>();
        for (Mention m : mentions) {
            best.merge(m.indicator(), m, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
        }
        List<Mention> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparing(Mention::indicator));
        return out;
    }
}
