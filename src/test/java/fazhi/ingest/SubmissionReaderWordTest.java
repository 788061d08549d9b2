package fazhi.ingest;

import fazhi.reference.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word 97-2003 binaries (.doc) and the .wps files WPS Office writes. */
class SubmissionReaderWordTest {

    /** Paragraphs end with CR; a table row is each cell ending with the cell mark, then the row-end mark. */
    private static final String BODY = "冠县人民政府关于2023年法治政府建设情况的报告\r"
            + "全年共收到行政复议申请64件，审结55件。\r"
            + "指标\u00072023年\u0007\u0007"
            + "行政诉讼案件（件）\u000752\u0007\u0007"
            + "特此报告。\r";

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    /** A .doc made the way the generator makes one: the bundled blank Word document with its text replaced. */
    static byte[] wordBinary(String text) throws Exception {
        try (InputStream in = SubmissionReaderWordTest.class.getResourceAsStream("/fazhi/generate/blank-word97.doc");
             HWPFDocument doc = new HWPFDocument(in)) {
            doc.getRange().getParagraph(0).getCharacterRun(0).replaceText("X", text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void aDocIsReadParagraphByParagraphWithTableRowsOnOneLine() throws Exception {
        DecodedDocument doc = reader.read(file("report.doc", wordBinary(BODY)));

        assertThat(doc.format()).isEqualTo("doc");
        assertThat(doc.encoding()).isEqualTo("binary");
        assertThat(doc.text().lines().filter(l -> !l.isBlank()).toList()).containsExactly(
                "冠县人民政府关于2023年法治政府建设情况的报告", "全年共收到行政复议申请64件，审结55件。",
                "指标 | 2023年", "行政诉讼案件（件） | 52", "特此报告。");
    }

    @Test
    void fieldCodesAreDroppedAndTheirResultsKept() {
        String raw = "共办理案件\u0013 MERGEFIELD n \u001464\u0015件。\r";

        assertThat(WordBinaryReader.render(raw)).isEqualTo("共办理案件64件。\n");
    }

    @Test
    void aDocIsIdentifiedLikeAnyOtherReport() throws Exception {
        String text = reader.read(file("report.doc", wordBinary(BODY))).text();

        Identification id = new ReportIdentifier(RegionTable.bundled()).identify(text, "report.doc");

        assertThat(id.regionCode()).isEqualTo("371525");
        assertThat(id.year()).isEqualTo(2023);
    }

    @Test
    void aDocNamedDocxIsReadAsTheWordBinaryItIs() throws Exception {
        DecodedDocument doc = reader.read(file("report.docx", wordBinary(BODY)));

        assertThat(doc.text()).contains("全年共收到行政复议申请64件，审结55件。");
    }

    @Test
    void aWpsThatIsAWordBinaryIsRead() throws Exception {
        DecodedDocument doc = reader.read(file("report.wps", wordBinary(BODY)));

        assertThat(doc.format()).isEqualTo("wps");
        assertThat(doc.text()).contains("行政诉讼案件（件） | 52");
    }

    @Test
    void aWpsInAnotherOle2FormatIsNotWordCompatible() throws Exception {
        // Microsoft Works and old Kingsoft files are OLE2 containers without a WordDocument stream
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "CONTENTS");
            fs.writeFilesystem(out);
        }
        Path wps = file("works.wps", out.toByteArray());

        assertThatThrownBy(() -> reader.read(wps)).isInstanceOfSatisfying(UnreadableSubmissionException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("unsupported_format");
                    assertThat(e.getMessage()).isEqualTo(".wps file is not Word-compatible (it holds no Word document"
                            + " stream); to resolve, save it as .docx or .pdf");
                });
    }

    @Test
    void aWpsThatIsNeitherOle2NorZipIsNotWordCompatible() throws Exception {
        Path wps = file("old.wps", "WPS\u0000\u0001 kingsoft".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader.read(wps)).isInstanceOfSatisfying(UnreadableSubmissionException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("unsupported_format");
                    assertThat(e.getMessage()).startsWith(".wps file is not Word-compatible").endsWith("to resolve, save it as .docx or .pdf");
                });
    }

    @Test
    void aDamagedDocSaysSo() throws Exception {
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Path doc = file("broken.doc", ole2);

        assertThatThrownBy(() -> reader.read(doc)).isInstanceOfSatisfying(UnreadableSubmissionException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("unreadable");
                    assertThat(e.getMessage()).startsWith("damaged .doc file: it cannot be parsed (");
                });
    }

    @Test
    void aTextFileNamedDocIsNotAWordBinary() throws Exception {
        Path doc = file("fake.doc", "冠县关于2023年法治政府建设情况的报告".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(doc)).isInstanceOf(UnreadableSubmissionException.class)
                .hasMessage("not a valid .doc file: it is not an OLE2 compound file (Word 97-2003 format); to resolve, give the file the extension of its real format, or send it as .docx or .pdf");
    }
}
