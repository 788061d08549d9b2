package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Asking the patterns together answers as searching each of them in the region would. */
class AnyOfPatternsTest {

    private static boolean anySearchFinds(List<RequiredText> patterns, String text, int from, int to) {
        for (RequiredText p : patterns) {
            if (p.pattern.matcher(text).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theLexiconsPeriodCuesAnswerAsSearchedOneByOne() {
        List<RequiredText> cues = RequiredText.of(ExtractionLexicon.bundled().periodCues);
        AnyOfPatterns together = new AnyOfPatterns(cues);
        String[] texts = {"1月份,县12345热线受理群众来电", "2023年3月受理案件12件", "近三年来共办理", "上半年审结",
            "“十三五”期间", "十三五以来", "本月受理", "全年受理行政复议案件36件", "3至5月开展", "一至三月", "前三季度"};
        for (String t : texts) {
            for (int from = 0; from <= t.length(); from++) {
                for (int to = from; to <= t.length(); to++) {
                    assertThat(together.find(t, from, to)).as("%s [%d, %d)", t, from, to)
                            .isEqualTo(anySearchFinds(cues, t, from, to));
                }
            }
        }
    }

    @Test
    void patternsWithoutRequirementsAreAlwaysSearched() {
        Random random = new Random(23);
        List<RequiredText> patterns = new ArrayList<>();
        for (String p : List.of("(?i)ab", "[0-9]+月", "季度", "x|yz", "\\d(?=件)", "(a)\\1")) {
            patterns.add(RequiredText.of(Pattern.compile(p)));
        }
        AnyOfPatterns together = new AnyOfPatterns(patterns);
        String alphabet = "aAbxyz12月季度件";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = b.toString();
            int from = random.nextInt(t.length() + 1);
            int to = from + random.nextInt(t.length() - from + 1);
            assertThat(together.find(t, from, to)).as("%s [%d, %d)", t, from, to)
                    .isEqualTo(anySearchFinds(patterns, t, from, to));
        }
    }
}
