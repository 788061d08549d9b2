package fazhi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TextCommandTest {
    private static final Path GUANXIAN = Path.of("sample-data/001_698cc89598c5c7a3.txt");

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void printsTheTextAsDecodedWhichForAUtf8TextFileIsTheFile() throws Exception {
        int code = FazhiMain.execute("text", GUANXIAN.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).isEqualTo(Files.readString(GUANXIAN));
    }

    @Test
    void marksTheFigureAtAnOffset() {
        int offset = readString(GUANXIAN).indexOf("1512项");

        int code = FazhiMain.execute("text", GUANXIAN.toString(), "--at", String.valueOf(offset), "--context", "6");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).isEqualTo("37个部门、[[1512项政务服务事项]],推出高频“\n");
    }

    @Test
    void anUnreadableFileGivesItsReasonAndNoStackTrace() throws Exception {
        Path wps = Files.writeString(tmp.resolve("old.wps"), "not a word file");

        int code = FazhiMain.execute("text", wps.toString());

        assertThat(code).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(console.stderr()).contains("unsupported_format: .wps file is not Word-compatible")
                .doesNotContain("Exception");
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
