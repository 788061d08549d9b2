package fazhi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import fazhi.config.TestWarehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain-text submissions: the character set comes from the bytes. */
class SubmissionReaderTextTest {

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    /** A copy of one of the sample reports, which the test may change. */
    private Path sample(String name) throws Exception {
        return Files.copy(TestWarehouses.sampleReport(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path fixture(String name) throws Exception {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    void utf8SeedReportIsReadUnchanged() throws Exception {
        Path file = sample("001_698cc89598c5c7a3.txt");

        DecodedDocument doc = reader.read(file);

        assertThat(doc.format()).isEqualTo("txt");
        assertThat(doc.encoding()).isEqualTo("UTF-8");
        assertThat(doc.text()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void gb18030TextIsDetectedIncludingFourByteAndGbkOnlyCharacters() throws Exception {
        DecodedDocument doc = reader.read(fixture("gb18030-report.txt"));

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).startsWith("冠县关于2024年法治政府建设情况的报告\n")
                .contains("全年共收到行政复议申请64件").contains("朱镕基").contains("䶮")
                .doesNotContain("\r").doesNotContain("\uFFFD");
    }

    @Test
    void gbkTextIsDecodedAsGb18030() throws Exception {
        DecodedDocument doc = reader.read(fixture("gbk-report.txt"));

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).contains("朱镕基同志曾强调依法行政").contains("审结55件");
    }

    @Test
    void shortGbkSentenceIsStillDetected() throws Exception {
        Path file = dir.resolve("short.txt");
        Files.write(file, "全年共收到行政复议申请64件，依法受理58件。".getBytes(Charset.forName("GBK")));

        DecodedDocument doc = reader.read(file);

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).isEqualTo("全年共收到行政复议申请64件，依法受理58件。");
    }

    @Test
    void utf8ByteOrderMarkIsRemoved() throws Exception {
        DecodedDocument doc = reader.read(fixture("utf8-bom-report.txt"));

        assertThat(doc.encoding()).isEqualTo("UTF-8");
        assertThat(doc.text()).startsWith("冠县关于2024年");
    }

    @Test
    void utf16WithByteOrderMarkIsRead() throws Exception {
        Path file = dir.resolve("utf16.txt");
        Files.write(file, "\uFEFF湄潭县2020年度法治政府建设工作报告\n".getBytes(StandardCharsets.UTF_16LE));

        DecodedDocument doc = reader.read(file);

        assertThat(doc.encoding()).isEqualTo("UTF-16LE");
        assertThat(doc.text()).isEqualTo("湄潭县2020年度法治政府建设工作报告\n");
    }

    @Test
    void pureAsciiIsUtf8() throws Exception {
        Path file = dir.resolve("ascii.txt");
        Files.writeString(file, "2023: 64 cases\r\n");

        DecodedDocument doc = reader.read(file);

        assertThat(doc.encoding()).isEqualTo("UTF-8");
        assertThat(doc.text()).isEqualTo("2023: 64 cases\n");
    }

    @Test
    void everySeedIsReadAsUtf8() throws Exception {
        for (String seed : new String[] {"000_56675a8f06662fd9.txt", "001_698cc89598c5c7a3.txt",
                "002_3c2dc1afcfd2df07.txt", "003_f01752eb6ba1081d.txt", "004_1a52504bc4d5246d.txt"}) {
            DecodedDocument doc = reader.read(sample(seed));
            assertThat(doc.encoding()).as(seed).isEqualTo("UTF-8");
            assertThat(doc.text()).as(seed).contains("法治政府建设");
        }
    }

    @Test
    void seedReEncodedAsGb18030DecodesToTheSameText() throws Exception {
        Path utf8 = sample("003_f01752eb6ba1081d.txt");
        String text = Files.readString(utf8);
        Path gb = dir.resolve("003-gb18030.txt");
        Files.write(gb, text.getBytes(TextDecoder.GB18030));

        DecodedDocument doc = reader.read(gb);

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).isEqualTo(text);
    }

    @Tag("slow")
    @Test
    void fiftyMegabyteTextIsReadInBoundedMemory() throws Exception {
        Path file = dir.resolve("big.txt");
        byte[] paragraph = "2023年，全县共收到行政复议申请64件，依法受理58件，审结55件。\n".getBytes(TextDecoder.GB18030);
        try (var out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < 50L * 1024 * 1024) {
                out.write(paragraph);
                written += paragraph.length;
            }
        }
        Runtime rt = Runtime.getRuntime();

        DecodedDocument doc = reader.read(file);

        assertThat(doc.encoding()).isEqualTo("GB18030");
        assertThat(doc.text()).startsWith("2023年，全县共收到行政复议申请64件");
        long used = rt.totalMemory() - rt.freeMemory();
        assertThat(used).as("heap in use after reading a 50 MB file").isLessThan(1024L * 1024 * 1024);
    }
}
