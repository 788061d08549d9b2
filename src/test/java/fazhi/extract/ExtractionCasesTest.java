package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.Qualifier;

/**
 * The case corpus under src/test/resources/cases/extraction/*.csv (see its README): each row is one short
 * text run through clean → extract → normalize → select, and the canonical figure of the named indicator
 * must be the expected one (or absent when the expected value is {@code nothing}).
 */
class ExtractionCasesTest {

    private static final IndicatorCatalog CATALOG = IndicatorCatalog.bundled();
    private static final TextCleaner CLEANER = new TextCleaner();
    private static final IndicatorExtractor EXTRACTOR = new IndicatorExtractor(CATALOG);
    private static final MentionNormalizer NORMALIZER = new MentionNormalizer(CATALOG);
    private static final CanonicalSelector SELECTOR = new CanonicalSelector();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(ExtractionCasesTest.class.getResource("/cases/extraction")).toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    List<String> c = parseCsvLine(lines.get(i));
                    if (c.size() < 5 || c.size() > 7) {
                        throw new IllegalStateException(file.getFileName() + ":" + (i + 1) + " has " + c.size() + " columns");
                    }
                    Integer reportYear = c.size() >= 6 && !c.get(5).isBlank() ? Integer.valueOf(c.get(5).strip()) : null;
                    String regionCode = c.size() == 7 && !c.get(6).isBlank() ? c.get(6).strip() : null;
                    out.add(Arguments.of(c.get(0), c.get(1).replace("\\n", "\n"), c.get(2), c.get(3), c.get(4),
                            reportYear, regionCode));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}={3} {4} (report year {5}, region {6})")
    @MethodSource("cases")
    void extractsTheExpectedCanonicalFigure(String group, String sentence, String indicator, String value,
                                            String qualifier, Integer reportYear, String regionCode) {
        assertThat(CATALOG.byCode(indicator)).as("indicator code %s", indicator).isPresent();
        String clean = CLEANER.clean(sentence);
        List<Mention> chosen = SELECTOR.select(NORMALIZER.normalize(EXTRACTOR.extract(clean, reportYear,
                EXTRACTOR.reportLevelOf(regionCode))));
        Optional<Mention> got = chosen.stream().filter(m -> m.indicator().equals(indicator)).findFirst();
        if (value.equals("nothing")) {
            assertThat(got).as("no figure for %s in: %s", indicator, sentence).isEmpty();
            return;
        }
        assertThat(got).as("a figure for %s in: %s (got %s)", indicator, sentence, chosen).isPresent();
        Mention m = got.get();
        if (qualifier.equals("redacted")) {
            assertThat(m.qualifier()).isEqualTo(Qualifier.REDACTED);
            assertThat(m.value()).isNull();
        } else {
            assertThat(m.value()).as("value of %s (%s)", indicator, m.rule()).isEqualTo(Double.parseDouble(value));
            assertThat(m.qualifier().code()).as("qualifier of %s", indicator).isEqualTo(qualifier);
        }
    }

    /** RFC 4180 fields of one line (no line breaks inside quotes; they are written as \n). */
    static List<String> parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
