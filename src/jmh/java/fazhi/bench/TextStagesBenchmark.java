package fazhi.bench;

import fazhi.extract.CleanedText;
import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.ingest.SubmissionReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * clean and extract over the decoded text of a small generated corpus (all formats), all reports per
 * operation: the two text stages of the extraction step, each on its own input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextStagesBenchmark {
    private final TextCleaner cleaner = new TextCleaner();
    private final IndicatorExtractor extractor = new IndicatorExtractor(IndicatorCatalog.bundled());
    private final List<String> decoded = new ArrayList<>();
    private final List<String> cleaned = new ArrayList<>();

    @Setup(Level.Trial)
    public void decodeTheCorpus() throws Exception {
        Path reports = GeneratedReports.folder();
        SubmissionReader reader = new SubmissionReader();
        for (String format : List.of("txt", "html", "docx", "doc", "pdf")) {
            for (Path f : GeneratedReports.files(reports, format)) {
                String text = reader.read(f).text();
                decoded.add(text);
                cleaned.add(cleaner.cleanWithOffsets(text).text());
            }
        }
        GeneratedReports.deleteIfTemporary(reports);
    }

    @Benchmark
    public void clean(Blackhole sink) {
        for (String text : decoded) {
            CleanedText c = cleaner.cleanWithOffsets(text);
            sink.consume(c);
        }
    }

    @Benchmark
    public void extract(Blackhole sink) {
        for (String text : cleaned) {
            sink.consume(extractor.extract(text));
        }
    }
}
