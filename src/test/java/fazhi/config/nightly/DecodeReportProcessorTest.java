package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeReportProcessorTest {
    @TempDir
    Path tmp;

    @Test
    void aFileThatDisappearsBetweenDiscoveryAndReadingIsStoppedWithAReason() {
        var gone = new DiscoveredSubmission("gone.txt", tmp.resolve("gone.txt").toString(), "abc", 10, "371525", 2024,
                false, null, DiscoveredSubmission.Action.PROCESS, null);

        ReportInProgress r = new DecodeReportProcessor(new SubmissionReader()).process(ReportInProgress.start(gone));

        assertThat(r.stopped()).isTrue();
        assertThat(r.status()).isIn(SubmissionStatus.QUARANTINED, SubmissionStatus.FAILED);
        assertThat(r.reason()).contains("removed or renamed").doesNotContain("Exception");
    }
}
