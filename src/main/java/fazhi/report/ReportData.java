package fazhi.report;

import java.util.List;

/**
 * Everything the HTML report shows, read from the warehouse by {@link ReportLoader}; rendering is in
 * {@link HtmlReport}. Plain data: a test can build one by hand.
 */
public record ReportData(int year, String warehouseLabel, String runId, List<ProvinceSection> provinces,
                         SyntheticShare synthetic) {

    public ReportData {
        provinces = List.copyOf(provinces);
    }

    /** How much of what the report shows is synthetic (generated) data. */
    public record SyntheticShare(long observations, long syntheticObservations, long rankings, long syntheticRankings) {
        public boolean any() {
            return syntheticObservations > 0 || syntheticRankings > 0;
        }
    }

    /**
     * One province: its ranking of the year, trend small multiples, the year's flagged figures, and the disclosure
     * index of the year with the province's disclosure by year.
     */
    public record ProvinceSection(String provinceCode, String provinceName, List<RankingEntry> rankings,
                                  List<IndicatorPanel> panels, List<OutlierEntry> outliers, long outliersScored,
                                  List<DisclosureEntry> disclosure, List<DisclosureYear> disclosureByYear,
                                  List<CorrectionEntry> corrections) {
        public ProvinceSection {
            corrections = List.copyOf(corrections);
            rankings = List.copyOf(rankings);
            panels = List.copyOf(panels);
            outliers = List.copyOf(outliers);
            disclosure = List.copyOf(disclosure);
            disclosureByYear = List.copyOf(disclosureByYear);
        }

        public List<RankingEntry> ranked() {
            return rankings.stream().filter(RankingEntry::ranked).toList();
        }

        public List<RankingEntry> notRanked() {
            return rankings.stream().filter(r -> !r.ranked()).toList();
        }
    }

    /**
     * A row of {@code rankings}, with what drove its score: the county's normalised value of each indicator
     * that entered it (ranking_steps), ordered by how much score it cost (weight share × (upper − value)).
     */
    public record RankingEntry(String regionCode, String regionName, Double score, Integer rank, Integer rankP05,
                               Integer rankMedian, Integer rankP95, int indicatorsUsed, double coverage,
                               boolean ranked, String notRankedReason, boolean synthetic, List<Driver> drivers) {
        public RankingEntry {
            drivers = List.copyOf(drivers);
        }
    }

    /**
     * One indicator's part in a county's score.
     *
     * @param weightShare the indicator's weight over the weights of the indicators the county's score used
     * @param imputed     true when the value was imputed, not reported
     */
    public record Driver(String indicator, double normalised, double weightShare, boolean imputed) {
        /** score points lost against the top of the scale (upper = 100) */
        public double cost() {
            return weightShare * (100 - normalised);
        }
    }

    /** A row of {@code disclosure}: a county's share of the catalog disclosed, its rank and bootstrap interval. */
    public record DisclosureEntry(String regionCode, String regionName, int indicatorsDisclosed, int catalogSize,
                                  double share, Integer rank, Integer rankP05, Integer rankMedian, Integer rankP95,
                                  Integer peers, boolean synthetic, String domains) {
    }

    /** The province's disclosure in one year: how many reports (real or synthetic) and their median share. */
    public record DisclosureYear(int year, boolean synthetic, long reports, double medianShare) {
    }

    /** One indicator's small multiples: a series per region, on a common value scale. */
    public record IndicatorPanel(String code, String name, String unit, List<RegionSeries> regions, int regionsLeftOut) {
        public IndicatorPanel {
            regions = List.copyOf(regions);
        }
    }

    /** A region's values of one indicator by year, with its Theil–Sen line when {@code trends} has one. */
    public record RegionSeries(String regionCode, String regionName, List<Point> points, Trend trend) {
        public RegionSeries {
            points = List.copyOf(points);
        }
    }

    /** A figure of a series; {@code corrected} when a statistician's correction replaced the extracted figure. */
    public record Point(int year, double value, boolean synthetic, boolean corrected) {
        public Point(int year, double value, boolean synthetic) {
            this(year, value, synthetic, false);
        }
    }

    /**
     * A row of {@code corrections} of the province up to the report's year: the corrected figure, the extracted one it
     * replaces, and what became of the correction (applied, needs_review, …).
     */
    public record CorrectionEntry(String regionCode, String regionName, int year, String indicator, Double value,
                                  String qualifier, boolean notReported, Double extractedValue, String status,
                                  String statusReason, String reason, String by) {
    }

    /** The trend of a series: direction at α = 0.05, Theil–Sen line, Mann–Kendall p. */
    public record Trend(int n, int firstYear, int lastYear, String direction, Double senSlope, Double senIntercept,
                        Double mkP) {
        public boolean hasLine() {
            return senSlope != null && senIntercept != null && Double.isFinite(senSlope) && Double.isFinite(senIntercept);
        }
    }

    /** A flagged figure of the year with the sentence it came from (and, for a jump, last year's sentence). */
    public record OutlierEntry(String regionCode, String regionName, String indicator, String indicatorName,
                               String unit, String method, String scopes, double score, Double value,
                               Double previousValue, String evidence, String sourceFile, Integer charOffset,
                               String previousEvidence, boolean synthetic, boolean corrected, Double extractedValue) {
    }
}
