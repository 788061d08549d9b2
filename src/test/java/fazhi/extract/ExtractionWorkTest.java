package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Extraction grows with the size of a file, not with its square (issue 11): a report of one long line of
 * many sentences (the 54 MB case of bench/long-line is this, two million times) is read with a number of
 * lookup steps per figure bounded by the logarithm of the number of sentences. Counted, not timed.
 */
class ExtractionWorkTest {

    private static final String TITLE = "某县2023年法治政府建设情况的报告\n";
    private static final String SENTENCE = "行政复议申请181件。";
    /** More than the phrasings with verbs a figure in 件 is read against (a verb search each, at most). */
    private static final int VERB_SEARCHES_PER_FIGURE = 40;

    private final IndicatorExtractor extractor = new IndicatorExtractor(IndicatorCatalog.bundled());

    private long steps(int sentences) {
        String text = TITLE + SENTENCE.repeat(sentences);
        WorkMeter meter = new WorkMeter();
        List<RawMention> got = extractor.extract(text, 2023, meter);
        assertThat(got).hasSize(sentences).allMatch(m -> m.indicator().equals("recon_applications"));
        return meter.steps();
    }

    @Test
    void stepsPerFigureAreBoundedByTheLogarithmOfTheSentencesPlusTheFiguresOwnWindow() {
        for (int n : new int[]{1_000, 16_000}) {
            int log2 = 32 - Integer.numberOfLeadingZeros(n);
            // a sentence and a clause found by binary search, one list-item start: three logarithms a figure;
            // the verb searches look at the figure's own sentence, once per phrasing with verbs
            long lookups = 3L * n * (log2 + 1);
            long windows = (long) VERB_SEARCHES_PER_FIGURE * SENTENCE.length() * n;
            assertThat(steps(n)).as("steps for %d sentences", n).isLessThanOrEqualTo(lookups + windows);
        }
    }

    @Test
    void sixteenTimesTheTextTakesLessThanThirtyTwoTimesTheSteps() {
        // n log n gives about 22 times; a scan of every sentence (or back to the start of the text) for
        // every figure would take 256 times
        assertThat(steps(16_000)).isLessThan(32 * steps(1_000));
    }
}
