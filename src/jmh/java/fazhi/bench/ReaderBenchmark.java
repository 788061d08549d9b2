package fazhi.bench;

import fazhi.ingest.SubmissionReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** read and decode: the generated reports of one format, bytes to text, all of them per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmark {
    @Param({"txt", "html", "docx", "doc", "pdf"})
    public String format;

    private final SubmissionReader reader = new SubmissionReader();
    private Path reports;
    private List<Path> files;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        reports = GeneratedReports.folder();
        files = GeneratedReports.files(reports, format);
    }

    @TearDown(Level.Trial)
    public void delete() throws Exception {
        GeneratedReports.deleteIfTemporary(reports);
    }

    @Benchmark
    public void readAll(Blackhole sink) throws Exception {
        for (Path f : files) {
            sink.consume(reader.read(f).text());
        }
    }
}
