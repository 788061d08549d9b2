package fazhi.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRepositoryUrlTest {
    @TempDir
    Path dir;

    @Test
    void aProbeOnItsOwnThreadTellsWhetherTheTablesAreThere() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("fazhi") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (JobRepositoryUrl.Probe probe = JobRepositoryUrl.await(JobRepositoryUrl.probeMeanwhile(url))) {
            assertThat(probe.hasTables()).isFalse();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE BATCH_JOB_EXECUTION (ID BIGINT)");
        }
        try (JobRepositoryUrl.Probe probe = JobRepositoryUrl.await(JobRepositoryUrl.probeMeanwhile(url))) {
            assertThat(probe.hasTables()).isTrue();
        }
    }

    @Test
    void theWarehousesH2FileIsCompactedOnCloseOnlyOnceItHasGrownLarge() throws Exception {
        Path base = dir.resolve("fazhi");
        assertThat(JobRepositoryUrl.h2FileUrl(base)).isEqualTo(
                "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0");
        Files.write(dir.resolve("fazhi.mv.db"), new byte[(int) JobRepositoryUrl.COMPACT_ABOVE_BYTES]);
        assertThat(JobRepositoryUrl.h2FileUrl(base)).endsWith(";MAX_COMPACT_TIME=0");
        Files.write(dir.resolve("fazhi.mv.db"), new byte[(int) JobRepositoryUrl.COMPACT_ABOVE_BYTES + 1]);
        assertThat(JobRepositoryUrl.h2FileUrl(base)).isEqualTo("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aDatabaseThatCannotBeReachedHasNoTables() {
        try (JobRepositoryUrl.Probe probe = JobRepositoryUrl.await(
                JobRepositoryUrl.probeMeanwhile("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1"))) {
            assertThat(probe.hasTables()).isFalse();
        }
    }

    @Test
    void whatTheProbeThrewIsThrownAsItWas() {
        assertThatThrownBy(() -> JobRepositoryUrl.await(CompletableFuture.failedFuture(new IllegalStateException("no"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("no");
    }
}
