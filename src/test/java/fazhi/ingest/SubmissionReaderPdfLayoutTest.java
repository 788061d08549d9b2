package fazhi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fazhi.generate.SyntheticPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PDFs as office software prints them: the reader must give back the paragraphs, not the printed lines. */
class SubmissionReaderPdfLayoutTest {
    private static final float SIZE = 16f;
    private static final float LEFT = 79f;
    private static final float LINE = 28.9f;

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    /** Characters a body line holds. */
    private static final int WIDTH = 20;

    /**
     * Prints paragraphs as office software does: the first line indented two characters, every line filled
     * to {@link #WIDTH} characters wherever that falls, in the middle of a word or a number.
     *
     * @return the printed lines, each "  " + text when indented
     */
    private static List<String> printed(String... paragraphs) {
        List<String> out = new java.util.ArrayList<>();
        for (String p : paragraphs) {
            int width = WIDTH - 2;
            String indent = "  ";
            int i = 0;
            while (i < p.length()) {
                int end = Math.min(p.length(), i + width);
                out.add(indent + p.substring(i, end));
                i = end;
                width = WIDTH;
                indent = "";
            }
        }
        return out;
    }

    private static void body(SyntheticPdf pdf, float top, List<String> lines) {
        float y = top;
        for (String line : lines) {
            boolean indented = line.startsWith("  ");
            pdf.text(indented ? LEFT + 2 * SIZE : LEFT, y, SIZE, line.strip());
            y += LINE;
        }
    }

