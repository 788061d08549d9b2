package fazhi.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Collects Java-vs-R differences per statistic, checks tolerances and reports the largest ones. */
final class Agreement {
    private final Map<String, Double> maxDiff = new TreeMap<>();
    private final Map<String, Double> maxScaled = new TreeMap<>();
    private final Map<String, Integer> compared = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    /** |java - r| <= tol * max(1, |r|); both null (undefined) also agrees. */
    void check(String statistic, String where, Double java, Double r, double tol) {
        compared.merge(statistic, 1, Integer::sum);
        if (java == null || r == null || java.isNaN() || r.isNaN()) {
            boolean javaMissing = java == null || java.isNaN();
            boolean rMissing = r == null || r.isNaN();
            if (javaMissing != rMissing) {
                failures.add(statistic + " at " + where + ": java=" + java + " R=" + r);
            }
            return;
        }
        double diff = Math.abs(java - r);
        double scaled = diff / Math.max(1.0, Math.abs(r));
        maxDiff.merge(statistic, diff, Math::max);
        maxScaled.merge(statistic, scaled, Math::max);
        if (!(scaled <= tol)) {
            failures.add(statistic + " at " + where + ": java=" + java + " R=" + r + " diff=" + diff);
        }
    }

    void assertAll(String what) {
        System.out.println(what + " vs R, max |difference| per statistic: " + maxDiff
                + "; max |difference| / max(1, |R|): " + maxScaled + "; compared: " + compared);
        assertThat(failures).as(what + " disagreements with R").isEmpty();
    }
}
