package fazhi.ingest;

import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.generate.CorpusGenerator;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the PDF layout repair is worth on the generator's PDFs (printed as office software prints: 28
 * characters a line, running headers, page numbers, wrapped table labels): the figures of the truth read back
 * with the repair, and without it (the lines as printed). Prints the counts.
 */
class PdfRepairOnGeneratedReportsTest {
    @TempDir
    static Path tmp;

    static final Map<String, Integer> years = new HashMap<>();
    static final Map<String, List<String[]>> truthByFile = new HashMap<>();
    static final List<Path> pdfs = new ArrayList<>();
    static Path reports;

    private final TextCleaner cleaner = new TextCleaner();
    private final IndicatorCatalog catalog = IndicatorCatalog.bundled();
    private final IndicatorExtractor extractor = new IndicatorExtractor(catalog);
    private final MentionNormalizer normalizer = new MentionNormalizer(catalog);
    private final CanonicalSelector selector = new CanonicalSelector();

    @BeforeAll
    static void generate() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(corpus, 60, 2021, 2023, 17));
        reports = corpus.resolve("reports");
        List<String> surfaces = Files.readAllLines(corpus.resolve("truth/surfaces.csv"), StandardCharsets.UTF_8);
        for (String line : surfaces.subList(1, surfaces.size())) {
            String[] f = csv(line);
            if (f[0].endsWith(".pdf")) {
                truthByFile.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[3], f[4]});
                years.put(f[0], Integer.parseInt(f[2]));
            }
        }
        for (String file : truthByFile.keySet()) {
            pdfs.add(reports.resolve(file));
        }
    }

    /** Fields of one CSV line (quotes as written by the generator). */
    private static String[] csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }

    /** {truth figures, figures read back, figures predicted} over all PDFs, with the given layout. */
    private long[] readBack(PdfLayout layout, long[] repairs) throws Exception {
        long truth = 0;
        long correct = 0;
        long predicted = 0;
        for (Path pdf : pdfs) {
            String file = reports.relativize(pdf).toString().replace('\\', '/');
            PdfLayout.Result r = PdfTextExtractor.extract(Files.readAllBytes(pdf), layout);
            if (repairs != null) {
                repairs[0] += r.repairs().joinedLines();
                repairs[1] += r.repairs().joinedInsideWords();
                repairs[2] += r.repairs().droppedRunningLines();
                repairs[3] += r.repairs().droppedPageNumbers();
                repairs[4] += r.repairs().wrappedCells();
            }
            List<Mention> chosen = selector.select(normalizer.normalize(
                    extractor.extract(cleaner.clean(r.text()), years.get(file))));
            Map<String, Double> got = new HashMap<>();
            for (Mention m : chosen) {
                got.put(m.indicator(), m.value());
            }
            predicted += got.size();
            for (String[] t : truthByFile.get(file)) {
                truth++;
                Double v = got.get(t[0]);
                if (v != null && Math.abs(v - Double.parseDouble(t[1])) <= 1e-9 * Math.max(1, Math.abs(v))) {
                    correct++;
                }
            }
        }
        return new long[] {truth, correct, predicted};
    }

    @Test
    void theRepairRecoversTheFiguresThatPrintedLinesBreak() throws Exception {
        long[] repairs = new long[5];
        long[] repaired = readBack(PdfLayout.bundled(), repairs);
        long[] printed = readBack(PdfLayout.bundled().withoutRepair(), null);

        double recall = (double) repaired[1] / repaired[0];
        double precision = (double) repaired[1] / repaired[2];
        double printedRecall = (double) printed[1] / printed[0];
        System.out.printf(Locale.ROOT, "PDF layout repair on %d generated PDFs: %d line breaks removed (%d inside a"
                        + " word between two CJK characters), %d running-header lines and %d page numbers dropped,"
                        + " %d wrapped table labels put back%n", pdfs.size(), repairs[0], repairs[1], repairs[2],
                repairs[3], repairs[4]);
        System.out.printf(Locale.ROOT, "truth figures %d: with the repair %d read back (recall %.4f, precision %.4f);"
                        + " lines as printed %d (recall %.4f, precision %.4f)%n", repaired[0], repaired[1], recall,
                precision, printed[1], printedRecall, (double) printed[1] / Math.max(1, printed[2]));

        assertThat(pdfs).hasSizeGreaterThan(20);
        assertThat(repairs[1]).isPositive();
        assertThat(recall).isGreaterThanOrEqualTo(0.98);
        assertThat(precision).isGreaterThanOrEqualTo(0.99);
        assertThat(recall).isGreaterThan(printedRecall);
    }
}
