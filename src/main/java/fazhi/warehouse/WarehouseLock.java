package fazhi.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer at a time per warehouse: an OS file lock on {@code _lock}, released by the OS when the
 * process dies (so a killed run never leaves a stale lock). The file records who holds it.
 */
public final class WarehouseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static WarehouseLock acquire(WarehouseLayout layout, String runId) throws IOException {
        Files.createDirectories(layout.root());
        FileChannel ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(layout.lockFile(), StandardCharsets.UTF_8).trim();
            ch.close();
            throw new WarehouseBusyException("warehouse " + layout.root() + " is being written by another run ("
                    + (holder.isEmpty() ? "unknown" : holder) + "); try again when it has finished");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("run " + runId + ", pid " + ProcessHandle.current().pid() + ", since "
                + Instant.now()).getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
        return new WarehouseLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another run holds the warehouse. */
    public static final class WarehouseBusyException extends IOException {
        public WarehouseBusyException(String message) {
            super(message);
        }
    }
}
