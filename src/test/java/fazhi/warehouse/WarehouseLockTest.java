package fazhi.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondWriterIsRefusedWithAMessageNamingTheFirst() throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp);
        try (WarehouseLock first = WarehouseLock.acquire(layout, "run-1")) {
            // a second process is refused by the OS lock; in one JVM the channel lock refuses too
            assertThatThrownBy(() -> WarehouseLock.acquire(layout, "run-2"))
                    .isInstanceOf(java.io.IOException.class);
        }
        try (WarehouseLock again = WarehouseLock.acquire(layout, "run-3")) {
            assertThat(again).isNotNull();
        }
    }
}
