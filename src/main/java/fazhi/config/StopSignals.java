package fazhi.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TERM and INT while a run holds the warehouse: instead of the JVM's default (run the shutdown hooks, which
 * close Spring's context under a step that is still busy), the run is asked to stop. The job stops at the
 * next chunk or step boundary, the watchdog cuts short a file still being read, and the run ends STOPPED
 * in the job repository, to be resumed by the next run. Should that take longer than {@link #GRACE_MILLIS},
 * the process halts anyway with the same exit code: nothing is published by a run that does not finish, and
 * the next run finds this one in the job repository and resumes it as after a crash.
 *
 * <p>sun.misc.Signal (module jdk.unsupported) is the JDK's only way to replace a signal's handler.
 */
public final class StopSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    /** The exit code of a run stopped by a signal (documented in the README). */
    public static final int EXIT_CODE = 5;
    /** A scheduler waits about 15 s before it kills; stop well within that. */
    static final long GRACE_MILLIS = 12_000;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private Runnable onStop;
    private Runnable beforeHalt = () -> { };
    private volatile String received;
    private Thread deadline;

    private StopSignals() {
    }

    /** Takes over TERM and INT until {@link #close()}. */
    public static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, s::handle));
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal (-Xrs, or not a signal here): the default behaviour stays
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return s;
    }

    /**
     * What to do on a signal (once, on a thread of its own; if one came already, at once), and what to do
     * before halting should the run not stop in time.
     */
    public synchronized void onStop(Runnable action, Runnable beforeHalt) {
        this.beforeHalt = beforeHalt;
        onStop = action;
        if (received != null) {
            runOnStop();
        }
    }

    /** The signal that asked the run to stop (TERM or INT), or null. */
    public String received() {
        return received;
    }

    private synchronized void handle(Signal signal) {
        if (received != null) {
            return;
        }
        received = "SIG" + signal.getName();
        log.warn("{} received: stopping the run; the next run resumes it", received);
        deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            log.error("the run did not stop within {} s of {}: halting; the next run resumes it", GRACE_MILLIS / 1000,
                    received);
            try {
                beforeHalt.run();
            } finally {
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }, "stop-deadline");
        deadline.setDaemon(true);
        deadline.start();
        if (onStop != null) {
            runOnStop();
        }
    }

    private void runOnStop() {
        Thread t = new Thread(onStop, "stop");
        t.setDaemon(true);
        t.start();
    }

    /** Gives TERM and INT back; the run ended (stopped or not), so the deadline no longer applies. */
    @Override
    public synchronized void close() {
        previous.forEach(Signal::handle);
        if (deadline != null) {
            deadline.interrupt();
        }
    }
}
