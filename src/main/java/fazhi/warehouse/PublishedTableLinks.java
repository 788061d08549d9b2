package fazhi.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Carries tables of the published version into a version being built, by hard links: published files
 * are never changed in place, so sharing them costs no space and no copying (a copy is made only where
 * the file system refuses links).
 */
public final class PublishedTableLinks {
    private PublishedTableLinks() {
    }

    /** Links the given tables (data and schema file) that exist in {@code from} into {@code to}. */
    public static void link(Path from, Path to, Collection<WarehouseTable> tables) throws IOException {
        for (WarehouseTable t : tables) {
            Path dir = from.resolve(t.tableName());
            if (Files.isDirectory(dir)) {
                WarehouseDirectories.deleteTree(to.resolve(t.tableName()));
                linkTree(dir, to.resolve(t.tableName()));
            }
            Path schema = WarehouseLayout.schemaFile(from, t);
            if (Files.isRegularFile(schema)) {
                Path target = WarehouseLayout.schemaFile(to, t);
                Files.createDirectories(target.getParent());
                Files.copy(schema, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void linkTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Files.createDirectories(to);
        for (Path f : files) {
            linkFile(f, to.resolve(from.relativize(f).toString()));
        }
    }

    private static void linkFile(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target);
        }
    }
}
