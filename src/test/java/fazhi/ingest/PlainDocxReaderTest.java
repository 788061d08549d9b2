package fazhi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The fast .docx path gives POI's text exactly, or declines and leaves the document to POI. */
class PlainDocxReaderTest {

    private static byte[] docx(Consumer<XWPFDocument> content) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(doc);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void sameAsPoi(byte[] bytes, boolean expectFastPath) throws Exception {
        String poi = DocxTextRenderer.renderWithPoi(bytes);
        String fast = PlainDocxReader.render(bytes);
        if (expectFastPath) {
            assertThat(fast).isNotNull();
        }
        if (fast != null) {
            assertThat(fast).isEqualTo(poi);
        }
        assertThat(DocxTextRenderer.render(bytes)).isEqualTo(poi);
    }

    @Test
    void paragraphsRunsTabsAndBreaksAsPoi() throws Exception {
        sameAsPoi(docx(doc -> {
            doc.createParagraph().createRun().setText("  鲁山县人民政府  ");
            XWPFParagraph p = doc.createParagraph();
            XWPFRun r = p.createRun();
            r.setText("行政复议");
            r.addTab();
            r.setText("64件");
            r.addBreak();
            r.setText("行政应诉 18 件");
            r.addBreak(BreakType.PAGE);
            r.addCarriageReturn();
            XWPFRun bold = p.createRun();
            bold.setBold(true);
            bold.setFontSize(16);
            bold.setText("Fa Zhi & <b> \"quoted\"");
            doc.createParagraph();
            doc.createParagraph().createRun().setText("   ");
        }), true);
    }

    @Test
    void tablesNestedTablesAndEmptyRowsAsPoi() throws Exception {
        sameAsPoi(docx(doc -> {
            doc.createParagraph().createRun().setText("表1");
            XWPFTable t = doc.createTable(4, 3);
            t.getRow(0).getCell(0).setText("项目");
            t.getRow(0).getCell(1).setText(" 数量\t");
            t.getRow(1).getCell(0).setText("行政复议申请（件）");
            t.getRow(1).getCell(2).setText("64");
            t.getRow(2).getCell(1).addParagraph().createRun().setText("第二段");
            XWPFRun br = t.getRow(3).getCell(0).getParagraphs().get(0).createRun();
            br.setText("上");
            br.addBreak();
            br.setText("下");
            var nested = t.getRow(3).getCell(1).getCTTc().addNewTbl();
            nested.addNewTr().addNewTc().addNewP().addNewR().addNewT().setStringValue("嵌套");
            t.getRow(3).getCell(1).getCTTc().addNewP();
            doc.createParagraph().createRun().setText("二、存在的问题");
        }), false);
    }

    @Test
    void capitalisedRunsAreLeftToPoi() throws Exception {
        byte[] bytes = docx(doc -> {
            XWPFRun r = doc.createParagraph().createRun();
            r.setCapitalized(true);
            r.setText("abc 12345");
        });
        assertThat(PlainDocxReader.render(bytes)).isNull();
        sameAsPoi(bytes, false);
    }

    @Test
    void hyperlinksAndFieldsAreLeftToPoi() throws Exception {
        byte[] bytes = docx(doc -> {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("见");
            p.createHyperlinkRun("https://example.org").setText("网站");
            p.getCTP().addNewFldSimple().addNewR().addNewT().setStringValue("PAGE");
        });
        assertThat(PlainDocxReader.render(bytes)).isNull();
        sameAsPoi(bytes, false);
    }

    @Test
    void damagedPackagesAreLeftToPoi() throws Exception {
        byte[] whole = docx(doc -> doc.createParagraph().createRun().setText("鲁山县"));
        assertThat(PlainDocxReader.render(Arrays.copyOf(whole, whole.length / 2))).isNull();
        assertThat(PlainDocxReader.render(Arrays.copyOf(whole, whole.length - 10))).isNull();
        assertThat(PlainDocxReader.render("PK not a zip".getBytes())).isNull();
    }
}
