package fazhi.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportLayoutTest {
    private static final String TITLE = "某某市某某区人民政府关于2023年度法治政府建设情况的报告";
    private final PdfReportLayout.Chrome chrome = PhraseBank.bundled().pdfChrome;

    @Test
    void aLongTitleBreaksAfterTheGovernmentWordsOfThePhraseBank() {
        assertThat(PdfReportLayout.titleLines(TITLE, 22, chrome))
                .containsExactly("某某市某某区人民政府", "关于2023年度法治政府建设情况的报告");
    }

    @Test
    void editedBreakWordsMoveTheBreak() {
        PdfReportLayout.Chrome edited = new PdfReportLayout.Chrome(List.of(), List.of("法治"), chrome.pageNumbers());
        assertThat(PdfReportLayout.titleLines(TITLE, 22, edited))
                .containsExactly("某某市某某区人民政府关于2023年度", "法治政府建设情况的报告");
    }

    @Test
    void aTitleThatFitsIsOneLine() {
        assertThat(PdfReportLayout.titleLines("区人民政府工作报告", 22, chrome)).containsExactly("区人民政府工作报告");
    }
}
