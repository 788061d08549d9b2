package fazhi.config.nightly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the extraction step's time goes, stage by stage: the CPU time of the thread that ran each stage
 * on each file, summed over the workers (so it does not count the time a worker waited for a core on a
 * shared machine), and the number of files. Cheap enough to be always on: two clock reads per stage and file.
 */
public final class StageClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, LongAdder[]> stages = new ConcurrentSkipListMap<>();

    /** The current thread's CPU time in nanoseconds (its wall time where the JVM cannot tell). */
    public static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    public void add(String stage, long cpuNanos) {
        LongAdder[] totals = stages.computeIfAbsent(stage, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
        totals[0].add(cpuNanos);
        totals[1].increment();
    }

    /** CPU time of a stage's work done on another thread for the same file (or chunk): the count stays. */
    public void addTime(String stage, long cpuNanos) {
        stages.computeIfAbsent(stage, s -> new LongAdder[] {new LongAdder(), new LongAdder()})[0].add(cpuNanos);
    }

    public void clear() {
        stages.clear();
    }

    /** CPU seconds by stage, for the log: "clean 1.20 s (2694), extract 3.40 s (2694), ...". */
    public String describe() {
        StringJoiner line = new StringJoiner(", ");
        stages.forEach((stage, totals) -> line.add(String.format(Locale.ROOT, "%s %.2f s (%d)", stage,
                totals[0].sum() / 1e9, totals[1].sum())));
        return line.toString();
    }

    public double seconds(String stage) {
        LongAdder[] totals = stages.get(stage);
        return totals == null ? 0 : totals[0].sum() / 1e9;
    }
}
