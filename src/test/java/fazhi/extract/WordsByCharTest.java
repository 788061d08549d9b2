package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The grouped word lists answer as a scan of the whole list in its order would, at any position. */
class WordsByCharTest {

    @Test
    void theFirstWordInTheListsOrderWinsAmongThoseEndingAtThePosition() {
        // both end with 件 at the same place: the list's order decides, as a scan of the list would
        WordsByChar byLast = WordsByChar.byLast(List.of("规范性文件", "文件", "案件"));
        String text = "审查行政规范性文件";
        assertThat(byLast.endingAt(text, text.length())).isEqualTo("规范性文件");
        assertThat(WordsByChar.byLast(List.of("文件", "规范性文件")).endingAt(text, text.length())).isEqualTo("文件");
        assertThat(byLast.endingAt(text, 4)).isNull();
    }

    @Test
    void theFirstWordInTheListsOrderWinsAmongThoseStartingAtThePosition() {
        WordsByChar byFirst = WordsByChar.byFirst(List.of("行政复议", "行政", "复议"));
        assertThat(byFirst.startingAt("受理行政复议申请", 2)).isEqualTo("行政复议");
        assertThat(byFirst.startingAt("受理行政复议申请", 4)).isEqualTo("复议");
        assertThat(byFirst.startingAt("受理行政复议申请", 0)).isNull();
    }

    @Test
    void aWordStartingAtThePositionMustEndByTheLimit() {
        // "2020年以来" with the clause ending before 以来: the longer word does not fit, the next one in order does
        WordsByChar byFirst = WordsByChar.byFirst(List.of("以来", "以"));
        assertThat(byFirst.startingWithin("2020年以来", 5, 7)).isEqualTo("以来");
        assertThat(byFirst.startingWithin("2020年以来", 5, 6)).isEqualTo("以");
        assertThat(byFirst.startingWithin("2020年以来", 5, 5)).isNull();
        assertThat(byFirst.startingWithin("2020年以来", 7, 7)).isNull();
        assertThat(byFirst.startingWithin("2020年以来", -1, 7)).isNull();
    }

    @Test
    void positionsOutsideTheTextFindNothingAndTheLongestWordIsKnown() {
        WordsByChar byFirst = WordsByChar.byFirst(List.of("件", "宗", "人次"));
        assertThat(byFirst.startingAt("5件", -1)).isNull();
        assertThat(byFirst.startingAt("5件", 2)).isNull();
        assertThat(WordsByChar.byLast(List.of("件")).endingAt("5件", 0)).isNull();
        assertThat(WordsByChar.byLast(List.of("件")).endingAt("5件", 3)).isNull();
        assertThat(byFirst.longest).isEqualTo(2);
        assertThat(WordsByChar.byFirst(List.of()).longest).isZero();
    }

    @Test
    void anEmptyWordCannotBeIndexed() {
        assertThatThrownBy(() -> WordsByChar.byFirst(List.of("件", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
