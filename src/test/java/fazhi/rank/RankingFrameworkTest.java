package fazhi.rank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingFrameworkTest {

    @Test
    void bundledDefaultIsValidAndUsesOnlyCatalogCodes() {
        RankingFramework fw = RankingFramework.bundledDefault();
        assertThat(fw.name()).isEqualTo("fazhi-default");
        assertThat(fw.indicators()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(fw.indicators()).extracting(IndicatorSpec::code)
                .allMatch(RankingFramework.catalogCodes()::contains)
                .contains("head_appearance_rate", "recon_correction_rate", "online_service_rate");
        // counts only through a transform
        assertThat(fw.indicators()).filteredOn(i -> !i.code().endsWith("_rate"))
                .allSatisfy(i -> assertThat(i.transform()).isNotEqualTo(Transform.NONE));
        RankingParameters p = fw.parameters();
        assertThat(p.draws()).isGreaterThanOrEqualTo(1000);
        assertThat(p.weightPerturbation()).isEqualTo(0.25);
        assertThat(p.scope()).isEqualTo(NormalisationScope.PROVINCE);
        assertThat(p.aggregation()).isEqualTo(Aggregation.ARITHMETIC);
        assertThat(p.alternatives()).hasSize(3);
    }

    @Test
    void loadsFromPathAndStream(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("fw.yaml");
        Files.writeString(f, Frameworks.defaultFour());
        assertThat(RankingFramework.load(f).indicators()).hasSize(4);
        assertThat(RankingFramework.load(new ByteArrayInputStream(Frameworks.defaultFour()
                .getBytes(StandardCharsets.UTF_8))).version()).isEqualTo(3);
    }

    static Stream<Arguments> brokenFrameworks() {
        String ok = Frameworks.defaultFour();
        return Stream.of(
                Arguments.of("unknown indicator code", ok.replace("code: online_service_rate", "code: online_rate"),
                        "indicators[1] (online_rate): unknown indicator code 'online_rate'"),
                Arguments.of("zero weight", ok.replace("weight: 2,", "weight: 0,"),
                        "indicators[0] (head_appearance_rate).weight must be a positive finite number, got 0"),
                Arguments.of("negative weight", ok.replace("weight: 2,", "weight: -1.5,"),
                        ".weight must be a positive finite number, got -1.5"),
                Arguments.of("direction zero", ok.replace("direction: -1", "direction: 0"),
                        "indicators[2] (recon_correction_rate).direction must be +1 or -1, got 0"),
                Arguments.of("direction two", ok.replace("direction: -1", "direction: 2"),
                        ".direction must be +1 or -1, got 2"),
                Arguments.of("unknown transform", ok.replace("weight: 2, direction: 1,  transform: none",
                        "weight: 2, direction: 1,  transform: sqrt"),
                        "indicators[0] (head_appearance_rate).transform 'sqrt' is unknown: use none, log1p or per_capita"),
                Arguments.of("per_capita without denominator", ok.replace(
                        "weight: 2, direction: 1,  transform: none", "weight: 2, direction: 1,  transform: per_capita"),
                        "transform per_capita needs a denominator"),
                Arguments.of("imputation method unknown", ok.replace("parameters:\n",
                        "parameters:\n  imputation: {method: i_mean}\n"),
                        "parameters.imputation.method 'i_mean' is unknown: use none, province_median, county_position"),
                Arguments.of("correlation for a method without a model", ok.replace("parameters:\n",
                        "parameters:\n  imputation: {method: province_median, correlation: 0.3}\n"),
                        "parameters.imputation.correlation is only used by method county_position"),
                Arguments.of("duplicate code", ok.replace("code: online_service_rate", "code: head_appearance_rate"),
                        "indicator 'head_appearance_rate' is listed more than once"),
                Arguments.of("unknown key", ok.replace("group: litigation", "group: litigation, wieght: 3"),
                        "indicators[0]: unknown key 'wieght'"),
                Arguments.of("coverage share out of range", ok.replace("max_missing_share: 0.3", "max_missing_share: 1.2"),
                        "parameters.screening.max_missing_share must be in [0, 1), got 1.2"),
                Arguments.of("unknown scope", ok.replace("scope: province", "scope: county"),
                        "parameters.normalisation.scope 'county' is unknown: use province, nation"),
                Arguments.of("unknown aggregation", ok.replace("method: arithmetic", "method: harmonic"),
                        "parameters.aggregation.method 'harmonic' is unknown: use arithmetic, geometric"),
                Arguments.of("geometric on zero floor", ok.replace("method: arithmetic", "method: geometric"),
                        "geometric needs parameters.normalisation.lower > 0 (got 0.0)"),
                Arguments.of("too few draws", ok.replace("draws: 1000", "draws: 200"),
                        "parameters.uncertainty.draws must be at least 1000, got 200"),
                Arguments.of("perturbation out of range", ok.replace("weight_perturbation: 0.25", "weight_perturbation: 1.5"),
                        "parameters.uncertainty.weight_perturbation must be in [0, 1), got 1.5"),
                Arguments.of("lower above upper", ok.replace("lower: 0, upper: 100", "lower: 100, upper: 50"),
                        "parameters.normalisation: lower (100.0) must be less than upper (50.0)"),
                Arguments.of("no indicators", ok.replaceAll("(?s)indicators:.*?parameters:", "indicators: []\nparameters:"),
                        "indicators: the framework must list at least one indicator"),
                Arguments.of("not yaml", "framework: [unclosed", "not readable YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFrameworks")
    void givenBrokenConstraint_whenLoaded_thenOneSpecificMessage(String what, String yaml, String message) {
        assertThatThrownBy(() -> Frameworks.parse(yaml))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems())
                        .as(what).hasSize(1).first().asString().contains(message));
    }

    @Test
    void givenBrokenConstraints_whenLoaded_thenEachMessageNamesTheLineOfItsKey() {
        // line 5: the second indicator; line 9: screening; line 14: draws; line 17: a key nobody knows
        String yaml = Frameworks.defaultFour().replace("online_service_rate,       weight: 1",
                        "online_service_rate,       weight: 0")
                .replace("min_units: 3", "min_units: 1").replace("draws: 1000", "draws: 10")
                .replace("weight_perturbation: 0.25", "weight_perturbation: 0.25\n    colour: blue");
        assertThat(yaml.lines().toList().get(4)).contains("online_service_rate", "weight: 0");
        assertThatThrownBy(() -> Frameworks.parse(yaml)).isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactlyInAnyOrder(
                        "line 5: indicators[1] (online_service_rate).weight must be a positive finite number, got 0",
                        "line 9: parameters.screening.min_units must be at least 2, got 1",
                        "line 14: parameters.uncertainty.draws must be at least 1000, got 10",
                        "line 17: parameters.uncertainty: unknown key 'colour' (allowed: alternatives, draws, "
                                + "geometric_lower, seed, weight_perturbation)"));
    }

    @Test
    void givenSeveralBrokenConstraints_whenLoaded_thenAllAreReportedTogether() {
        String yaml = Frameworks.defaultFour().replace("weight: 2,", "weight: 0,").replace("direction: -1", "direction: 0")
                .replace("code: online_service_rate", "code: nope");
        assertThatThrownBy(() -> Frameworks.parse(yaml)).isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).hasSize(3))
                .hasMessageContaining("ranking framework test is not valid");
    }

    @Test
    void givenDenominatorTable_whenPerCapitaDeclared_thenAccepted() {
        String yaml = Frameworks.defaultFour().replace("weight: 2, direction: 1,  transform: none",
                "weight: 2, direction: 1,  transform: per_capita, denominator: population");
        RankingFramework fw = RankingFramework.parse(yaml, "t", RankingFramework.catalogCodes(), Set.of("population"));
        assertThat(fw.indicators().get(0).transform()).isEqualTo(Transform.PER_CAPITA);
    }

    @Test
    void givenUnknownDenominator_whenPerCapitaDeclared_thenRefusedNamingTheTablesThereAre() {
        String yaml = Frameworks.defaultFour().replace("weight: 2, direction: 1,  transform: none",
                "weight: 2, direction: 1,  transform: per_capita, denominator: households");
        assertThatThrownBy(() -> RankingFramework.parse(yaml, "t", RankingFramework.catalogCodes(),
                RankingFramework.DENOMINATORS)).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("no denominator table 'households'").hasMessageContaining("population");
    }

    @ParameterizedTest
    @EnumSource(ConstantIndicatorPolicy.class)
    void everyConstantIndicatorPolicyIsNamedInConfiguration(ConstantIndicatorPolicy policy) {
        String yaml = Frameworks.defaultFour().replace("constant_indicator: exclude",
                "constant_indicator: " + policy.configName());
        assertThat(Frameworks.parse(yaml).parameters().constantIndicator()).isEqualTo(policy);
    }

    @ParameterizedTest
    @EnumSource(NormalisationScope.class)
    void everyScopeIsNamedInConfiguration(NormalisationScope scope) {
        String yaml = Frameworks.defaultFour().replace("scope: province", "scope: " + scope.configName());
        assertThat(Frameworks.parse(yaml).parameters().scope()).isEqualTo(scope);
    }

    @ParameterizedTest
    @EnumSource(Transform.class)
    void everyTransformIsNamedInConfiguration(Transform t) {
        assertThat(Transform.fromConfig(t.configName())).isEqualTo(t);
    }
}
