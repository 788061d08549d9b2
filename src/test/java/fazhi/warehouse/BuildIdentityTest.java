package fazhi.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's identity in a version's fingerprint: the jar's content, never its time or its layout. */
class BuildIdentityTest {
    private static final List<String> LIBRARIES = List.of("h2-2.4.240.jar", "duckdb_jdbc-1.4.2.0.jar");

    @TempDir
    Path dir;

    private static Map<String, String> ownFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("fazhi/cli/FazhiMain.class", "main class bytes");
        files.put("schema/indicators.yaml", "indicators: []");
        files.put("logback.xml", "<configuration/>");
        files.put("META-INF/maven/fazhi/fazhi/pom.properties", "version=0.1.0");
        return files;
    }

    /** A jar as Spring Boot packages it: own files under BOOT-INF/classes/, libraries listed in classpath.idx. */
    private Path bootJar(String name, Map<String, String> files, List<String> libraries, long time) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("org/springframework/boot/loader/launch/JarLauncher.class", "loader " + time);
        files.forEach((file, text) -> entries.put(file.startsWith("META-INF/") ? file : "BOOT-INF/classes/" + file, text));
        StringBuilder index = new StringBuilder();
        for (String library : libraries) {
            entries.put("BOOT-INF/lib/" + library, "library bytes of " + library);
            index.append("- \"BOOT-INF/lib/").append(library).append("\"\n");
        }
        entries.put("BOOT-INF/lib/spring-boot-jarmode-tools-4.0.7.jar", "tools");
        entries.put("BOOT-INF/classpath.idx", index.toString());
        return jar(name, entries, null, time);
    }

    /** The plain jar the launcher's fast start extracts from it: own files at the root, libraries in Class-Path. */
    private Path plainJar(String name, Map<String, String> files, List<String> libraries, long time) throws IOException {
        List<String> reversed = new ArrayList<>(files.keySet());
        java.util.Collections.reverse(reversed);
        Map<String, String> entries = new LinkedHashMap<>();
        reversed.forEach(f -> entries.put(f, files.get(f)));
        return jar(name, entries, String.join(" ", libraries.stream().map(l -> "lib/" + l).toList()), time);
    }

    private Path jar(String name, Map<String, String> entries, String classPath, long time) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Build-Time"), String.valueOf(time));
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(time));
        return jar;
    }

    @Test
    void aRebuildOfTheSameSourcesAtAnotherTimeIsTheSameBuild() throws IOException {
        Path first = bootJar("first.jar", ownFiles(), LIBRARIES, 1_000_000L);
        Path second = bootJar("second.jar", ownFiles(), LIBRARIES, 9_000_000L);

        assertThat(BuildIdentity.ofJar(second)).isEqualTo(BuildIdentity.ofJar(first)).matches("[0-9a-f]{64}");
    }

    @Test
    void theFastStartsExtractedJarIsTheSameBuildAsSpringBootsJar() throws IOException {
        Path boot = bootJar("fazhi.jar", ownFiles(), LIBRARIES, 1_000_000L);
        Path extracted = plainJar("extracted.jar", ownFiles(), LIBRARIES, 5_000_000L);

        assertThat(BuildIdentity.ofJar(extracted)).isEqualTo(BuildIdentity.ofJar(boot));
    }

    @Test
    void aChangedClassOrKnowledgeFileIsAnotherBuild() throws IOException {
        Path before = bootJar("before.jar", ownFiles(), LIBRARIES, 1_000_000L);
        Map<String, String> changedClass = ownFiles();
        changedClass.put("fazhi/cli/FazhiMain.class", "main class bytes, changed");
        Map<String, String> addedFile = ownFiles();
        addedFile.put("jobs/ranking-default.yaml", "weights: {}");

        assertThat(BuildIdentity.ofJar(bootJar("class.jar", changedClass, LIBRARIES, 1_000_000L)))
                .isNotEqualTo(BuildIdentity.ofJar(before));
        assertThat(BuildIdentity.ofJar(bootJar("added.jar", addedFile, LIBRARIES, 1_000_000L)))
                .isNotEqualTo(BuildIdentity.ofJar(before));
    }

    @Test
    void aClassChangedInPlaceWithTheSameSizeIsAnotherBuild() throws IOException {
        Path before = bootJar("before.jar", ownFiles(), LIBRARIES, 1_000_000L);
        Map<String, String> sameSize = ownFiles();
        sameSize.put("fazhi/cli/FazhiMain.class", "main class byteS");

        assertThat(BuildIdentity.ofJar(bootJar("same-size.jar", sameSize, LIBRARIES, 1_000_000L)))
                .isNotEqualTo(BuildIdentity.ofJar(before));
    }

    @Test
    void anotherVersionOfALibraryIsAnotherBuild() throws IOException {
        Path before = plainJar("before.jar", ownFiles(), LIBRARIES, 1_000_000L);
        Path upgraded = plainJar("after.jar", ownFiles(), List.of("h2-2.4.240.jar", "duckdb_jdbc-1.5.0.0.jar"),
                1_000_000L);

        assertThat(BuildIdentity.ofJar(upgraded)).isNotEqualTo(BuildIdentity.ofJar(before));
    }
}
