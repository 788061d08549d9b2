package fazhi.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import fazhi.config.TestWarehouses;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;

/**
 * The development gold set (src/test/resources/gold, copied from shared/gold): clean → extract → normalize
 * → select on each seed report, scored as gold/README.md says: a predicted (document, indicator, value)
 * is correct when the value equals the gold value (relative tolerance 1e-9); a redacted prediction must
 * carry no value and the redacted qualifier. Optional gold rows are excluded from both sides: they are not
 * counted as gold, and a prediction equal to one is not counted as predicted.
 */
class GoldExtractionTest {

    private static final String[] DOCS = {
            "000_56675a8f06662fd9.txt", "001_698cc89598c5c7a3.txt", "002_3c2dc1afcfd2df07.txt",
            "003_f01752eb6ba1081d.txt", "004_1a52504bc4d5246d.txt"};

    record Key(String doc, String indicator, Double value) {
        boolean sameAs(Key o) {
            if (!doc.equals(o.doc) || !indicator.equals(o.indicator)) {
                return false;
            }
            if (value == null || o.value == null) {
                return value == null && o.value == null;
            }
            return Math.abs(value - o.value) <= 1e-9 * Math.max(Math.abs(value), Math.abs(o.value));
        }

        @Override
        public String toString() {
            return indicator + "=" + (value == null ? "X" : value);
        }
    }

    @Test
    void seedReportsAreExtractedWithF1OfAtLeast097() throws IOException {
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        TextCleaner cleaner = new TextCleaner();
        IndicatorExtractor extractor = new IndicatorExtractor(catalog);
        MentionNormalizer normalizer = new MentionNormalizer(catalog);
        CanonicalSelector selector = new CanonicalSelector();

        List<Key> gold = new ArrayList<>();
        List<Key> optional = new ArrayList<>();
        for (String line : read("/gold/seeds-gold.csv").split("\n")) {
            String[] c = line.split(",", -1);
            if (c[0].equals("doc") || c.length < 5) {
                continue;
            }
            Key k = new Key(c[0], c[1], c[2].isEmpty() ? null : Double.valueOf(c[2]));
            if (c[3].equals("redacted") && k.value() != null) {
                throw new IllegalStateException("redacted gold row with a value: " + line);
            }
            (c[4].equals("yes") ? optional : gold).add(k);
        }

        int predicted = 0;
        int correct = 0;
        for (String doc : DOCS) {
            String clean = cleaner.clean(Files.readString(TestWarehouses.sampleReport(doc), StandardCharsets.UTF_8));
            List<Mention> chosen = selector.select(normalizer.normalize(extractor.extract(clean)));
            Set<Key> matchedGold = new HashSet<>();
            List<String> wrong = new ArrayList<>();
            for (Mention m : chosen) {
                // the redacted marker and the value must agree
                Double v = m.qualifier() == Qualifier.REDACTED ? null : m.value();
                if (m.qualifier() == Qualifier.REDACTED && m.value() != null) {
                    v = Double.NaN;
                }
                Key k = new Key(doc, m.indicator(), v);
                if (optional.stream().anyMatch(k::sameAs)) {
                    continue;
                }
                predicted++;
                Key hit = gold.stream().filter(k::sameAs).findFirst().orElse(null);
                if (hit != null) {
                    correct++;
                    matchedGold.add(hit);
                } else {
                    wrong.add(k + "  <- " + m.evidence().substring(0, Math.min(60, m.evidence().length())));
                }
            }
            Set<String> missed = new TreeSet<>();
            for (Key g : gold) {
                if (g.doc().equals(doc) && !matchedGold.contains(g)) {
                    missed.add(g.toString());
                }
            }
            System.out.printf("%s: %d chosen, wrong %s, missed %s%n", doc, chosen.size(), wrong, missed);
        }
        double precision = predicted == 0 ? 0 : (double) correct / predicted;
        double recall = (double) correct / gold.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf("gold: predicted=%d correct=%d gold=%d precision=%.4f recall=%.4f F1=%.4f%n",
                predicted, correct, gold.size(), precision, recall, f1);
        // Every seed figure is found and nothing else: a floor of F1 0.97 let two lost figures (a district rule taking
        // 移交县政府 for a district's name) through three merges; a change that loses one must say why here.
        assertThat(precision).as("gold precision").isEqualTo(1.0);
        assertThat(recall).as("gold recall").isEqualTo(1.0);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(GoldExtractionTest.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
