package fazhi.warehouse;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a composed version the published one. The version folder is moved under {@code _versions/},
 * then the {@code current} link is replaced by renaming a new link over it: one atomic rename, so a
 * reader sees either the old version or the new one, never a mix. Older versions are pruned, keeping
 * a few for readers that opened them just before the swap.
 */
public final class WarehousePublisher {
    static final int VERSIONS_KEPT = 3;

    private final WarehouseLayout layout;

    public WarehousePublisher(WarehouseLayout layout) {
        this.layout = layout;
    }

    /** The version folder currently published, or null before the first run. */
    public Path publishedVersion() {
        try {
            return Files.isDirectory(layout.current()) ? layout.current().toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public void publish(Path composedVersion, String runId) throws IOException {
        Path target = layout.version(runId);
        Files.createDirectories(layout.versions());
        if (!Files.exists(target)) {
            Files.move(composedVersion, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Path tmpLink = layout.root().resolve("current.tmp-" + runId);
        Files.deleteIfExists(tmpLink);
        Files.createSymbolicLink(tmpLink, layout.root().relativize(target));
        try {
            Files.move(tmpLink, layout.current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + layout.root() + " cannot rename atomically", e);
        }
        ensureTableLinks();
        pruneOldVersions(target);
    }

    /** observations → current/observations and so on: stable paths for any Parquet reader. */
    public void ensureTableLinks() throws IOException {
        for (WarehouseTable t : WarehouseTable.values()) {
            Path link = layout.root().resolve(t.tableName());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("current", t.tableName()));
            }
        }
    }

    private void pruneOldVersions(Path keep) throws IOException {
        List<Path> versions;
        try (Stream<Path> s = Files.list(layout.versions())) {
            versions = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::getFileName)).toList();
        }
        int excess = versions.size() - VERSIONS_KEPT;
        for (int i = 0; i < excess; i++) {
            if (!versions.get(i).equals(keep)) {
                WarehouseDirectories.deleteTree(versions.get(i));
            }
        }
    }
}
