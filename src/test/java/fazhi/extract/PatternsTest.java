package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PatternsTest {

    private static final List<Pattern> CUES = List.of(Pattern.compile("(?<![0-9])[0-9]{1,2}月份"),
            Pattern.compile("上半年"), Pattern.compile("(?:19|20)[0-9]{2}年[1-9]月(?=[,:])"));

    @Test
    void theJoinedPatternFindsInARegionWhatOneOfThemFinds() {
        Pattern any = Patterns.anyOf(CUES);
        String text = "12月份受理;2023年3月,受理;上半年审结;2023年3月受理";
        for (int from = 0; from <= text.length(); from++) {
            for (int to = from; to <= text.length(); to++) {
                boolean alone = false;
                for (Pattern p : CUES) {
                    alone |= p.matcher(text).region(from, to).find();
                }
                assertThat(any.matcher(text).region(from, to).find()).as("[%d, %d)", from, to).isEqualTo(alone);
            }
        }
    }

    @Test
    void patternsWithCapturingGroupsOrOtherFlagsAreNotJoined() {
        assertThat(Patterns.anyOf(List.of(Pattern.compile("(a)\\1"), Pattern.compile("b")))).isNull();
        assertThat(Patterns.anyOf(List.of(Pattern.compile("a", Pattern.CASE_INSENSITIVE), Pattern.compile("b")))).isNull();
        // an inline flag would reach the patterns after it in the alternation
        assertThat(Patterns.anyOf(List.of(Pattern.compile("x(?i)page"), Pattern.compile("ab")))).isNull();
        assertThat(Patterns.anyOf(List.of())).isNull();
    }
}
