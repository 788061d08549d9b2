package fazhi.extract;

import fazhi.reference.IndicatorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * The real-phrasing corpus (src/test/resources/cases/real/*.yaml, format in its README): each case is
 * cleaned, extracted with its year, normalized and selected, and the WHOLE set of canonical figures is
 * compared with the case's figures as (indicator, value) pairs; a stray figure is a false positive, a
 * missing one a false negative. A case whose number is divisible by 5 is held out: its split is scored in
 * aggregate only and its cases are never printed, so tuning cannot look at them. The floors are on the
 * aggregate numbers, a little below what the extractor reaches.
 */
class RealPhrasingCorpusTest {

    // 0.975 until sets 9-12; 0.9840 reached with them, 0.9856 with sets 13-17; 0.98 until sets 44-46, 0.9775 with them
    // (the earlier cases read exactly as before; their new tuning failures, each with its reason in the corpus's doc,
    // are a year-to-date news page read as the year and 办理 read before 受理), 0.978 with 47-48; 0.975 until sets
    // 52-53, about 0.966 with them (the earlier cases read as before; their tuning strays are in the doc)
    private static final double TUNING_PRECISION_FLOOR = 0.96;
    // 0.96 until sets 9-12, 0.975 until sets 13-17; 0.9917 reached with them and the fixes they led to; 0.985 until
    // sets 47-48, about 0.981 with them (the earlier cases read exactly as before; their new misses are in the doc);
    // 0.98 until sets 50-51, 0.979 with them; 0.975 until sets 52-53, about 0.973 with them
    private static final double TUNING_RECALL_FLOOR = 0.97;
    // 0.84 until sets 9-12, 0.855 until sets 13-17, 0.87 until sets 24-26; 0.8785 reached with sets 13-17, 0.8739 with
    // 23, 0.8555 with 24-26, whose held-out cases (towns' and bureaus' reports, traps; never tuned on) add 8 strays;
    // 0.85 until sets 38-43, 0.8447 with them (their 27 held-out cases: 2 figures, one read, one missed, 3 strays);
    // 0.84 until sets 44-46, 0.8378 with them (their 16 held-out cases: one figure, read wrong, and one stray).
    // Lowered because new held-out cases are honest measurement, not a regression of the earlier ones (they read as before).
    private static final double HOLDOUT_F1_FLOOR = 0.83;

    /** System property: a glob on the file names (e.g. *-3.yaml) to score those files only, floors not applied. */
    private static final String FILTER = "real.cases";

    private static final Pattern ID = Pattern.compile("([a-z0-9-]+)-([0-9]{3})");
    private static final Pattern FIGURE = Pattern.compile(
            "([a-z0-9_]+) +(redacted|-?[0-9]+(?:\\.[0-9]+)?)(?: +(at_least|approx|at_most))?");

    /** -Dreal.cases=<glob on the file name, e.g. *-4.yaml>: score only those files (a first run on new cases). */

    private static final IndicatorCatalog CATALOG = IndicatorCatalog.bundled();
    private static final TextCleaner CLEANER = new TextCleaner();
    private static final IndicatorExtractor EXTRACTOR = new IndicatorExtractor(CATALOG);
    private static final MentionNormalizer NORMALIZER = new MentionNormalizer(CATALOG);
    private static final CanonicalSelector SELECTOR = new CanonicalSelector();

    /** A figure of a case: the value is null for a placeholder ("redacted"). */
    record Figure(String indicator, Double value) {
        boolean sameAs(Figure o) {
            if (!indicator.equals(o.indicator)) {
                return false;
            }
            if (value == null || o.value == null) {
                return value == null && o.value == null;
            }
            return Math.abs(value - o.value) <= 1e-9 * Math.max(1, Math.max(Math.abs(value), Math.abs(o.value)));
        }

        @Override
        public String toString() {
            return indicator + " " + (value == null ? "redacted" : value % 1 == 0 ? String.valueOf(value.longValue())
                    : String.valueOf(value));
        }
    }

    record Case(String id, int number, int year, String regionCode, String text, List<Figure> figures) {
        boolean holdout() {
            return number % 5 == 0;
        }
    }

    /** Counts of one split, with each case's counts kept for the interval. */
    static final class Score {
        /** resamples of the bootstrap interval; fixed seed, so the printed interval is the same every run */
        private static final int RESAMPLES = 2_000;
        private static final long SEED = 20_261_202L;

        int cases;
        int passed;
        int expected;
        int predicted;
        int correct;
        /** per case: expected, predicted, correct */
        private final List<int[]> perCase = new ArrayList<>();

        void add(int caseExpected, int casePredicted, int caseCorrect, boolean pass) {
            cases++;
            expected += caseExpected;
            predicted += casePredicted;
            correct += caseCorrect;
            if (pass) {
                passed++;
            }
            perCase.add(new int[] {caseExpected, casePredicted, caseCorrect});
        }

        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String line(String split) {
            return String.format("%s: %d cases, %d pass whole; expected %d, predicted %d, correct %d: "
                            + "precision %.4f, recall %.4f, F1 %.4f; %s", split, cases, passed, expected, predicted, correct,
                    precision(), recall(), f1(), interval());
        }

        /**
         * The 95% percentile bootstrap interval of precision, recall and F1, cases resampled with replacement: the
         * figures of one case share its text and are not independent, so the case is the unit. A held-out split of a
         * few hundred cases measures to a few points, and the interval says how many.
         */
        String interval() {
            if (perCase.isEmpty()) {
                return "no cases";
            }
            double[] p = new double[RESAMPLES];
            double[] r = new double[RESAMPLES];
            double[] f = new double[RESAMPLES];
            SplittableRandom random = new SplittableRandom(SEED);
            for (int i = 0; i < RESAMPLES; i++) {
                Score resample = new Score();
                for (int k = 0; k < cases; k++) {
                    int[] one = perCase.get(random.nextInt(cases));
                    resample.expected += one[0];
                    resample.predicted += one[1];
                    resample.correct += one[2];
                }
                p[i] = resample.precision();
                r[i] = resample.recall();
                f[i] = resample.f1();
            }
            return String.format("95%% interval (%d resamples of the cases): precision %s, recall %s, F1 %s",
                    RESAMPLES, bounds(p), bounds(r), bounds(f));
        }

        private static String bounds(double[] values) {
            Arrays.sort(values);
            return String.format("[%.3f, %.3f]", values[(int) Math.floor(0.025 * (values.length - 1))],
                    values[(int) Math.ceil(0.975 * (values.length - 1))]);
        }
    }

    @Test
    void realPhrasingsAreExtractedAboveTheFloors() throws IOException, URISyntaxException {
        List<Case> cases = load();
        Score tuning = new Score();
        Score holdout = new Score();
        StringBuilder failures = new StringBuilder();
        for (Case c : cases) {
            String clean = CLEANER.clean(c.text());
            List<Mention> chosen = SELECTOR.select(NORMALIZER.normalize(EXTRACTOR.extract(clean, c.year(),
                    EXTRACTOR.reportLevelOf(c.regionCode()))));
            List<Figure> got = new ArrayList<>();
            for (Mention m : chosen) {
                got.add(new Figure(m.indicator(), m.qualifier() == Qualifier.REDACTED ? null : m.value()));
            }
            int correct = 0;
            List<Figure> unmatched = new ArrayList<>(c.figures());
            List<Figure> stray = new ArrayList<>();
            for (Figure g : got) {
                Figure hit = unmatched.stream().filter(g::sameAs).findFirst().orElse(null);
                if (hit != null) {
                    unmatched.remove(hit);
                    correct++;
                } else {
                    stray.add(g);
                }
            }
            boolean pass = unmatched.isEmpty() && stray.isEmpty();
            (c.holdout() ? holdout : tuning).add(c.figures().size(), got.size(), correct, pass);
            if (!pass && !c.holdout()) {
                failures.append(String.format("%s (%d)%n  text:     %s%n  expected: %s%n  got:      %s%n  missing:  %s"
                                + "%n  stray:    %s%n  rules:    %s%n", c.id(), c.year(), c.text().strip().replace("\n", "⏎"),
                        c.figures(), got, unmatched, stray, chosen.stream().map(Mention::rule).toList()));
            }
        }
        System.out.print(failures);
        System.out.println(tuning.line("tuning"));
        System.out.println(holdout.line("holdout"));
        if (filtered()) {
            // a run on some files only (-Dreal.cases=<glob>): first-run numbers of new files, no floor applies
            assertThat(cases).as("cases of the files matching " + System.getProperty(FILTER)).isNotEmpty();
            return;
        }
        assertThat(cases).as("cases in the corpus").hasSizeGreaterThanOrEqualTo(300);
        assertThat(tuning.precision()).as("tuning precision").isGreaterThanOrEqualTo(TUNING_PRECISION_FLOOR);
        assertThat(tuning.recall()).as("tuning recall").isGreaterThanOrEqualTo(TUNING_RECALL_FLOOR);
        assertThat(holdout.f1()).as("holdout F1").isGreaterThanOrEqualTo(HOLDOUT_F1_FLOOR);
    }

    private static boolean filtered() {
        String glob = System.getProperty(FILTER);
        return glob != null && !glob.isBlank();
    }

    /** Every case of every file; a case that breaks the format fails with its file and id. */
    static List<Case> load() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(RealPhrasingCorpusTest.class.getResource("/cases/real")).toURI());
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            PathMatcher only = dir.getFileSystem().getPathMatcher("glob:" + (filtered()
                    ? System.getProperty(FILTER).strip() : "*.yaml"));
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> only.matches(p.getFileName())).sorted().toList()) {
                String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                JsonNode root;
                try (InputStream in = Files.newInputStream(file)) {
                    root = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(in);
                }
                for (JsonNode n : root.path("cases")) {
                    out.add(parse(file.getFileName().toString(), stem, n));
                }
            }
        }
        return out;
    }

    private static Case parse(String file, String stem, JsonNode n) {
        String id = n.path("id").asString();
        Matcher m = ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(stem)) {
            throw new IllegalStateException(file + ": case id '" + id + "' is not " + stem + "-NNN");
        }
        if (!n.path("year").isInt() || n.path("text").asString().isBlank()) {
            throw new IllegalStateException(file + " " + id + ": a year and a text are required");
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : n.path("figures")) {
            Matcher fm = FIGURE.matcher(f.asString().strip());
            if (!fm.matches() || CATALOG.byCode(fm.group(1)).isEmpty()) {
                throw new IllegalStateException(file + " " + id + ": figure '" + f.asString() + "' is not "
                        + "'<catalog indicator> <value>|redacted [qualifier]'");
            }
            figures.add(new Figure(fm.group(1), fm.group(2).equals("redacted") ? null : Double.valueOf(fm.group(2))));
        }
        String regionCode = n.path("region_code").isMissingNode() ? null : n.path("region_code").asString().strip();
        return new Case(id, Integer.parseInt(m.group(2)), n.path("year").asInt(), regionCode,
                n.path("text").asString(), figures);
    }
}
