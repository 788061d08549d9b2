package fazhi.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the knowledge files (schema/…, jobs/…) are read from: the bundled copy in the jar, or an edited copy in
 * the folder given by {@code --catalog DIR} (and the ranking framework given by {@code --framework FILE}), so a
 * statistician runs with an edited catalog, lexicon or framework without rebuilding. In the folder a file sits
 * either at its repository path (DIR/schema/indicators.yaml) or at its path below schema/ or jobs/
 * (DIR/indicators.yaml, DIR/reference/population.csv); a file absent there is read from the jar.
 *
 * <p>Every file read is remembered with the sha-256 of its bytes and where it came from, so a run can publish
 * which knowledge produced a warehouse version (the knowledge_files table).
 */
public final class KnowledgeFiles {

    /** The ranking framework a run uses unless {@code --framework} names another. */
    public static final String FRAMEWORK = "jobs/ranking-default.yaml";
    /** The source of a file read from the jar. */
    public static final String BUNDLED = "bundled";

    /** One knowledge file a run read, and when it last read it. */
    public record UsedFile(String file, String sha256, String source, Instant readAt) {
    }

    private static volatile Path catalogDir;
    private static volatile Path frameworkFile;
    private static final Map<String, UsedFile> USED = new ConcurrentSkipListMap<>();
    /** Counts the choices of knowledge, so a reader that caches a file knows when to read it again. */
    private static final AtomicInteger GENERATION = new AtomicInteger();
    /**
     * The SHA-256 of each bundled file this process hashed: the jar's files do not change while it runs, so an ingest
     * that checks the published version's knowledge (regions.csv, 325 KB, is also read for discovery) hashes each
     * once, and the start-up warm-up thread can do it while Spring starts.
     */
    private static final Map<String, String> BUNDLED_SHA256 = new ConcurrentHashMap<>();

    private KnowledgeFiles() {
    }

    /**
     * Reads the knowledge files from {@code catalog} (null: the jar only) and the framework from
     * {@code framework} (null: the catalog folder's or the bundled one) from now on. Checked at once, so a
     * mistyped folder fails at start-up rather than silently running on the bundled knowledge.
     */
    public static void use(Path catalog, Path framework) {
        if (catalog != null && !Files.isDirectory(catalog)) {
            throw new KnowledgeFileException(catalog.toString(), 0, "", "--catalog: not a folder");
        }
        if (framework != null && !Files.isRegularFile(framework)) {
            throw new KnowledgeFileException(framework.toString(), 0, "", "--framework: no such file");
        }
        catalogDir = catalog;
        frameworkFile = framework;
        USED.clear();
        GENERATION.incrementAndGet();
    }

    /** Changes whenever the knowledge is chosen again ({@link #use}): a cache of a file read before is stale. */
    public static int generation() {
        return GENERATION.get();
    }

    /** Back to the bundled knowledge (what a process starts with). */
    public static void useBundled() {
        use(null, null);
    }

    /** The bytes of a knowledge file given by its repository path ("schema/indicators.yaml"). */
    public static byte[] bytes(String file) {
        String name = file.startsWith("/") ? file.substring(1) : file;
        Read read = read(name);
        USED.put(name, read.used());
        return read.content();
    }

    /**
     * A knowledge file's hash and source as it would be read now, without counting it among the files read (so it
     * does not enter knowledge_files unless the run reads it).
     */
    public static UsedFile peek(String file) {
        String name = file.startsWith("/") ? file.substring(1) : file;
        if (editedCopy(name) == null) {
            String sha256 = BUNDLED_SHA256.get(name);
            if (sha256 != null) {
                return new UsedFile(name, sha256, BUNDLED, Instant.now());
            }
        }
        return read(name).used();
    }

    private record Read(byte[] content, UsedFile used) {
    }

    private static Read read(String name) {
        Path edited = editedCopy(name);
        byte[] content;
        String source;
        try {
            if (edited != null) {
                content = Files.readAllBytes(edited);
                source = edited.toString();
            } else {
                try (InputStream in = KnowledgeFiles.class.getResourceAsStream("/" + name)) {
                    if (in == null) {
                        throw new KnowledgeFileException(name, 0, "", "missing from the jar (and from --catalog)");
                    }
                    content = in.readAllBytes();
                }
                source = BUNDLED;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + name + ": " + e.getMessage(), e);
        }
        String sha256 = edited != null ? sha256(content) : BUNDLED_SHA256.computeIfAbsent(name, n -> sha256(content));
        return new Read(content, new UsedFile(name, sha256, source, Instant.now()));
    }

    /** A knowledge file as a stream (read whole first, so its hash is known). */
    public static InputStream open(String file) {
        return new ByteArrayInputStream(bytes(file));
    }

    /** A YAML knowledge file, for a strict reader that knows its keys. */
    public static KnowledgeNode yaml(String file) {
        String name = file.startsWith("/") ? file.substring(1) : file;
        byte[] content = bytes(name);
        String source = USED.get(name).source();
        return KnowledgeNode.parse(BUNDLED.equals(source) ? name : source, content);
    }

    /** The files read since the knowledge was last chosen, by path. */
    public static List<UsedFile> used() {
        return new ArrayList<>(USED.values());
    }

    /** Whether the jar's copy of a knowledge file is the one read now (no edited copy of --catalog or --framework). */
    public static boolean bundledInUse(String file) {
        return editedCopy(file.startsWith("/") ? file.substring(1) : file) == null;
    }

    /** The edited copy that replaces a bundled file, or null when the bundled one is in use. */
    static Path editedCopy(String name) {
        if (FRAMEWORK.equals(name) && frameworkFile != null) {
            return frameworkFile;
        }
        Path dir = catalogDir;
        if (dir == null) {
            return null;
        }
        Path full = dir.resolve(name);
        int slash = name.indexOf('/');
        Path shortened = slash < 0 ? null : dir.resolve(name.substring(slash + 1));
        boolean hasFull = Files.isRegularFile(full);
        boolean hasShort = shortened != null && Files.isRegularFile(shortened);
        if (hasFull && hasShort) {
            throw new KnowledgeFileException(dir.toString(), 0, "", "holds both " + full + " and " + shortened
                    + ": keep one copy of " + name);
        }
        return hasFull ? full : hasShort ? shortened : null;
    }

    /** The hex SHA-256 of a file's bytes, as recorded in knowledge_files and printed by --version. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
