package fazhi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Walks the input folder, hashes every file and decides what the run does with it. Streams: one
 * {@link DiscoveredSubmission} is handed to the consumer per file; only the hash index is kept in memory
 * (about 100 bytes a file).
 */
public final class SubmissionDiscovery {
    public static final String MANIFEST = "manifest.csv";
    /** Corrections of figures (read by fazhi.correct), never a submission: the same name as CorrectionsFile's. */
    public static final String CORRECTIONS = "corrections.csv";

    /** What is already published: source file → submission id (content hash). */
    public record Published(Map<String, String> idBySourceFile) {
        public static Published none() {
            return new Published(Map.of());
        }
    }

    private final Manifest manifest;
    private final String manifestNote;

    /**
     * @param manifestNote said of every file when the manifest as a whole could not be used (null if it could)
     */
    public SubmissionDiscovery(Manifest manifest, String manifestNote) {
        this.manifest = manifest;
        this.manifestNote = manifestNote;
    }

    /** Visits the files in a stable order (by relative path) and returns how many were seen. */
    public long discover(Path inputDir, Published published, Consumer<DiscoveredSubmission> out) throws IOException {
        Map<String, String> firstFileById = new HashMap<>();
        // published copies count as "first" too: a new file with the same bytes as a published one is a duplicate
        published.idBySourceFile().forEach((file, id) -> firstFileById.putIfAbsent(id, file));
        long seen = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inputDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(inputDir.relativize(p)))
                    .filter(p -> !(p.getParent().equals(inputDir) && isControlFile(p.getFileName().toString())))
                    .sorted()
                    .toList();
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Path file : files) {
            String rel = inputDir.relativize(file).toString().replace('\\', '/');
            present.add(ManifestReader.normalizeFileName(rel));
            out.accept(decide(file, rel, published, firstFileById));
            seen++;
        }
        // a submission the manifest announces but that never arrived is reported, not silently absent
        for (ManifestEntry m : manifest.entries().values()) {
            if (!present.contains(m.file())) {
                out.accept(new DiscoveredSubmission(m.file(), inputDir.resolve(m.file()).toString(), null, 0,
                        m.regionCode(), m.year(), m.synthetic(), m.expectedStatus(), DiscoveredSubmission.Action.FAILED,
                        "missing: manifest.csv lists this file but it is not in the input folder"));
                seen++;
            }
        }
        return seen;
    }

    private DiscoveredSubmission decide(Path file, String rel, Published published, Map<String, String> firstFileById) {
        ManifestEntry m = manifest.entry(rel).orElse(null);
        String region = m == null ? null : m.regionCode();
        Integer year = m == null ? null : m.year();
        boolean synthetic = m != null && m.synthetic();
        SubmissionStatus expected = m == null ? null : m.expectedStatus();
        String id;
        long bytes;
        try {
            bytes = Files.size(file);
            id = sha256(file);
        } catch (IOException e) {
            return new DiscoveredSubmission(rel, file.toString(), null, 0, region, year, synthetic, expected,
                    DiscoveredSubmission.Action.FAILED, SubmissionReasons.describe(e));
        }
        var problem = manifest.problem(rel);
        if (problem.isPresent()) {
            return new DiscoveredSubmission(rel, file.toString(), id, bytes, null, null, synthetic, expected,
                    DiscoveredSubmission.Action.QUARANTINE, problem.get().describe());
        }
        if (id.equals(published.idBySourceFile().get(rel))) {
            return new DiscoveredSubmission(rel, file.toString(), id, bytes, region, year, synthetic, expected,
                    DiscoveredSubmission.Action.UNCHANGED, "already published with the same content");
        }
        String first = firstFileById.putIfAbsent(id, rel);
        if (first != null && !first.equals(rel)) {
            return new DiscoveredSubmission(rel, file.toString(), id, bytes, region, year, synthetic, expected,
                    DiscoveredSubmission.Action.DUPLICATE, "same bytes as " + first);
        }
        return new DiscoveredSubmission(rel, file.toString(), id, bytes, region, year, synthetic, expected,
                DiscoveredSubmission.Action.PROCESS, manifestNote);
    }

    /** The manifest and the corrections file of the input folder: about the submissions, not submissions. */
    private static boolean isControlFile(String name) {
        return name.equals(MANIFEST) || name.equals(CORRECTIONS);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hash buffer and digest are made once per thread and reused: a buffer per file made discovery of
     * a large folder allocate gigabytes, which grew the heap (and the process) with the number of files.
     */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(Path file) throws IOException {
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] buf = BUFFER.get();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
