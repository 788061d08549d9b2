package fazhi.config.nightly;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeapTrimTest {
    private final AtomicInteger collections = new AtomicInteger();
    private final HeapTrim trim = new HeapTrim(collections::incrementAndGet);

    private static StepExecution extraction(long read) {
        StepExecution step = new StepExecution(1L, "extractIndicatorsStep",
                new JobExecution(1L, new JobInstance(1L, "ingest"), new JobParameters()));
        step.setReadCount(read);
        return step;
    }

    @Test
    void collectsAfterAStepThatReadReports() {
        StepExecution step = extraction(0);
        trim.beforeStep(step);
        step.setReadCount(3);
        trim.afterStep(step);
        assertEquals(1, collections.get());
    }

    @Test
    void aStepThatReadNothingLeavesTheHeapAlone() {
        StepExecution step = extraction(0);
        trim.beforeStep(step);
        trim.afterStep(step);
        assertEquals(0, collections.get());
    }
}
