package fazhi.config.nightly;

import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.SubmissionStatus;
import fazhi.warehouse.ParquetTableWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingAheadReaderTest {
    @TempDir
    Path tmp;

    private ThreadPoolTaskExecutor workers;
    private Path discovered;

    @BeforeEach
    void workersAndAList() {
        workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(3);
        workers.setMaxPoolSize(3);
        workers.initialize();
        discovered = tmp.resolve("discovered.parquet");
        List<DiscoveredSubmission> files = IntStream.range(0, 300)
                .mapToObj(i -> new DiscoveredSubmission(String.format("%03d.txt", i), "/nowhere/" + i, "id" + i, 10,
                        null, null, false, null,
                        i % 50 == 7 ? DiscoveredSubmission.Action.UNCHANGED : DiscoveredSubmission.Action.PROCESS, null))
                .toList();
        ParquetTableWriter.writeAll(discovered, DiscoveredSubmission.class, files);
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdown();
    }

    /** A stage that takes longer on some files than others, so the workers finish out of order. */
    private static ItemProcessor<ReportInProgress, ReportInProgress> unevenStage(Set<String> processed) {
        return r -> {
            String file = r.submission().sourceFile();
            long spin = file.hashCode() % 7 == 0 ? 200_000 : 1_000;
            double sink = 0;
            for (long i = 0; i < spin; i++) {
                sink += Math.sqrt(i);
            }
            if (sink < 0) {
                throw new AssertionError("a square root below zero");
            }
            processed.add(file);
            return r.stop(SubmissionStatus.QUARANTINED, "processed " + file);
        };
    }

    private ProcessingAheadReader reader(ItemProcessor<ReportInProgress, ReportInProgress> stages) {
        return new ProcessingAheadReader(new DiscoveredSubmissionReader(discovered.toFile()), stages, workers);
    }

    private static List<String> readAll(ProcessingAheadReader reader, int max) throws Exception {
        List<String> files = new ArrayList<>();
        ReportInProgress r;
        while (files.size() < max && (r = reader.read()) != null) {
            assertThat(r.reason()).isEqualTo("processed " + r.submission().sourceFile());
            files.add(r.submission().sourceFile());
        }
        return files;
    }

    private static List<String> expectedOrder(int from) {
        return IntStream.range(from, 300).filter(i -> i % 50 != 7).mapToObj(i -> String.format("%03d.txt", i)).toList();
    }

    @Test
    void handsOverEveryProcessedReportInTheOrderOfTheDiscoveredListLessTheUnchanged() throws Exception {
        Set<String> processed = ConcurrentHashMap.newKeySet();
        var reader = reader(unevenStage(processed));
        reader.open(new ExecutionContext());
        List<String> files = readAll(reader, Integer.MAX_VALUE);
        reader.close();

        assertThat(files).containsExactlyElementsOf(expectedOrder(0));
        assertThat(processed).hasSize(files.size());
    }

    @Test
    void aRestartSkipsTheReportsHandedOverBeforeWithoutProcessingThemAgain() throws Exception {
        ExecutionContext committed = new ExecutionContext();
        var first = reader(unevenStage(ConcurrentHashMap.newKeySet()));
        first.open(committed);
        List<String> before = readAll(first, 100);
        first.update(committed); // the step commits the count of reports handed over
        first.close();

        Set<String> processedAfter = ConcurrentHashMap.newKeySet();
        var restarted = reader(unevenStage(processedAfter));
        restarted.open(committed);
        List<String> after = readAll(restarted, Integer.MAX_VALUE);
        restarted.close();

        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).containsExactlyElementsOf(expectedOrder(0));
        assertThat(processedAfter).doesNotContainAnyElementsOf(before);
    }

    @Test
    void neverHasMoreReportsInFlightThanItsWindow() throws Exception {
        AtomicInteger submittedAhead = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        AtomicInteger handedOver = new AtomicInteger();
        ItemProcessor<ReportInProgress, ReportInProgress> counting = r -> {
            mostAhead.accumulateAndGet(submittedAhead.incrementAndGet() - handedOver.get(), Math::max);
            return r.stop(SubmissionStatus.QUARANTINED, "processed " + r.submission().sourceFile());
        };
        var reader = reader(counting);
        reader.open(new ExecutionContext());
        while (reader.read() != null) {
            handedOver.incrementAndGet();
        }
        reader.close();

        assertThat(mostAhead.get()).isBetween(1, ProcessingAheadReader.WINDOW);
    }

    @Test
    void aFailureOfTheStagesReachesTheStepAsItself() throws Exception {
        var reader = reader(r -> {
            if (r.submission().sourceFile().equals("005.txt")) {
                throw new IllegalStateException("stage broke on 005.txt");
            }
            return r.stop(SubmissionStatus.QUARANTINED, "processed " + r.submission().sourceFile());
        });
        reader.open(new ExecutionContext());

        assertThat(readAll(reader, 5)).hasSize(5);
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("stage broke on 005.txt");
        reader.close();
    }
}
