package fazhi.review;

import java.util.List;

/**
 * One figure of the review queue: what was extracted, where (file and character offset of the report text as
 * decoded), every candidate the extractor saw for it, and why it is listed, with its priority (jobs/review.yaml).
 *
 * @param value the extracted figure; null when the report redacts it
 * @param why   the signals that raised the priority, in words, in the order of the formula (jobs/review.yaml)
 */
public record ReviewItem(double priority, List<String> why, String regionCode, String regionName, int year,
                         String indicator, String indicatorName, Double value, String unit, String qualifier,
                         List<Candidate> candidates, String sentence, String file, int charOffset,
                         String submissionId) {

    /** A figure the extractor read for the same report and indicator; {@code chosen} is the one published. */
    public record Candidate(Double value, String unit, String qualifier, int charOffset, String evidence, String rule,
                            boolean chosen) {
    }

    public ReviewItem {
        why = List.copyOf(why);
        candidates = List.copyOf(candidates);
    }
}
