package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.reference.KnowledgeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HardWrapTest {

    private final KnowledgeNode cleaning = YamlResources.load("schema/cleaning.yaml");
    private final HardWrap hardWrap = new HardWrap(cleaning, List.of(), 60, List.of());

    /**
     * cleaning.yaml's row_value_characters must hold every character row_value_ending can match: the ending is
     * looked for only in the run of those characters at the line's end. Lines drawn at random from printable
     * ASCII, full-width forms and report words, read both ways (the run only, and the whole line) must agree;
     * an edit of the pattern that lets in a character the list lacks fails here, not silently in the night.
     */
    @Test
    void rowValueCharactersHoldEveryCharacterTheRowValueEndingCanMatch() {
        Pattern ending = Pattern.compile(YamlResources.required(cleaning.node("hard_wrap"), "row_value_ending"));
        List<Character> alphabet = new ArrayList<>();
        for (char c = 0x20; c < 0x7f; c++) {
            alphabet.add(c);
        }
        for (char c : "\u3000０１９．，％件率为达率 \t".toCharArray()) {
            alphabet.add(c);
        }
        Random random = new Random(2026);
        int agreedMatches = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder line = new StringBuilder("调解成功率");
            int length = 1 + random.nextInt(10);
            for (int k = 0; k < length; k++) {
                // digits and spaces often, so that many lines do end in a row value
                line.append(random.nextInt(3) == 0 ? alphabet.get(random.nextInt(alphabet.size()))
                        : " 0123456789.%".charAt(random.nextInt(13)));
            }
            String text = line.toString();
            boolean whole = ending.matcher(text).find();
            assertThat(hardWrap.endsInRowValue(text)).as("row value ending of \"%s\"", text).isEqualTo(whole);
            agreedMatches += whole ? 1 : 0;
        }
        assertThat(agreedMatches).as("lines that do end in a row value").isGreaterThan(1_000);
    }
}
