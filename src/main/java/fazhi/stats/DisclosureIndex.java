package fazhi.stats;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The disclosure index: which figures of the indicator catalog a county's report discloses (a figure with a
 * value; a redacted one, "X件" or "(略)", is not disclosed), as a share of the catalog and of each domain of it,
 * and a ranking of the counties of each province and year on that share.
 *
 * <p>This is the measure real reports always support: every report discloses something, while few disclose
 * enough of any ranking framework's indicators to be ranked on them. It is what the Chinese Academy of Social
 * Sciences' government transparency index scores by hand.
 *
 * <p><b>Uncertainty.</b> The share depends on which figures the catalog happens to list. The rank interval is
 * a bootstrap over the catalog: each draw resamples the catalog's indicators with replacement (an indicator
 * drawn twice counts twice), recomputes every share and re-ranks each province-year; the interval is the
 * {@code lower_quantile}–{@code upper_quantile} of the ranks over the draws (R's {@code quantile(type = 1)}).
 * A county that discloses what its peers disclose has a wide interval; one that discloses much more than all
 * of them keeps rank 1 in nearly every draw.
 *
 * <p>Counties are ranked against the county-level units of their province, year and kind (real and synthetic
 * reports are never peers); prefecture and province reports get a share but no rank.
 */
public final class DisclosureIndex {

    /** One report: the catalog codes it gives a value for. */
    public record Unit(String regionCode, String regionName, String provinceCode, int year, boolean synthetic,
                       Set<String> disclosed) {
    }

    /** The catalog as the index sees it: the indicator codes and the domain of each, in catalog order. */
    public record Catalog(List<String> codes, List<String> domains) {
        public Catalog {
            if (codes.size() != domains.size() || codes.isEmpty()) {
                throw new IllegalArgumentException("a catalog needs one domain per indicator and at least one indicator");
            }
            codes = List.copyOf(codes);
            domains = List.copyOf(domains);
        }

        public int size() {
            return codes.size();
        }
    }

    private DisclosureIndex() {
    }

    /**
     * {@code draws} bootstrap draws over a catalog of {@code size} indicators: row b holds how often each
     * indicator was drawn (each row sums to {@code size}).
     */
    public static int[][] draws(int size, int draws, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] m = new int[draws][size];
        for (int b = 0; b < draws; b++) {
            for (int j = 0; j < size; j++) {
                m[b][rnd.nextInt(size)]++;
            }
        }
        return m;
    }

    /** The rows of {@code disclosure}, one per unit, in the order of {@code units}. */
    public static List<DisclosureRow> compute(List<Unit> units, Catalog catalog, int[][] draws,
                                              double lowerQuantile, double upperQuantile, String runId) {
        int k = catalog.size();
        boolean[][] disclosed = new boolean[units.size()][k];
        int[] count = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            for (int j = 0; j < k; j++) {
                disclosed[u][j] = units.get(u).disclosed().contains(catalog.codes().get(j));
                count[u] += disclosed[u][j] ? 1 : 0;
            }
        }
        // the ranked groups: county-level units of one province, year and kind
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (RegionLevel.of(unit.regionCode()).equals("county")) {
                groups.computeIfAbsent(unit.provinceCode() + "|" + unit.year() + "|" + unit.synthetic(),
                        x -> new ArrayList<>()).add(u);
            }
        }
        Integer[] rank = new Integer[units.size()];
        int[][] rankInterval = new int[units.size()][];
        int[] peers = new int[units.size()];
        for (List<Integer> group : groups.values()) {
            double[] shares = new double[group.size()];
            for (int g = 0; g < group.size(); g++) {
                shares[g] = (double) count[group.get(g)] / k;
            }
            int[] point = Ranks.minRanks(shares);
            int[][] drawn = new int[group.size()][draws.length];
            for (int b = 0; b < draws.length; b++) {
                for (int g = 0; g < group.size(); g++) {
                    long weighted = 0;
                    for (int j = 0; j < k; j++) {
                        if (disclosed[group.get(g)][j]) {
                            weighted += draws[b][j];
                        }
                    }
                    shares[g] = (double) weighted / k;
                }
                int[] r = Ranks.minRanks(shares);
                for (int g = 0; g < group.size(); g++) {
                    drawn[g][b] = r[g];
                }
            }
            for (int g = 0; g < group.size(); g++) {
                int u = group.get(g);
                rank[u] = point[g];
                peers[u] = group.size();
                rankInterval[u] = new int[] {Ranks.quantileType1(drawn[g], lowerQuantile),
                        Ranks.quantileType1(drawn[g], 0.5), Ranks.quantileType1(drawn[g], upperQuantile)};
            }
        }
        List<DisclosureRow> rows = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            Map<String, int[]> byDomain = new TreeMap<>();
            for (int j = 0; j < k; j++) {
                int[] c = byDomain.computeIfAbsent(catalog.domains().get(j), x -> new int[2]);
                c[0] += disclosed[u][j] ? 1 : 0;
                c[1]++;
            }
            Map<String, Double> domainShares = new TreeMap<>();
            byDomain.forEach((domain, c) -> domainShares.put(domain, (double) c[0] / c[1]));
            boolean ranked = rank[u] != null;
            rows.add(new DisclosureRow(unit.regionCode(), unit.regionName(), unit.provinceCode(), count[u], k,
                    (double) count[u] / k, domainShares, rank[u], ranked ? rankInterval[u][0] : null,
                    ranked ? rankInterval[u][1] : null, ranked ? rankInterval[u][2] : null,
                    ranked ? peers[u] : null, unit.synthetic(), runId, unit.year()));
        }
        return rows;
    }
}
