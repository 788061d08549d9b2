package fazhi.warehouse;

import fazhi.reference.KnowledgeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a version was made from besides the reports: fazhi's build, the corrections its run applied (the bytes of
 * the run's staged corrections file) and the knowledge files it read, with their hashes. Written into the version
 * folder as {@value #FILE}. An ingest run that finds no new or changed file and the same fingerprint as the
 * published version would compose that version again, row for row (only the run ids of the rows it re-validates
 * would change), so it keeps the published one instead.
 *
 * @param build      fazhi's version and the content of the jar (or the class folder) it runs from: another build may
 *                   compose differently
 * @param knowledge  by file name, as {@link KnowledgeFiles#used()} lists them
 */
public record VersionFingerprint(String build, String corrections, List<KnowledgeFile> knowledge) {
    static final String FILE = "_fingerprint.txt";
    /** How a build that is a jar is told: by the content of its files ({@link BuildIdentity}). */
    static final String JAR_BUILD = "jar files sha256 ";

    /** A knowledge file as it goes into a fingerprint: what was read, not when. */
    public record KnowledgeFile(String file, String sha256, String source) {
        static KnowledgeFile of(KnowledgeFiles.UsedFile used) {
            return new KnowledgeFile(used.file(), used.sha256(), used.source());
        }

        /** A record's equals, written out (see VersionFingerprint's). */
        @Override
        public boolean equals(Object o) {
            return o instanceof KnowledgeFile k && Objects.equals(file, k.file) && Objects.equals(sha256, k.sha256)
                    && Objects.equals(source, k.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, sha256, source);
        }
    }

    /**
     * A record's equals, component by component, written out: the generated one is linked by invokedynamic
     * (ObjectMethods' method handles) at its first call, which was about 1% of the main thread of an ingest that finds
     * nothing new, for the one comparison that run makes.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof VersionFingerprint f && Objects.equals(build, f.build)
                && Objects.equals(corrections, f.corrections) && Objects.equals(knowledge, f.knowledge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(build, corrections, knowledge);
    }

    /** This run's: its staged corrections and the knowledge files read so far. */
    public static VersionFingerprint of(Path stagedCorrections, List<KnowledgeFiles.UsedFile> knowledge) {
        return new VersionFingerprint(currentBuild(), sha256(stagedCorrections),
                knowledge.stream().map(KnowledgeFile::of).toList());
    }

    /**
     * This run's, with the knowledge files that {@code made} lists as they would be read now (an edited --catalog copy
     * included): equal to {@code made} when nothing that goes into a version has changed since.
     */
    public static VersionFingerprint now(Path stagedCorrections, VersionFingerprint made) {
        return new VersionFingerprint(currentBuild(), sha256(stagedCorrections), knowledgeNow(made));
    }

    /** The knowledge files that {@code made} lists, as they would be read now by this build. */
    public static List<KnowledgeFile> knowledgeNow(VersionFingerprint made) {
        return knowledgeNow(made, currentBuild());
    }

    /**
     * A bundled file that the version read from this very build, a jar, is the same file: a jar's build identity
     * covers its packaged knowledge by content (BuildIdentity), so its hash is the one {@code made} lists and is not
     * worked out again (hashing the bundled files was most of the start-up warm-up thread's work on an ingest that
     * finds nothing new). An edited copy, and every file of another build or of a class folder, is hashed.
     */
    static List<KnowledgeFile> knowledgeNow(VersionFingerprint made, String build) {
        boolean sameJar = build.equals(made.build()) && build.contains(" " + JAR_BUILD);
        List<KnowledgeFile> knowledge = new ArrayList<>();
        for (KnowledgeFile f : made.knowledge()) {
            try {
                knowledge.add(sameJar && KnowledgeFiles.BUNDLED.equals(f.source()) && KnowledgeFiles.bundledInUse(f.file())
                        ? f : KnowledgeFile.of(KnowledgeFiles.peek(f.file())));
            } catch (RuntimeException e) {
                // gone from this build and from --catalog: not the knowledge the version was made with
                knowledge.add(new KnowledgeFile(f.file(), "unreadable", e.getMessage()));
            }
        }
        return knowledge;
    }

    /** The fingerprint written into a version, if it has one (versions of older builds and of stats runs have none). */
    public static Optional<VersionFingerprint> read(Path version) {
        Path file = version.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String build = null;
            String corrections = null;
            List<KnowledgeFile> knowledge = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ", 4);
                switch (f[0]) {
                    case "build" -> build = line.substring("build ".length());
                    case "corrections" -> corrections = f[1];
                    case "knowledge" -> knowledge.add(new KnowledgeFile(f[2], f[1], f[3]));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return build == null || corrections == null ? Optional.empty()
                    : Optional.of(new VersionFingerprint(build, corrections, knowledge));
        } catch (IOException | RuntimeException e) {
            // unreadable: the version is composed again, as before fingerprints
            return Optional.empty();
        }
    }

    public void write(Path version) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("build ").append(build).append('\n');
        text.append("corrections ").append(corrections).append('\n');
        for (KnowledgeFile f : knowledge) {
            text.append("knowledge ").append(f.sha256()).append(' ').append(f.file()).append(' ').append(f.source())
                    .append('\n');
        }
        Files.createDirectories(version);
        Files.writeString(version.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /** This process's build, worked out once (reading the jar's central directory takes a few milliseconds). */
    private static volatile String currentBuild;

    /**
     * fazhi's version and what its classes are: a jar by its content ({@link BuildIdentity}: a rebuild of the same
     * sources is the same build, another build is not), a class folder by its path. Worked out once per process
     * (the start-up warm-up thread does it while Spring starts).
     */
    public static String currentBuild() {
        String build = currentBuild;
        if (build == null) {
            build = currentBuild = workOutBuild();
        }
        return build;
    }

    private static String workOutBuild() {
        String version = VersionFingerprint.class.getPackage().getImplementationVersion();
        String where;
        try {
            URL location = VersionFingerprint.class.getProtectionDomain().getCodeSource().getLocation();
            where = location.toString();
            // Spring Boot's nested jar: jar:nested:/path/fazhi.jar/!BOOT-INF/classes/!/ is the outer jar's
            String nested = "jar:nested:";
            Path path = where.startsWith(nested)
                    ? Path.of(where.substring(nested.length(), where.indexOf("/!")))
                    : "file".equals(location.getProtocol()) ? Path.of(location.toURI()) : null;
            if (path != null && Files.isRegularFile(path)) {
                where = JAR_BUILD + BuildIdentity.ofJar(path);
            } else if (path != null) {
                where = path.toAbsolutePath().toString();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // a build that cannot be told apart from another is never taken for the same one
            where = "unknown, process " + ProcessHandle.current().pid() + " started "
                    + ProcessHandle.current().info().startInstant().map(Object::toString).orElse("?");
        }
        return (version == null ? "source" : version) + " " + where;
    }

    private static String sha256(Path file) {
        try {
            return Files.isRegularFile(file) ? KnowledgeFiles.sha256(Files.readAllBytes(file)) : "none";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
