package fazhi.bench;

import fazhi.generate.CorpusGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of the benchmarks: a small corpus made by the generator (seed 7, the same reports on every run),
 * in a temporary folder, or the folder named by -Dfazhi.bench.reports.
 */
final class GeneratedReports {
    private GeneratedReports() {
    }

    static Path folder() throws IOException {
        String given = System.getProperty("fazhi.bench.reports");
        if (given != null) {
            return Path.of(given);
        }
        Path out = Files.createTempDirectory("fazhi-jmh-");
        return CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(out, 20, 2021, 2023, 7)).reportsDir();
    }

    /** The report files of the folder with the given extension (e.g. "pdf"), in name order. */
    static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith("." + extension)).sorted().toList();
        }
    }

    static void deleteIfTemporary(Path reports) throws IOException {
        if (System.getProperty("fazhi.bench.reports") != null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(reports.getParent())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
