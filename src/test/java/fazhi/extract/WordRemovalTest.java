package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Removing the words answers as {@code s.replace(w, "")} over the list in its order would. */
class WordRemovalTest {

    private static String replacedInOrder(String s, List<String> words) {
        for (String w : words) {
            s = s.replace(w, "");
        }
        return s;
    }

    @Test
    void aWordBroughtTogetherByAnEarlierRemovalIsRemovedToo() {
        // 清理 out of 清清理理后 leaves 清理后, which a later 清理后 removes and an earlier one does not: the order decides
        WordRemoval removal = new WordRemoval(List.of("清理", "清理后"));
        assertThat(removal.from("全县清清理理后现有")).isEqualTo("全县现有");
        assertThat(new WordRemoval(List.of("清理后", "清理")).from("全县清清理理后现有")).isEqualTo("全县清理后现有");
        assertThat(removal.from("全县现有")).isEqualTo("全县现有");
        assertThat(removal.from("")).isEmpty();
    }

    @Test
    void anyTextAndListAnswerAsTheRemovalsInOrder() {
        Random random = new Random(23);
        String alphabet = "清理后经纳入平台,1";
        for (int round = 0; round < 20_000; round++) {
            List<String> words = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                words.add(randomText(random, alphabet, 1 + random.nextInt(3)));
            }
            String s = randomText(random, alphabet, random.nextInt(24));
            assertThat(new WordRemoval(words).from(s)).as("%s from %s", words, s).isEqualTo(replacedInOrder(s, words));
        }
    }

    @Test
    void anEmptyWordCannotBeRemoved() {
        assertThatThrownBy(() -> new WordRemoval(List.of("件", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
