package fazhi.cli;

import fazhi.generate.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "generate", header = "Write a SYNTHETIC corpus of reports with its ground truth.", mixinStandardHelpOptions = true,
        description = {"Write a SYNTHETIC corpus of county rule-of-law reports with its ground truth: N real county-level region codes spread over provinces like the real ones, a panel of the core indicators over the years (trends, noise, gaps, injected outliers), rendered as .txt (UTF-8 or GB18030), .html and .docx reports in the styles of the real ones. OUT/reports/ (with manifest.csv) is an input folder for `fazhi run --input`; OUT/truth/ holds observations.csv, outliers.csv and surfaces.csv. Same seed, same bytes.",
                "Exit codes: 0 written, 1 failed, 2 bad arguments."})
public class GenerateCommand implements Callable<Integer> {
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder: missing, empty, or an earlier generated corpus (replaced)")
    Path out;

    @Option(names = "--counties", required = true, paramLabel = "N", description = "number of counties (1 to 2846)")
    int counties;

    @Option(names = "--years", required = true, paramLabel = "A-B", description = "years reported on, e.g. 2019-2023")
    String years;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        Matcher m = YEARS.matcher(years.trim());
        if (!m.matches()) {
            System.err.println("fazhi generate: --years must look like 2019-2023, got " + years);
            return ExitCodes.USAGE;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to || from < 1990 || to > 2100) {
            System.err.println("fazhi generate: bad year range " + years);
            return ExitCodes.USAGE;
        }
        CorpusGenerator.Summary s;
        try {
            long[] lastPrint = {System.nanoTime()};
            s = CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(out, counties, from, to, seed),
                    (done, total, reports, bytes) -> {
                        long now = System.nanoTime();
                        if (Verbosity.current() != Verbosity.QUIET && (now - lastPrint[0] > 2_000_000_000L || done == total)) {
                            lastPrint[0] = now;
                            System.err.printf("\rgenerate: %d/%d counties, %d reports, %.1f MB", done, total,
                                    reports, bytes / 1e6);
                            if (done == total) {
                                System.err.println();
                            }
                        }
                    });
        } catch (IllegalArgumentException e) {
            System.err.println("fazhi generate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        System.out.printf("SYNTHETIC corpus: %d counties, %d reports, %.1f MB in %.1f s (%.1f MB/s)%n",
                s.counties(), s.reports(), s.bytes() / 1e6, s.seconds(), s.megabytesPerSecond());
        StringBuilder fmt = new StringBuilder();
        for (Map.Entry<String, Integer> e : s.files().entrySet()) {
            fmt.append(fmt.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        System.out.println("files: " + fmt);
        System.out.printf("truth: %d observations, %d injected outliers%n", s.observations(), s.outliers());
        System.out.println("reports: " + s.reportsDir() + " (manifest.csv inside)");
        System.out.println("truth:   " + s.out().resolve("truth"));
        return ExitCodes.OK;
    }
}
