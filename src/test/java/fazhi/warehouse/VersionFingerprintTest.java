package fazhi.warehouse;

import fazhi.reference.KnowledgeFiles;
import fazhi.warehouse.VersionFingerprint.KnowledgeFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionFingerprintTest {
    private static final String JAR = "0.1.0 " + VersionFingerprint.JAR_BUILD + "4a15ea0ebf28";
    private static final String REGIONS = "schema/regions.csv";

    @TempDir
    Path catalog;

    @AfterEach
    void bundledKnowledge() {
        KnowledgeFiles.useBundled();
    }

    private static VersionFingerprint madeBy(String build) {
        return new VersionFingerprint(build, "none", List.of(new KnowledgeFile(REGIONS, "as-the-version-read-it",
                KnowledgeFiles.BUNDLED)));
    }

    private static String hashNow(VersionFingerprint made, String build) {
        return VersionFingerprint.knowledgeNow(made, build).get(0).sha256();
    }

    @Test
    void aBundledFileOfTheSameJarIsTheFileTheVersionRead() {
        assertThat(hashNow(madeBy(JAR), JAR)).isEqualTo("as-the-version-read-it");
    }

    @Test
    void anotherBuildOrAClassFolderHashesTheFile() {
        String regions = KnowledgeFiles.peek(REGIONS).sha256();

        assertThat(hashNow(madeBy(JAR), JAR.replace("4a15", "5b26"))).isEqualTo(regions);
        assertThat(hashNow(madeBy("source /work/target/classes"), "source /work/target/classes")).isEqualTo(regions);
    }

    @Test
    void anEditedCopyIsHashedEvenWithTheSameJar() throws Exception {
        Files.createDirectories(catalog.resolve("schema"));
        Files.writeString(catalog.resolve(REGIONS), "code,name,level\n");
        KnowledgeFiles.use(catalog, null);

        List<KnowledgeFile> now = VersionFingerprint.knowledgeNow(madeBy(JAR), JAR);

        assertThat(now.get(0).sha256()).isEqualTo(KnowledgeFiles.sha256("code,name,level\n".getBytes()));
        assertThat(now.get(0).source()).isNotEqualTo(KnowledgeFiles.BUNDLED);
    }

    @Test
    void fingerprintsAreEqualExactlyWhenEveryPartIs() {
        VersionFingerprint made = madeBy(JAR);
        assertThat(madeBy(JAR)).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(madeBy(JAR + "0")).isNotEqualTo(made);
        assertThat(new VersionFingerprint(JAR, "other", made.knowledge())).isNotEqualTo(made);
        assertThat(new VersionFingerprint(JAR, "none", List.of(new KnowledgeFile(REGIONS, "as-the-version-read-it",
                "catalog")))).isNotEqualTo(made);
        assertThat(new VersionFingerprint(JAR, "none", List.of())).isNotEqualTo(made);
        assertThat(new VersionFingerprint(null, null, List.of())).isEqualTo(new VersionFingerprint(null, null, List.of()));
        assertThat(made).isNotEqualTo(null).isNotEqualTo("none");
    }
}
