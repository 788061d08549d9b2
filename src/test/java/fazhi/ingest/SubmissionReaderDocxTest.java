package fazhi.ingest;

import fazhi.reference.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderDocxTest {

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    private Path writeReport(String name) throws Exception {
        Path file = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("鲁山县人民政府");
            doc.createParagraph().createRun().setText("关于2020年度法治政府建设情况的报告");
            var p = doc.createParagraph();
            p.createRun().setText("2020年，在市委、市政府和县委的坚强领导下，");
            p.createRun().setText("鲁山县人民政府认真学习贯彻习近平法治思想。");
            XWPFTable table = doc.createTable(3, 2);
            fill(table.getRow(0), "项目", "数量");
            fill(table.getRow(1), "行政复议申请（件）", "64");
            fill(table.getRow(2), "行政应诉案件（件）", "18");
            doc.createParagraph().createRun().setText("二、存在的问题");
            doc.write(out);
        }
        return file;
    }

    private static void fill(XWPFTableRow row, String a, String b) {
        row.getCell(0).setText(a);
        row.getCell(1).setText(b);
    }

    @Test
    void readsParagraphsAndTablesInDocumentOrder() throws Exception {
        DecodedDocument doc = reader.read(writeReport("report.docx"));

        assertThat(doc.format()).isEqualTo("docx");
        assertThat(doc.encoding()).isEqualTo("binary");
        assertThat(doc.text()).isEqualTo("""
                鲁山县人民政府
                关于2020年度法治政府建设情况的报告
                2020年，在市委、市政府和县委的坚强领导下，鲁山县人民政府认真学习贯彻习近平法治思想。
                项目 | 数量
                行政复议申请（件） | 64
                行政应诉案件（件） | 18
                二、存在的问题
                """);
    }

    @Test
    void docxReportIsIdentifiedFromItsTwoLineTitle() throws Exception {
        DecodedDocument doc = reader.read(writeReport("report.docx"));

        Identification id = new ReportIdentifier(RegionTable.bundled()).identify(doc.text(), "report.docx");

        assertThat(id.regionCode()).isEqualTo("410423");
        assertThat(id.year()).isEqualTo(2020);
    }

    @Test
    void truncatedDocxIsNotAValidDocx() throws Exception {
        byte[] whole = Files.readAllBytes(writeReport("whole.docx"));
        Path cut = dir.resolve("cut.docx");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> reader.read(cut)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessageStartingWith("not a valid .docx");
    }

    @Test
    void aDamagedOldWordFileRenamedToDocxIsExplained() throws Exception {
        Path doc = dir.resolve("old.docx");
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Files.write(doc, ole2);

        assertThatThrownBy(() -> reader.read(doc)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessageStartingWith("damaged Word 97-2003 .doc file named .docx");
    }

    @Test
    void textFileNamedDocxIsNotAValidDocx() throws Exception {
        Path doc = dir.resolve("fake.docx");
        Files.writeString(doc, "冠县关于2024年法治政府建设情况的报告");

        assertThatThrownBy(() -> reader.read(doc)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessageStartingWith("not a valid .docx");
    }

    @Test
    void emptyDocxDocumentHasNoText() throws Exception {
        Path file = dir.resolve("blank.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph();
            doc.write(out);
        }

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessageStartingWith("no text");
    }
}
