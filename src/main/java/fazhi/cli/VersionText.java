package fazhi.cli;

import fazhi.reference.KnowledgeFiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code fazhi --version}: the version, and the SHA-256 (first 12 hex digits) of every knowledge file bundled in the
 * jar (schema/*.yaml|csv, jobs/*.yaml), so that two installations that extract differently can be told apart even
 * when their version is the same.
 */
final class VersionText implements IVersionProvider {
    static final List<String> KNOWLEDGE = List.of("schema/*.yaml", "schema/*.csv", "jobs/*.yaml");

    @Override
    public String[] getVersion() throws IOException {
        List<String> lines = new ArrayList<>();
        String version = FazhiMain.class.getPackage().getImplementationVersion();
        lines.add("fazhi " + (version == null ? "(built from source, no jar manifest)" : version));
        lines.add("knowledge files (sha-256, first 12 digits):");
        var resolver = new PathMatchingResourcePatternResolver(VersionText.class.getClassLoader());
        List<Resource> files = new ArrayList<>();
        for (String pattern : KNOWLEDGE) {
            files.addAll(List.of(resolver.getResources("classpath:" + pattern)));
        }
        files.sort(Comparator.comparing(VersionText::name));
        for (Resource file : files) {
            lines.add(String.format("  %s  %s", sha256(file).substring(0, 12), name(file)));
        }
        return lines.toArray(String[]::new);
    }

    /** schema/indicators.yaml: the path under the classpath root. */
    private static String name(Resource r) {
        try {
            String url = r.getURL().toString();
            int at = Math.max(url.lastIndexOf("/schema/"), url.lastIndexOf("/jobs/"));
            return url.substring(at + 1);
        } catch (IOException e) {
            return r.getFilename();
        }
    }

    private static String sha256(Resource r) throws IOException {
        try (InputStream in = r.getInputStream()) {
            return KnowledgeFiles.sha256(in.readAllBytes());
        }
    }
}
