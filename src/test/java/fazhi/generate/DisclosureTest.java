package fazhi.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generator discloses indicators as often as real reports do (schema/generator/disclosure.csv). */
class DisclosureTest {
    /** the twelve indicators of jobs/ranking-default.yaml */
    static final List<String> FRAMEWORK = List.of("head_appearance_rate", "litigation_win_rate",
            "recon_correction_rate", "recon_settlement_rate", "normdoc_filing_rate", "online_service_rate",
            "hotline_response_rate", "hotline_completion_rate", "hotline_satisfaction_rate", "mediation_success_rate",
            "major_decision_reviews", "legal_opinions");

    @Test
    void everyShareFollowsFromItsCountsByTheDocumentedFormula(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("disclosure.csv");
        try (InputStream in = getClass().getResourceAsStream(Disclosure.RESOURCE)) {
            Files.copy(in, copy);
        }
        List<List<String>> rows = ReadBack.csv(copy);
        assertThat(String.join(",", rows.get(0))).isEqualTo(Disclosure.HEADER);
        for (List<String> r : rows.subList(1, rows.size())) {
            double full = Double.parseDouble(r.get(1));
            double fullYes = Double.parseDouble(r.get(2));
            double openings = Double.parseDouble(r.get(3));
            double openingsYes = Double.parseDouble(r.get(4));
            double visibility = Double.parseDouble(r.get(5));
            double expected = Math.min(1, (fullYes + openingsYes + 0.5) / (full + openings * visibility + 1));
            assertThat(Double.parseDouble(r.get(6))).as(r.get(0)).isCloseTo(expected, within(5e-4));   // visibility is rounded to 4 decimals
        }
        assertThat(rows).hasSize(Disclosure.bundled().shares().size() + 1);
    }

    @Test
    void givenTheRealMode_whenGenerated_thenReportsDiscloseWithTheTableShares(@TempDir Path tmp) throws IOException {
        Disclosure table = Disclosure.bundled();
        Map<String, Double> real = frequencies(tmp.resolve("real"), false);
        double framework = FRAMEWORK.stream().mapToDouble(c -> real.getOrDefault(c, 0.0)).sum();
        double expected = FRAMEWORK.stream().mapToDouble(table::share).sum();
        // 3.4 of 12 in the table; what a generated report states, on average
        assertThat(framework).isCloseTo(expected, within(0.8));
        double meanAbsoluteError = table.shares().entrySet().stream()
                .mapToDouble(e -> Math.abs(real.getOrDefault(e.getKey(), 0.0) - e.getValue())).average().orElseThrow();
        assertThat(meanAbsoluteError).isLessThan(0.06);

        Map<String, Double> dense = frequencies(tmp.resolve("dense"), true);
        double denseFramework = FRAMEWORK.stream().mapToDouble(c -> dense.getOrDefault(c, 0.0)).sum();
        assertThat(denseFramework).as("the dense mode discloses far more").isGreaterThan(framework + 3);
    }

    /** indicator → share of the generated reports whose truth lists it */
    private static Map<String, Double> frequencies(Path dir, boolean dense) throws IOException {
        CorpusGenerator.Options o = CorpusGenerator.Options.of(dir, 150, 2022, 2023, 3);
        CorpusGenerator.Summary s = CorpusGenerator.bundled().generate(dense ? o.withDense() : o);
        List<List<String>> obs = ReadBack.csv(dir.resolve("truth/observations.csv"));
        Map<String, Set<String>> reports = new HashMap<>();
        for (List<String> r : obs.subList(1, obs.size())) {
            reports.computeIfAbsent(r.get(2), k -> new HashSet<>()).add(r.get(0) + "/" + r.get(1));
        }
        Map<String, Double> out = new HashMap<>();
        reports.forEach((k, v) -> out.put(k, (double) v.size() / s.reports()));
        return out;
    }
}