    private String read(SyntheticPdf pdf) throws Exception {
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf.bytes());
        return reader.read(file).text();
    }

    @Test
    void aWordBrokenAcrossALineEndIsJoined() throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            pdf.newPage();
            List<String> lines = printed("全年共收到行政复议申请64件，审结55件，办结率达到100%，全县行政诉讼案件52件。",
                    "二是加强行政执法监督。");
            // printed, a number and a word are broken: "审结5 | 5件", "诉讼案 | 件52件"
            assertThat(lines).containsExactly("  全年共收到行政复议申请64件，审结5", "5件，办结率达到100%，全县行政诉讼案",
                    "件52件。", "  二是加强行政执法监督。");
            body(pdf, 100, lines);
            assertThat(read(pdf).lines().toList()).containsExactly(
                    "全年共收到行政复议申请64件，审结55件，办结率达到100%，全县行政诉讼案件52件。", "二是加强行政执法监督。");
        }
    }

    @Test
    void aShortLastLineOrAnIndentedNextLineEndsTheParagraph() throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            pdf.newPage();
            // the heading is not indented but follows a short line; the last two lines are both indented
            body(pdf, 100, List.of(
                    "  县政府常务会议先后4次专题研究法治政",
                    "府建设工作。",
                    "一、主要举措和成效",
                    "  印发《法治政府建设工作要点》，对全年",
                    "  年工作进行部署。"));
            String text = read(pdf);
            assertThat(text.lines().toList()).containsExactly("县政府常务会议先后4次专题研究法治政府建设工作。",
                    "一、主要举措和成效", "印发《法治政府建设工作要点》，对全年", "年工作进行部署。");
        }
    }

    @Test
    void runningHeadersAndPageNumbersInsideASentenceAreRemoved() throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            List<String> lines = printed(
                    "全年办理行政复议案件64件，行政诉讼案件52件，行政机关负责人出庭应诉33件，出庭应诉率达到100%。",
                    "全年共办理人大代表建议65件，政协委员提案98件。");
            // two lines a page: every page ends inside a sentence
            for (int page = 1; page <= 3; page++) {
                pdf.newPage();
                pdf.text(200, 52, 10.5f, "冠县人民政府关于2023年法治政府建设情况的报告");
                pdf.text(280, 805, 10.5f, "第" + page + "页 共3页");
                body(pdf, 100, lines.subList(2 * (page - 1), Math.min(lines.size(), 2 * page)));
            }
            String text = read(pdf);
            assertThat(text.lines().toList()).containsExactly(
                    "全年办理行政复议案件64件，行政诉讼案件52件，行政机关负责人出庭应诉33件，出庭应诉率达到100%。",
                    "全年共办理人大代表建议65件，政协委员提案98件。");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"— 3 —", "- 12 -", "第3页 共9页", "共9页 第3页", "3/9", "7"})
    void aPageNumberInAnyOfItsFormsIsRemoved(String number) throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            pdf.newPage();
            body(pdf, 100, printed("全年共收到行政复议申请64件，审结55件。"));
            pdf.text(280, 805, 10.5f, number);
            assertThat(read(pdf).strip()).isEqualTo("全年共收到行政复议申请64件，审结55件。");
        }
    }

    @Test
    void aTableLabelWrappedInItsCellStaysWithItsFigure() throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            pdf.newPage();
            body(pdf, 100, printed("主要工作数据统计表如下。"));
            float y = 100 + 2 * LINE;
            pdf.text(LEFT + 4, y, SIZE, "指标");
            pdf.text(LEFT + 17 * SIZE, y, SIZE, "2023年");
            y += LINE;
            // Word's cells are top-aligned: the figure stands on the label's first line
            pdf.text(LEFT + 4, y, SIZE, "行政机关负责人出庭应诉");
            pdf.text(LEFT + 17 * SIZE, y, SIZE, "33");
            pdf.text(LEFT + 4, y + LINE, SIZE, "案件（件）");
            y += 2 * LINE;
            pdf.text(LEFT + 4, y, SIZE, "行政复议案件（件）");
            pdf.text(LEFT + 17 * SIZE, y, SIZE, "64");
            assertThat(read(pdf).lines().toList()).containsExactly("主要工作数据统计表如下。", "指标 | 2023年",
                    "行政机关负责人出庭应诉案件（件） | 33", "行政复议案件（件） | 64");
        }
    }

    private static final String LEFT_COLUMN = "全年办理行政复议案件64件，行政诉讼案件52件，行政机关负责人出庭应诉33件。";
    private static final String RIGHT_COLUMN = "出庭应诉率达到100%。人民调解组织调解纠纷四千余件，调解成功率98%。";

    /** A title across the page, then two columns of 12 characters a line, each a paragraph. */
    private static SyntheticPdf twoColumnPage() {
        SyntheticPdf pdf = new SyntheticPdf();
        pdf.newPage();
        pdf.text(200, 100, SIZE, "法治政府建设情况通报");
        List<String> left = columnLines(LEFT_COLUMN);
        List<String> right = columnLines(RIGHT_COLUMN);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            float y = 140 + i * LINE;
            if (i < left.size()) {
                pdf.text(left.get(i).startsWith("  ") ? LEFT + 2 * SIZE : LEFT, y, SIZE, left.get(i).strip());
            }
            if (i < right.size()) {
                pdf.text(right.get(i).startsWith("  ") ? 310 + 2 * SIZE : 310, y, SIZE, right.get(i).strip());
            }
        }
        return pdf;
    }

    private static List<String> columnLines(String paragraph) {
        List<String> out = new java.util.ArrayList<>();
        out.add("  " + paragraph.substring(0, 10));
        for (int i = 10; i < paragraph.length(); i += 12) {
            out.add(paragraph.substring(i, Math.min(paragraph.length(), i + 12)));
        }
        return out;
    }

    @Test
    void aTwoColumnPageIsReadColumnByColumn() throws Exception {
        try (SyntheticPdf pdf = twoColumnPage()) {
            assertThat(read(pdf).lines().toList()).containsExactly("法治政府建设情况通报", LEFT_COLUMN, RIGHT_COLUMN);
        }
    }

    /** Why the reader lays pages out itself: PDFBox sorted by position reads across both columns. */
    @Test
    void pdfBoxSortedByPositionMergesTheColumnsLineByLine() throws Exception {
        try (SyntheticPdf pdf = twoColumnPage();
             PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> lines = stripper.getText(doc).lines().map(String::strip).toList();
            assertThat(lines).contains("全年办理行政复议案件 出庭应诉率达到100");
        }
    }

    @Test
    void withoutRepairTheLinesAreAsPrinted() throws Exception {
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            pdf.newPage();
            body(pdf, 100, printed("全年共收到行政复议申请64件，审结55件。"));
            pdf.text(280, 805, 10.5f, "— 1 —");
            byte[] bytes = pdf.bytes();
            PdfLayout.Result raw = PdfTextExtractor.extract(bytes, PdfLayout.bundled().withoutRepair());
            PdfLayout.Result repaired = PdfTextExtractor.extract(bytes, PdfLayout.bundled());
            assertThat(raw.text().lines().toList()).containsExactly("全年共收到行政复议申请64件，审结5", "5件。", "— 1 —");
            assertThat(repaired.repairs().joinedLines()).isEqualTo(1);
            assertThat(repaired.repairs().droppedPageNumbers()).isEqualTo(1);
        }
    }
}
