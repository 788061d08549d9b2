package fazhi.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer at a time per warehouse: an OS file lock on {@code _lock}, released by the OS when the
 * process dies (so a killed run never leaves a stale lock). The file records who holds it.
 */
public final class WarehouseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    /**
     * Lock files this JVM holds, with their holder. A second attempt from this JVM is refused from here, without
     * opening the file: closing any channel on a locked file releases the process's lock on it (POSIX), so
     * opening and closing the file again would silently free the warehouse for a third run.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;

    private WarehouseLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static synchronized WarehouseLock acquire(WarehouseLayout layout, String runId) throws IOException {
        Path file = layout.lockFile();
        String heldHere = HELD_HERE.get(file);
        if (heldHere != null) {
            throw busy(layout, heldHere);
        }
        Files.createDirectories(layout.root());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            // another process holds it (this one holds no lock on the file, so closing the channel frees nothing)
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            ch.close();
            throw busy(layout, holder);
        }
        String holder = "run " + runId + ", pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
        HELD_HERE.put(file, holder);
        return new WarehouseLock(file, ch, lock);
    }

    private static WarehouseBusyException busy(WarehouseLayout layout, String holder) {
        return new WarehouseBusyException("warehouse " + layout.root() + " is being written by another run ("
                + (holder.isEmpty() ? "unknown" : holder) + "); try again when it has finished");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(file);
        }
    }

    /** Another run holds the warehouse. */
    public static final class WarehouseBusyException extends IOException {
        public WarehouseBusyException(String message) {
            super(message);
        }
    }
}
