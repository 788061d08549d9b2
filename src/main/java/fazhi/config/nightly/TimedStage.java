package fazhi.config.nightly;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.function.Function;

/** One stage of the extraction chain, its CPU time counted under a name that may depend on the file. */
public final class TimedStage implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final ItemProcessor<ReportInProgress, ReportInProgress> stage;
    private final Function<ReportInProgress, String> name;
    private final StageClock clock;

    public TimedStage(String name, ItemProcessor<ReportInProgress, ReportInProgress> stage, StageClock clock) {
        this(r -> name, stage, clock);
    }

    public TimedStage(Function<ReportInProgress, String> name, ItemProcessor<ReportInProgress, ReportInProgress> stage,
                      StageClock clock) {
        this.stage = stage;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) throws Exception {
        if (report.stopped()) {
            return stage.process(report);
        }
        String stageName = name.apply(report);
        long start = StageClock.threadCpuNanos();
        try {
            return stage.process(report);
        } finally {
            clock.add(stageName, StageClock.threadCpuNanos() - start);
        }
    }
}
