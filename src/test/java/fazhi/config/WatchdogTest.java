package fazhi.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchdogTest {

    /** CPU work that never looks at a flag or an interrupt, like a quadratic scan inside a stage. */
    private static long spin() {
        long x = 0;
        while (x >= 0) {
            x = (x * 31 + 7) & 0x3fff_ffff_ffffL;
        }
        return x;
    }

    @Test
    void workStuckInCpuIsStoppedWhenItOutlivesItsBudget() {
        try (Watchdog watchdog = new Watchdog()) {
            assertThatThrownBy(() -> watchdog.run(Duration.ofMillis(200), WatchdogTest::spin))
                    .isInstanceOf(Watchdog.BudgetExceededException.class);
            // the thread goes on with its next piece of work
            assertThat(uncheckedRun(watchdog, () -> 42)).isEqualTo(42);
        }
    }

    @Test
    void aStopCutsShortTheWorkUnderWayAndRefusesNewWork() throws Exception {
        try (Watchdog watchdog = new Watchdog()) {
            var started = new CountDownLatch(1);
            var busy = CompletableFuture.supplyAsync(() -> uncheckedRun(watchdog, () -> {
                started.countDown();
                return spin();
            }));
            started.await();
            watchdog.stopAll();

            assertThatThrownBy(() -> busy.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Watchdog.RunStoppedException.class);
            assertThatThrownBy(() -> watchdog.run(Duration.ofMinutes(1), () -> 1))
                    .isInstanceOf(Watchdog.RunStoppedException.class);
        }
    }

    @Test
    void aStopRunsTheRegisteredActionsUntilTheyAreClosedAndNotThoseClosedBefore() throws Exception {
        try (Watchdog watchdog = new Watchdog()) {
            var open = new java.util.concurrent.atomic.AtomicInteger();
            var closedBefore = new java.util.concurrent.atomic.AtomicInteger();
            var late = new CountDownLatch(1);
            Watchdog.Registration registration = watchdog.whileStopping(open::incrementAndGet);
            watchdog.whileStopping(closedBefore::incrementAndGet).close();

            watchdog.stopAll();
            assertThat(open.get()).isPositive();
            // work that begins after the stop is cut short too: the action runs again until it is closed
            watchdog.whileStopping(late::countDown);
            assertThat(late.await(30, TimeUnit.SECONDS)).isTrue();
            registration.close();
            int runs = open.get();
            Thread.sleep(300);

            assertThat(open.get()).isEqualTo(runs);
            assertThat(closedBefore.get()).isZero();
        }
    }

    @Test
    void aStopCancelsTheDuckDbStatementUnderWayAndRefusesNewOnes() throws Exception {
        try (Watchdog watchdog = new Watchdog();
             java.sql.Connection c = watchdog.cancelOnStop(fazhi.warehouse.WarehouseConnection.openDuckDb())) {
            var started = new CountDownLatch(1);
            // a join of 10^12 rows: hours of work unless cancelled
            var query = CompletableFuture.supplyAsync(() -> {
                try (var s = c.createStatement()) {
                    started.countDown();
                    try (var rs = s.executeQuery("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                } catch (java.sql.SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            started.await();

            watchdog.stopAll();

            assertThatThrownBy(() -> query.get(10, TimeUnit.MINUTES)).hasCauseInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(c::createStatement).isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("stopping");
        }
    }

    private static <T> T uncheckedRun(Watchdog watchdog, java.util.concurrent.Callable<T> work) {
        try {
            return watchdog.run(Duration.ofHours(1), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
