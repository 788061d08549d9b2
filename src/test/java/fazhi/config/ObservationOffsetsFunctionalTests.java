package fazhi.config;

import fazhi.extract.TextCleaner;
import fazhi.generate.CorpusGenerator;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.ChineseNumerals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fazhi.config.TestWarehouses.query;
import static fazhi.config.TestWarehouses.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code char_offset} points into the document as decoded (what {@code ./fazhi text FILE} prints): at that
 * offset stands the figure of the observation, as written in its evidence.
 */
class ObservationOffsetsFunctionalTests {
    /** A figure as written: digits (half- or full-width after normalisation), Chinese numerals, 百分之. */
    private static final Pattern FIGURE = Pattern.compile("^(百分之)?[0-9.,零〇○一二两三四五六七八九十百千万亿]+");

    @TempDir
    Path tmp;

    private final SubmissionReader reader = new SubmissionReader();
    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void theFigureOfEveryObservationStandsAtItsOffsetInTheSampleReportsAsDecoded() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");

        assertThat(run("ingest", input, warehouse).completed()).isTrue();

        Map<String, Integer> checked = checkOffsets(input, warehouse);
        assertThat(checked).hasSize(4);
        assertThat(checked.values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void theFigureStandsAtItsOffsetInPdfWordAndHtmlReportsToo() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(corpus, 12, 2022, 2023, 5));
        Path warehouse = tmp.resolve("wh");

        assertThat(run("ingest", corpus.resolve("reports"), warehouse).completed()).isTrue();

        Map<String, Integer> checked = checkOffsets(corpus.resolve("reports"), warehouse);
        Map<String, Integer> byFormat = new TreeMap<>();
        checked.forEach((file, n) -> byFormat.merge(file.substring(file.lastIndexOf('.') + 1), n, Integer::sum));
        assertThat(byFormat).containsKeys("pdf", "html");
    }

    /** @return observations checked per source file */
    private Map<String, Integer> checkOffsets(Path input, Path warehouse) throws Exception {
        List<List<String>> rows = query(warehouse, "SELECT source_file, char_offset, value, evidence, indicator"
                + " FROM observations WHERE value IS NOT NULL ORDER BY 1, 2");
        Map<String, String> decoded = new HashMap<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (List<String> r : rows) {
            String file = r.get(0);
            String text = decoded.computeIfAbsent(file, f -> {
                try {
                    return reader.read(input.resolve(f)).text();
                } catch (Exception e) {
                    throw new IllegalStateException(f, e);
                }
            });
            int offset = Integer.parseInt(r.get(1));
            assertThat(offset).as(r.toString()).isBetween(0, text.length() - 1);
            String at = cleaner.normalizeCharacters(text.substring(offset, Math.min(text.length(), offset + 30)));
            Matcher m = FIGURE.matcher(at);
            assertThat(m.find()).as("%s: no figure at offset, text there is '%s'", r, at).isTrue();
            String figure = m.group();
            String evidence = r.get(3);
            assertThat(evidence.replace(" ", "")).as(r.toString()).contains(figure.replace(" ", ""));
            String number = figure.replace(",", "").replace("百分之", "");
            ChineseNumerals.tryParse(number).ifPresent(v -> assertThat(v.compareTo(new BigDecimal(r.get(2))) == 0
                    || v.multiply(BigDecimal.valueOf(10_000)).compareTo(new BigDecimal(r.get(2))) == 0)
                    .as("%s: '%s' at the offset", r, figure).isTrue());
            checked.merge(file, 1, Integer::sum);
        }
        return checked;
    }
}
