package fazhi.config;

import fazhi.warehouse.CancellableConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops work that runs too long, or that a stop signal cuts short, even when it is stuck in CPU work that
 * never looks at a flag (a regular expression, a quadratic loop inside a library or a stage we do not edit).
 *
 * <p>The trick: the work runs on the caller's thread under a ticket with a deadline; a daemon thread looks
 * at the tickets ten times a second and, when one is overdue or the run is stopping, stops that thread with
 * {@link Thread#stop()}, which throws {@link ThreadDeath} wherever the thread is. {@link #run} catches its
 * own ThreadDeath and turns it into {@link BudgetExceededException} or {@link RunStoppedException}. A ticket
 * moves once from running to done (by the worker) or to stopping (by the watchdog), so a thread that
 * finishes just as its deadline passes is never stopped afterwards, and one that is being stopped waits
 * for the ThreadDeath before it goes on.
 *
 * <p>Thread.stop releases the monitors the thread holds, so shared state it was changing could be left
 * half-changed: the work given here (reading, identifying, cleaning, extracting one file) changes none, only
 * its own objects; the file is quarantined and the run goes on. Thread.stop works up to Java 19 (fazhi
 * targets 17); on a later JVM it is refused, and budgets are then only checked when the work ends.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;
    private static final boolean CAN_STOP_THREADS = Runtime.version().feature() < 20;

    /** The work ran past its time budget and was stopped. */
    public static final class BudgetExceededException extends Exception {
        public BudgetExceededException(String message) {
            super(message);
        }
    }

    /** The run is stopping (a stop signal): the work was cut short and must be done again by the next run. */
    public static final class RunStoppedException extends RuntimeException {
        public RunStoppedException(String message) {
            super(message);
        }
    }

    private final class Ticket {
        final Thread thread = Thread.currentThread();
        final long deadline;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        volatile boolean overdue = !CAN_STOP_THREADS;

        Ticket(Duration budget) {
            this.deadline = System.nanoTime() + budget.toNanos();
        }

        @SuppressWarnings({"deprecation", "removal"})
        void stop(boolean overdueNotStopped) {
            if (!CAN_STOP_THREADS || !state.compareAndSet(RUNNING, STOPPING)) {
                return;
            }
            overdue = overdueNotStopped;
            thread.stop();
        }
    }

    /** What {@link #whileStopping} registered: undone by {@link #close()}, never throws. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Ticket> tickets = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> stopActions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    public Watchdog() {
        if (!CAN_STOP_THREADS) {
            log.warn("this JVM cannot stop a busy thread (Thread.stop is unsupported after Java 19): time budgets "
                    + "and stop signals take effect only when the work in progress ends");
        }
        clock.scheduleWithFixedDelay(this::look, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on this thread; stops it when it outlives {@code budget} or the run is stopping. */
    public <T> T run(Duration budget, Callable<T> work) throws Exception {
        if (stopping) {
            throw new RunStoppedException("the run is stopping");
        }
        Ticket ticket = new Ticket(budget);
        tickets.add(ticket);
        try {
            T result = work.call();
            if (ticket.state.compareAndSet(RUNNING, DONE)) {
                if (!CAN_STOP_THREADS && System.nanoTime() - ticket.deadline > 0) {
                    throw verdict(ticket, budget);
                }
                return result;
            }
            awaitOwnDeath();
            throw verdict(ticket, budget); // not reached: ThreadDeath arrives first
        } catch (ThreadDeath death) {
            if (ticket.state.get() != STOPPING) {
                throw death;
            }
            throw verdict(ticket, budget);
        } finally {
            tickets.remove(ticket);
        }
    }

    /**
     * Work that cannot be stopped as a thread (a database statement in native code) says here how to cut it short:
     * while the run is stopping, {@code action} runs at once and then every tenth of a second (work that started
     * just after the first try is cut short by the next), until the registration is closed.
     */
    public Registration whileStopping(Runnable action) {
        stopActions.add(action);
        if (stopping) {
            runStopAction(action);
        }
        return () -> stopActions.remove(action);
    }

    private void runStopAction(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("could not cut short work under way: {}", e.toString());
        }
    }

    /**
     * The connection to use in place of {@code c}: a stop signal cancels the statement it is running (DuckDB rolls
     * it back and the stage fails, so the run ends STOPPED) instead of waiting for its end; closing it closes
     * {@code c}.
     */
    public Connection cancelOnStop(Connection c) {
        Registration[] registration = new Registration[1];
        CancellableConnection.Handle handle = CancellableConnection.wrap(c, () -> registration[0].close());
        registration[0] = whileStopping(handle.canceller()::cancelAll);
        return handle.connection();
    }

    /** Cuts short all work under way and refuses new work: the run is stopping. */
    public void stopAll() {
        stopping = true;
        for (Ticket t : tickets) {
            t.stop(false);
        }
        stopActions.forEach(this::runStopAction);
    }

    private void look() {
        long now = System.nanoTime();
        for (Ticket t : tickets) {
            if (stopping || now - t.deadline > 0) {
                t.stop(!stopping);
            }
        }
        if (stopping) {
            stopActions.forEach(this::runStopAction);
        }
    }

    private static Exception verdict(Ticket ticket, Duration budget) {
        return ticket.overdue ? new BudgetExceededException("still running after " + budget.toSeconds() + " s")
                : new RunStoppedException("the run is stopping");
    }

    /** The watchdog has decided to stop this thread: wait for its ThreadDeath rather than finish the work. */
    private static void awaitOwnDeath() {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // keep waiting: the ThreadDeath is on its way
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
