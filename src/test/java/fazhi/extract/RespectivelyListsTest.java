package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RespectivelyListsTest {

    private final ExtractionLexicon lex = ExtractionLexicon.bundled();
    private final Segmenter segmenter = new Segmenter(lex);
    private final RespectivelyLists lists = new RespectivelyLists(lex, segmenter,
            new PhrasingMatcher(IndicatorCatalog.bundled(), lex).terms());

    @Test
    void itemsShareTheSubjectNamedInTheLastItem() {
        String s = "受理、审结行政复议案件";
        assertThat(lists.items(s, 0, s.length(), 2)).containsExactly("受理行政复议案件", "审结行政复议案件");
    }

    @Test
    void itemsShareTheHeadNounOfTheLastItemAndAreNotSplitInsideATerm() {
        String s = "行政复议、行政应诉案件";
        assertThat(lists.items(s, 0, s.length(), 2)).containsExactly("行政复议案件", "行政应诉案件");
        String inside = "调解和解率";
        assertThat(lists.items(inside, 0, inside.length(), 2)).isNull();
    }

    @Test
    void laterItemsThatAreBareNounsShareTheVerbBeforeTheFirstItemsSubject() {
        String s = "全年审核区政府规范性文件、重大行政决策和政府合同";
        assertThat(lists.items(s, 0, s.length(), 3)).containsExactly("全年审核区政府规范性文件",
                "全年审核区政府重大行政决策", "全年审核区政府政府合同");
        // an item with words of its own before its subject (more than respectively_bare_item_lead) keeps them alone
        String longer = "审核规范性文件、依法审查政府合同";
        assertThat(lists.items(longer, 0, longer.length(), 2)).containsExactly("审核规范性文件", "依法审查政府合同");
    }

    @Test
    void eachListedFigureIsReadAsAOneFigureSentenceAndMarkedAsHandled() {
        String s = "受理、审结行政复议案件分别为20件、18件。";
        List<Span> sentences = segmenter.sentences(s, 0, s.length());
        List<Figure> figures = new FigureScanner(lex).scan(s, 0, s.length());
        List<String> read = new ArrayList<>();
        boolean[] handled = lists.read(s, 0, sentences, segmenter.blockStarts(s, 0, sentences), figures,
                (sentence, at, got) -> read.add(sentence + "@" + at), new ArrayList<>(), WorkMeter.NONE);
        assertThat(handled).containsExactly(true, true);
        assertThat(read).containsExactly("受理、审结行政复议案件。受理行政复议案件分别为20件。@23",
                "受理、审结行政复议案件。审结行政复议案件分别为18件。@23");
    }
}
