package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fazhi.reference.KnowledgeNode;

class RequiredTextTest {

    private static List<List<String>> read(String regex) {
        return RequiredText.of(Pattern.compile(regex)).requirements();
    }

    @Test
    void literalRunsClassesAndAlternativesAreRequired() {
        assertThat(read("[(（]\\s*略\\s*[)）]")).containsExactlyInAnyOrder(List.of("略"), List.of("(", "（"),
                List.of(")", "）"));
        assertThat(read("\\.{6,}")).containsExactly(List.of("......"));
        assertThat(read("\\[bookmark: [^\\]]*\\]")).containsExactly(List.of("[bookmark: "), List.of("]"));
        assertThat(read("上半年|下半年")).containsExactly(List.of("上半年", "下半年"));
        assertThat(read("[一二三四1-4]季度")).containsExactly(List.of("季度"), List.of("一", "二", "三", "四", "1", "2", "3", "4"));
        assertThat(read("(?:19|20)[0-9]{2}年")).contains(List.of("年"), List.of("19", "20"));
    }

    @Test
    void optionalPartsLookaroundsAndUnlistedClassesAddNothing() {
        assertThat(read("(?<![0-9])上?半年(?=底)")).containsExactly(List.of("半年"));
        assertThat(read("a|b?")).isEmpty();
        assertThat(read("[^,]{2,}\\p{IsHan}.\\s+")).isEmpty();
        assertThat(read("x{0,3}y*")).isEmpty();
    }

    @Test
    void syntaxNotReadForCertainLeavesThePatternAlwaysRun() {
        assertThat(read("(?i)page")).isEmpty();
        assertThat(read("(a)\\1")).isEmpty();
        assertThat(read("\\Qa.b\\E")).isEmpty();
        assertThat(read("[a[b]]c")).isEmpty();
        assertThat(RequiredText.of(Pattern.compile("page", Pattern.CASE_INSENSITIVE)).size()).isZero();
        RequiredText always = RequiredText.of(Pattern.compile("(?i)page"));
        assertThat(always.mayMatch("PAGE")).isTrue();
        assertThat(always.find("x PAGE", 0, 6)).isTrue();
    }

    @Test
    void aRegionIsSearchedOnlyWhereItHoldsTheRequirementsAndFindsWhatThePatternFinds() {
        List<Pattern> cues = List.of(Pattern.compile("(?<![0-9])[0-9]{1,2}月份"), Pattern.compile("上半年"),
                Pattern.compile("(?:19|20)[0-9]{2}年[1-9]月(?=[,:])"), Pattern.compile("(?:^|(?<=[,;]))[1-9]月(?=[,:])"),
                Pattern.compile("本月(?![底末])"));
        String text = "12月份受理;2023年3月,受理;上半年审结;2023年3月受理;5月,本月底;本月";
        for (Pattern p : cues) {
            RequiredText r = RequiredText.of(p);
            assertThat(r.size()).as(p.pattern()).isPositive();
            for (int from = 0; from <= text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    assertThat(r.find(text, from, to)).as("%s [%d, %d)", p, from, to)
                            .isEqualTo(p.matcher(text).region(from, to).find());
                }
            }
        }
    }

    /**
     * Every pattern of the knowledge files (the lexicon's and the cleaning's), over the texts of the test cases: each
     * match holds what was read as required of it.
     */
    @Test
    void everyMatchOfTheKnowledgeFilesPatternsHoldsItsRequirements() throws Exception {
        List<Pattern> patterns = new ArrayList<>(lexiconPatterns());
        KnowledgeNode cleaning = YamlResources.load("schema/cleaning.yaml");
        for (String list : List.of("artefact_patterns", "elision_patterns")) {
            YamlResources.strings(cleaning, list).forEach(p -> patterns.add(Pattern.compile(p)));
        }
        KnowledgeNode wrap = cleaning.node("hard_wrap");
        for (String list : List.of("paragraph_start_patterns", "page_mark_patterns")) {
            YamlResources.strings(wrap, list).forEach(p -> patterns.add(Pattern.compile(p)));
        }
        assertThat(patterns).hasSizeGreaterThan(50);
        List<String> texts = caseTexts();
        int read = 0;
        int matches = 0;
        for (Pattern p : patterns) {
            RequiredText r = RequiredText.of(p);
            read += r.size() > 0 ? 1 : 0;
            for (String text : texts) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    matches++;
                    assertThat(r.mayMatch(text.substring(m.start(), m.end()))).as("%s on %s", p, m.group()).isTrue();
                    assertThat(r.mayMatch(text, m.start(), m.end())).as("%s on %s", p, m.group()).isTrue();
                }
            }
        }
        assertThat(read).as("patterns with requirements").isGreaterThan(patterns.size() / 2);
        assertThat(matches).isGreaterThan(1000);
    }

    private static List<Pattern> lexiconPatterns() throws IllegalAccessException {
        ExtractionLexicon lex = ExtractionLexicon.bundled();
        List<Pattern> out = new ArrayList<>();
        for (Field f : ExtractionLexicon.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            collect(f.get(lex), out);
        }
        return out;
    }

    private static void collect(Object value, List<Pattern> out) {
        if (value instanceof Pattern p) {
            out.add(p);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, out));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        }
    }

    private static List<String> caseTexts() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(RequiredTextTest.class.getResource("/cases")).toURI());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(Files.readString(f));
            }
        }
        return out;
    }
}
