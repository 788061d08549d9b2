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
