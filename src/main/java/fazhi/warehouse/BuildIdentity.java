package fazhi.warehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a fazhi jar is made of, as one SHA-256: its own files (the classes, the packaged knowledge, the pom) by
 * content, and the libraries it runs with by file name (name and version). Two builds of the same sources are the
 * same build whatever the jar's time, and Spring Boot's jar is the same build as the plain jar the launcher's
 * fast start extracts from it (target/fazhi-run): the first ingest after a rebuild can keep the published version.
 * <p>
 * A file's content is told by the CRC-32 and the size the jar's central directory records for it, not by hashing
 * its bytes: reading and hashing the ~460 files (4.4 MB) was a tenth of a second of CPU at every start, interpreted
 * while the JIT had not yet compiled the digest, and a compilation of it besides. Two different contents of a file
 * agree on both in about one case in four billion; an edit that changes the size never does.
 */
public final class BuildIdentity {
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String BOOT_CLASS_PATH = "BOOT-INF/classpath.idx";
    private static final String POM_FOLDER = "META-INF/maven/";

    private BuildIdentity() {
    }

    /**
     * The hex SHA-256 of a jar's files (name, CRC-32, size) and libraries: Spring Boot's (the files under
     * BOOT-INF/classes/ and META-INF/maven/, the libraries
     * of BOOT-INF/classpath.idx) or a plain one (every file but the manifest, the libraries of its Class-Path).
     */
    public static String ofJar(Path jar) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        List<String> libraries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean boot = zip.getEntry(BOOT_CLASS_PATH) != null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                String own = boot ? name.startsWith(BOOT_CLASSES) ? name.substring(BOOT_CLASSES.length())
                        : name.startsWith(POM_FOLDER) ? name : null
                        : name.equals("META-INF/MANIFEST.MF") ? null : name;
                if (own != null) {
                    files.put(own, entry.getCrc() + " " + entry.getSize());
                }
            }
            if (boot) {
                try (BufferedReader index = new BufferedReader(new InputStreamReader(
                        zip.getInputStream(zip.getEntry(BOOT_CLASS_PATH)), StandardCharsets.UTF_8))) {
                    for (String line = index.readLine(); line != null; line = index.readLine()) {
                        // - "BOOT-INF/lib/h2-2.4.240.jar"
                        String path = line.replaceFirst("^\\s*-\\s*", "").replace("\"", "").strip();
                        if (!path.isEmpty()) {
                            libraries.add(fileName(path));
                        }
                    }
                }
            } else {
                ZipEntry manifestEntry = zip.getEntry("META-INF/MANIFEST.MF");
                if (manifestEntry != null) {
                    try (InputStream in = zip.getInputStream(manifestEntry)) {
                        String classPath = new Manifest(in).getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                        if (classPath != null) {
                            for (String path : classPath.trim().split("\\s+")) {
                                libraries.add(fileName(path));
                            }
                        }
                    }
                }
            }
        }
        libraries.sort(null);
        MessageDigest total = sha256();
        files.forEach((name, crcAndSize) -> {
            total.update(name.getBytes(StandardCharsets.UTF_8));
            total.update((byte) 0);
            total.update(crcAndSize.getBytes(StandardCharsets.UTF_8));
            total.update((byte) 0);
        });
        for (String library : libraries) {
            total.update(("library " + library).getBytes(StandardCharsets.UTF_8));
            total.update((byte) 0);
        }
        return HexFormat.of().formatHex(total.digest());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
