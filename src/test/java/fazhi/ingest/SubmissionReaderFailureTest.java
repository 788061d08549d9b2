package fazhi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unreadable file gets one clear reason an operator can act on, never a stack trace. */
class SubmissionReaderFailureTest {

    @TempDir
    Path dir;

    private final SubmissionReader reader = new SubmissionReader();

    private AbstractThrowableAssert<?, ? extends Throwable> reason(SubmissionReader r, Path file) {
        return assertThatThrownBy(() -> r.read(file))
                .isInstanceOf(UnreadableSubmissionException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\tat ")
                        .doesNotContain("Exception"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> reason(Path file) {
        return reason(reader, file);
    }

    private Path randomBytes(String name, boolean withNul) throws Exception {
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        if (!withNul) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    bytes[i] = 1;
                }
            }
        }
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void emptyFile() throws Exception {
        reason(Files.createFile(dir.resolve("empty.txt"))).hasMessage("empty file (0 bytes); to resolve, send the file again");
    }

    @Test
    void emptyPdfIsAnEmptyFile() throws Exception {
        reason(Files.createFile(dir.resolve("empty.pdf"))).hasMessage("empty file (0 bytes); to resolve, send the file again");
    }

    @Test
    void whiteSpaceOnly() throws Exception {
        reason(Files.writeString(dir.resolve("blank.txt"), " \n\u3000\r\n\t")).hasMessageStartingWith("no text");
    }

    @Test
    void randomBytesNamedTxtAreBinary() throws Exception {
        reason(randomBytes("noise.txt", true)).hasMessageStartingWith("binary content in a .txt file");
    }

    @Test
    void randomBytesWithoutNulInATxtDecodeToGarbage() throws Exception {
        reason(randomBytes("noise.txt", false))
                .hasMessageStartingWith("text decodes mostly to replacement or control characters");
    }

    @Test
    void randomBytesNamedPdfAreNotAPdf() throws Exception {
        reason(randomBytes("noise.pdf", true)).hasMessage("not a PDF: the file does not start with %PDF-; to resolve, send the PDF itself, or the report as .docx");
    }

    @Test
    void randomBytesNamedDocxAreNotADocx() throws Exception {
        reason(randomBytes("noise.docx", true)).hasMessageStartingWith("not a valid .docx");
    }

    @Test
    void randomBytesNamedHtmlAreBinary() throws Exception {
        reason(randomBytes("noise.html", true)).hasMessageStartingWith("binary content in a HTML page");
    }

    @Test
    void unsupportedExtension() throws Exception {
        reason(Files.writeString(dir.resolve("report.odt"), "x"))
                .hasMessageStartingWith("unsupported file type '.odt'").hasMessageEndingWith("save it as .docx or .pdf");
    }

    @Test
    void noExtension() throws Exception {
        reason(Files.writeString(dir.resolve("README"), "x"))
                .hasMessageStartingWith("unsupported file type (no extension)");
    }

    @Test
    void fileVanishedBeforeReading() {
        reason(dir.resolve("gone.txt")).hasMessageStartingWith("file not found");
    }

    @Test
    void directoryNamedLikeAReport() throws Exception {
        reason(Files.createDirectory(dir.resolve("folder.txt"))).hasMessageStartingWith("not a file");
    }

    @Test
    void permissionDeniedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.txt"), "冠县关于2024年法治政府建设情况的报告");
        SubmissionReader denied = new SubmissionReader(p -> {
            throw new AccessDeniedException(p.toString());
        }, SubmissionReader.DEFAULT_MAX_BYTES);

        reason(denied, file).hasMessage("permission denied: this process may not read the file");
    }

    /**
     * A file the operating system refuses to every user, root included (CI runs as root, which file modes
     * do not stop): a write-only kernel setting, whose mode /proc/sys checks for root too, reached through a
     * report's name.
     */
    @Test
    void aFileTheSystemRefusesToReadIsPermissionDenied() throws Exception {
        Path writeOnly = Path.of("/proc/sys/vm/drop_caches");
        assertThat(writeOnly).as("a Linux kernel setting that nobody may read").exists();
        Path file = Files.createSymbolicLink(dir.resolve("secret.txt"), writeOnly);

        reason(file).hasMessage("permission denied: this process may not read the file");
    }

    @Test
    void fileLargerThanTheLimitIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("big.txt"), "冠县关于2024年法治政府建设情况的报告");

        reason(new SubmissionReader(16), file).hasMessageStartingWith("file too large");
    }

    @Test
    void htmlWithNoVisibleText() throws Exception {
        reason(Files.writeString(dir.resolve("empty.html"),
                "<html><head><script>var a=1;</script></head><body><nav>首页</nav></body></html>"))
                .hasMessageStartingWith("no text");
    }
}
