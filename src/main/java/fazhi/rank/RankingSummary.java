package fazhi.rank;

import java.util.List;

/** What one ranking run did. */
public record RankingSummary(String runId, String framework, List<Integer> years, int counties, int ranked,
                             int notRanked, long stepRows, long treatedPoints, int skippedRegions) {
}
