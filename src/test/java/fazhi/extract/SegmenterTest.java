package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter(ExtractionLexicon.bundled());

    private static List<String> texts(String text, List<Span> spans) {
        return spans.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void sentencesEndAtSentenceMarksAndAtTheElisionToken() {
        String t = "受理案件19件;审结16件。其他(略)办结12件";
        assertThat(texts(t, segmenter.sentences(t, 0, t.length())))
                .containsExactly("受理案件19件;", "审结16件。", "其他", "办结12件");
    }

    @Test
    void clausesDoNotEndAtAThousandsSeparatorOrATime() {
        String t = "共1,245件,9:30开庭:审结";
        assertThat(texts(t, segmenter.clauses(t, 0, t.length()))).containsExactly("共1,245件,", "9:30开庭:", "审结");
    }

    @Test
    void listItemsStartAtTheirMarkers() {
        String t = "总述。一是复议19件。(二)诉讼5件。3.调解8件。";
        List<Span> sentences = segmenter.sentences(t, 0, t.length());
        assertThat(segmenter.blockStarts(t, 0, sentences)).containsExactly(0, 3, 11, 19);
    }

    @Test
    void charactersInsideTitleMarksAreKnown() {
        String t = "依据《条例第3条》办理";
        boolean[] in = Segmenter.insideTitles(t, 0, t.length());
        assertThat(in[t.indexOf('3')]).isTrue();
        assertThat(in[t.indexOf('办')]).isFalse();
    }

    @Test
    void theTitleIsTheFirstShortLineNamingTheReportAndPlanHeadingsAreRecognised() {
        String t = "冠县人民政府\n冠县2023年法治政府建设情况的报告\n正文";
        assertThat(segmenter.titleLine(t)).isEqualTo("冠县2023年法治政府建设情况的报告");
        assertThat(segmenter.planHeading("三、2024年工作打算")).isTrue();
        assertThat(segmenter.planHeading("二、主要工作成效")).isFalse();
        assertThat(segmenter.planHeading("全年受理案件19件")).isNull();
    }
}
