package fazhi.stats;

import java.util.Map;

/**
 * A row of {@code disclosure}: one report's disclosure of the catalog ({@link DisclosureIndex}); {@code year} last,
 * as the partition column comes last in the view.
 *
 * @param domainShares share of each domain's indicators disclosed (domain → 0..1), written as a MAP column
 * @param rank         rank within the province's counties of that year (1 = discloses most; ties share the
 *                     better rank); null for prefecture and province reports
 * @param peers        how many counties the rank is among
 */
public record DisclosureRow(String regionCode, String regionName, String provinceCode, int indicatorsDisclosed,
                            int catalogSize, double share, Map<String, Double> domainShares, Integer rank,
                            Integer rankP05, Integer rankMedian, Integer rankP95, Integer peers, boolean synthetic,
                            String runId, int year) {

    public Partitioned withoutYear() {
        return new Partitioned(regionCode, regionName, provinceCode, indicatorsDisclosed, catalogSize, share,
                domainShares, rank, rankP05, rankMedian, rankP95, peers, synthetic, runId);
    }

    /** The same row without the partition column. */
    public record Partitioned(String regionCode, String regionName, String provinceCode, int indicatorsDisclosed,
                              int catalogSize, double share, Map<String, Double> domainShares, Integer rank,
                              Integer rankP05, Integer rankMedian, Integer rankP95, Integer peers,
                              boolean synthetic, String runId) {
    }
}
