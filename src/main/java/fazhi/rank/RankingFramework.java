package fazhi.rank;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ranking framework: which indicators enter the index, with what weight, direction and transform, and
 * the parameters of every step (jobs/ranking-default.yaml shows every key). It is checked as it is read,
 * COINr style: every broken constraint gives one specific message, and all of them are reported together
 * in a {@link FrameworkException} before anything runs.
 *
 * @param name       the framework's name
 * @param version    its version number
 * @param indicators the indicators, in file order
 * @param parameters the step parameters
 * @param yaml       the text it was read from (written to the run log, so a run can be replayed)
 */
public record RankingFramework(String name, int version, List<IndicatorSpec> indicators,
                               RankingParameters parameters, String yaml) {

    public static final String DEFAULT_RESOURCE = KnowledgeFiles.FRAMEWORK;
    /** Monte Carlo below this many draws gives percentiles too coarse to publish (SPEC §7). */
    public static final int MIN_DRAWS = 1000;
    /** The denominators a per_capita indicator may name: the warehouse's population dimension. */
    public static final Set<String> DENOMINATORS = Set.of("population");

    public RankingFramework {
        indicators = List.copyOf(indicators);
    }

    /** The framework in use: the file of --framework (or of the --catalog folder), else the bundled default. */
    public static RankingFramework bundledDefault() {
        return load(KnowledgeFiles.open(DEFAULT_RESOURCE), DEFAULT_RESOURCE);
    }

    public static RankingFramework load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), catalogCodes(), DENOMINATORS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ranking framework " + file, e);
        }
    }

    public static RankingFramework load(InputStream in) {
        return load(in, "(stream)");
    }

    public static RankingFramework load(InputStream in, String source) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, catalogCodes(), DENOMINATORS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ranking framework " + source, e);
        }
    }

    /**
     * Reads and validates a framework text.
     *
     * @param knownCodes        the indicator codes of the catalog
     * @param denominatorTables names of the denominator tables a per_capita indicator may use
     */
    public static RankingFramework parse(String yaml, String source, Set<String> knownCodes,
                                         Set<String> denominatorTables) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new FrameworkException(source, List.of("not readable YAML: " + e.getOriginalMessage()));
        }
        Map<String, Integer> lines;
        try {
            lines = KnowledgeNode.lines(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            lines = Map.of(); // read above: cannot happen
        }
        Checker c = new Checker(lines);
        if (root == null || !root.isObject()) {
            throw new FrameworkException(source, List.of("the file must be a YAML mapping with keys framework, "
                    + "version, indicators, parameters"));
        }
        c.keys(root, "", Set.of("framework", "version", "indicators", "parameters"));
        String name = c.string(root, "framework", null, "");
        int version = (int) c.integer(root, "version", 1, "");
        List<IndicatorSpec> indicators = readIndicators(root.get("indicators"), c, knownCodes, denominatorTables);
        RankingParameters parameters = readParameters(root.path("parameters"), c);
        if (!c.problems.isEmpty()) {
            throw new FrameworkException(source, c.problems);
        }
        return new RankingFramework(name, version, indicators, parameters, yaml);
    }

    private static List<IndicatorSpec> readIndicators(JsonNode list, Checker c, Set<String> knownCodes,
                                                      Set<String> denominators) {
        List<IndicatorSpec> out = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            c.add("indicators: the framework must list at least one indicator");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "indicators[" + i + "]";
            if (!n.isObject()) {
                c.add(at + ": must be a mapping with code, weight, direction, transform, group");
                continue;
            }
            c.keys(n, at, Set.of("code", "weight", "direction", "transform", "group", "denominator"));
            String code = c.string(n, "code", null, at);
            if (code != null) {
                at = at + " (" + code + ")";
                if (!knownCodes.contains(code)) {
                    c.add(at + ": unknown indicator code '" + code
                            + "': not in the indicator catalog (schema/indicators.yaml)");
                }
                if (!seen.add(code)) {
                    c.add(at + ": indicator '" + code + "' is listed more than once");
                }
            }
            double weight = Double.NaN;
            JsonNode w = n.get("weight");
            if (w == null) {
                c.add(at + ".weight is missing: every indicator needs a positive weight");
            } else if (!w.isNumber() || !(w.asDouble() > 0) || Double.isInfinite(w.asDouble())) {
                c.add(at + ".weight must be a positive finite number, got " + w);
            } else {
                weight = w.asDouble();
            }
            int direction = 0;
            JsonNode d = n.get("direction");
            if (d == null) {
                c.add(at + ".direction is missing: +1 (higher is better) or -1 (lower is better)");
            } else if (!d.isIntegralNumber() || (d.asInt() != 1 && d.asInt() != -1)) {
                c.add(at + ".direction must be +1 or -1, got " + d);
            } else {
                direction = d.asInt();
            }
            String tName = c.string(n, "transform", "none", at);
            Transform transform = tName == null ? null : Transform.fromConfig(tName);
            if (tName != null && transform == null) {
                c.add(at + ".transform '" + tName + "' is unknown: use none, log1p or per_capita");
            }
            String denominator = n.hasNonNull("denominator") ? n.get("denominator").asString() : null;
            if (transform == Transform.PER_CAPITA) {
                if (denominator == null) {
                    c.add(at + ".transform per_capita needs a denominator (the name of a denominator table)");
                } else if (!denominators.contains(denominator)) {
                    c.add(at + ".transform per_capita: the warehouse has no denominator table '"
                            + denominator + "'" + (denominators.isEmpty() ? " (it has no denominator tables at all)"
                            : " (it has " + denominators + ")")
                            + "; use transform log1p or none for " + code);
                }
            } else if (denominator != null) {
                c.add(at + ".denominator is only meaningful with transform per_capita");
            }
            String group = c.string(n, "group", "", at);
            out.add(new IndicatorSpec(code, weight, direction, transform, group, denominator));
        }
        return out;
    }

    private static RankingParameters readParameters(JsonNode p, Checker c) {
        if (p.isMissingNode() || p.isNull()) {
            c.add("parameters: missing (screening, treatment, normalisation, aggregation, uncertainty)");
            p = new YAMLMapper().createObjectNode();
        }
        c.keys(p, "parameters", Set.of("screening", "imputation", "treatment", "normalisation", "aggregation",
                "uncertainty"));
        JsonNode s = c.section(p, "screening");
        c.keys(s, "parameters.screening", Set.of("max_missing_share", "min_units"));
        double maxMissing = c.number(s, "max_missing_share", 0.34, "parameters.screening");
        if (!(maxMissing >= 0 && maxMissing < 1)) {
            c.add("parameters.screening.max_missing_share must be in [0, 1), got " + maxMissing);
        }
        long minUnits = c.integer(s, "min_units", 3, "parameters.screening");
        if (minUnits < 2) {
            c.add("parameters.screening.min_units must be at least 2, got " + minUnits);
        }

        JsonNode im = c.section(p, "imputation");
        c.keys(im, "parameters.imputation", Set.of("method", "min_donors", "correlation"));
        Imputation imputation = c.choice(im, "method", "none", "parameters.imputation", Imputation::fromConfig,
                "none, province_median, county_position");
        long minDonors = c.integer(im, "min_donors", 3, "parameters.imputation");
        if (minDonors < 2) {
            c.add("parameters.imputation.min_donors must be at least 2, got " + minDonors);
        }
        Double correlation = null;
        JsonNode cor = im.get("correlation");
        if (cor != null && !cor.isNull() && !(cor.isString() && cor.asString().equals("estimate"))) {
            if (!cor.isNumber() || !(cor.asDouble() >= 0 && cor.asDouble() <= Imputer.MAX_RHO)) {
                c.add("parameters.imputation.correlation must be 'estimate' or a number in [0, "
                        + Imputer.MAX_RHO + "], got " + cor);
            } else {
                correlation = cor.asDouble();
            }
        }
        if (correlation != null && imputation != Imputation.COUNTY_POSITION) {
            c.add("parameters.imputation.correlation is only used by method county_position");
        }

        JsonNode t = c.section(p, "treatment");
        c.keys(t, "parameters.treatment", Set.of("enabled", "skew_threshold", "kurtosis_threshold",
                "max_winsorised", "log_fallback"));
        boolean enabled = c.bool(t, "enabled", true, "parameters.treatment");
        double skew = c.number(t, "skew_threshold", 2.0, "parameters.treatment");
        if (!(skew > 0)) {
            c.add("parameters.treatment.skew_threshold must be positive, got " + skew);
        }
        double kurt = c.number(t, "kurtosis_threshold", 3.5, "parameters.treatment");
        long maxWin = c.integer(t, "max_winsorised", 5, "parameters.treatment");
        if (maxWin < 0) {
            c.add("parameters.treatment.max_winsorised must be 0 or more, got " + maxWin);
        }
        boolean logFallback = c.bool(t, "log_fallback", true, "parameters.treatment");

        JsonNode n = c.section(p, "normalisation");
        c.keys(n, "parameters.normalisation", Set.of("method", "scope", "lower", "upper", "constant_indicator"));
        Normalisation method = c.choice(n, "method", "min_max", "parameters.normalisation",
                Normalisation::fromConfig, "min_max, z_score");
        NormalisationScope scope = c.choice(n, "scope", "province", "parameters.normalisation",
                NormalisationScope::fromConfig, "province, nation");
        double lower = c.number(n, "lower", 0, "parameters.normalisation");
        double upper = c.number(n, "upper", 100, "parameters.normalisation");
        if (!(lower < upper)) {
            c.add("parameters.normalisation: lower (" + lower + ") must be less than upper (" + upper + ")");
        }
        ConstantIndicatorPolicy constant = c.choice(n, "constant_indicator", "exclude", "parameters.normalisation",
                ConstantIndicatorPolicy::fromConfig, "exclude, midpoint");

        JsonNode a = c.section(p, "aggregation");
        c.keys(a, "parameters.aggregation", Set.of("method"));
        Aggregation aggregation = c.choice(a, "method", "arithmetic", "parameters.aggregation",
                Aggregation::fromConfig, "arithmetic, geometric");
        if (aggregation == Aggregation.GEOMETRIC) {
            if (method == Normalisation.Z_SCORE) {
                c.add("parameters.aggregation.method geometric cannot follow z_score normalisation: "
                        + "z-scores are negative for half the counties");
            } else if (!(lower > 0)) {
                c.add("parameters.aggregation.method geometric needs parameters.normalisation.lower > 0"
                        + " (got " + lower + "): a zero would make the whole geometric mean zero");
            }
        }

        JsonNode u = c.section(p, "uncertainty");
        c.keys(u, "parameters.uncertainty", Set.of("draws", "seed", "weight_perturbation", "alternatives",
                "geometric_lower"));
        long draws = c.integer(u, "draws", MIN_DRAWS, "parameters.uncertainty");
        if (draws < MIN_DRAWS) {
            c.add("parameters.uncertainty.draws must be at least " + MIN_DRAWS + ", got " + draws);
        } else if (draws > 1_000_000) {
            c.add("parameters.uncertainty.draws must be at most 1000000, got " + draws);
        }
        long seed = c.integer(u, "seed", 20250601, "parameters.uncertainty");
        double perturbation = c.number(u, "weight_perturbation", 0.25, "parameters.uncertainty");
        if (!(perturbation >= 0 && perturbation < 1)) {
            c.add("parameters.uncertainty.weight_perturbation must be in [0, 1), got " + perturbation);
        }
        double geometricLower = c.number(u, "geometric_lower", 1, "parameters.uncertainty");
        if (!(geometricLower > 0 && geometricLower < upper)) {
            c.add("parameters.uncertainty.geometric_lower must be > 0 and below upper (" + upper
                    + "), got " + geometricLower);
        }
        List<RankingParameters.Alternative> alternatives = new ArrayList<>();
        JsonNode alts = u.get("alternatives");
        if (alts == null) {
            alternatives.add(new RankingParameters.Alternative(method == null ? Normalisation.MIN_MAX : method,
                    aggregation == null ? Aggregation.ARITHMETIC : aggregation));
        } else if (!alts.isArray() || alts.isEmpty()) {
            c.add("parameters.uncertainty.alternatives must be a non-empty list of "
                    + "{normalisation, aggregation} pairs");
        } else {
            Set<String> seenAlt = new LinkedHashSet<>();
            for (int i = 0; i < alts.size(); i++) {
                String at = "parameters.uncertainty.alternatives[" + i + "]";
                JsonNode alt = alts.get(i);
                c.keys(alt, at, Set.of("normalisation", "aggregation"));
                Normalisation an = c.choice(alt, "normalisation", "min_max", at, Normalisation::fromConfig,
                        "min_max, z_score");
                Aggregation aa = c.choice(alt, "aggregation", "arithmetic", at, Aggregation::fromConfig,
                        "arithmetic, geometric");
                if (an == Normalisation.Z_SCORE && aa == Aggregation.GEOMETRIC) {
                    c.add(at + ": z_score with geometric is not possible (negative z-scores)");
                }
                if (an != null && aa != null) {
                    RankingParameters.Alternative x = new RankingParameters.Alternative(an, aa);
                    if (!seenAlt.add(x.toString())) {
                        c.add(at + ": " + x + " is listed twice (it would count double in the draws)");
                    }
                    alternatives.add(x);
                }
            }
        }
        return new RankingParameters(maxMissing, (int) minUnits,
                imputation == null ? Imputation.NONE : imputation, (int) minDonors, correlation, enabled, skew, kurt, (int) maxWin, logFallback,
                method, scope, lower, upper, constant, aggregation, (int) Math.min(draws, Integer.MAX_VALUE), seed,
                perturbation, alternatives, geometricLower);
    }

    /** The indicator codes of the catalog in use (schema/indicators.yaml): a framework may name any of them. */
    public static Set<String> catalogCodes() {
        return IndicatorCatalog.bundled().codes();
    }

    public double totalWeight() {
        return indicators.stream().mapToDouble(IndicatorSpec::weight).sum();
    }

    /** Collects problems instead of failing at the first. */
    private static final class Checker {
        /** The message's subject at its start: indicators[3] (code).weight, parameters.screening. */
        private static final Pattern LEADING_PATH = Pattern.compile(
                "^[a-z_]+(?:\\[\\d+\\])?(?: \\([^)]*\\))?(?:\\.[a-z_]+(?:\\[\\d+\\])?)*");

        final List<String> problems = new ArrayList<>();
        /** The line of each path of the file ({@link KnowledgeNode#lines}). */
        private final Map<String, Integer> lines;

        Checker(Map<String, Integer> lines) {
            this.lines = lines;
        }

        /** A problem about the path its message starts with, on that path's line. */
        void add(String message) {
            Matcher m = LEADING_PATH.matcher(message);
            add(m.find() ? m.group().replaceAll(" \\([^)]*\\)", "") : "", message);
        }

        /** A problem about a path, on the path's line (or its nearest enclosing one's). */
        void add(String path, String message) {
            int line = KnowledgeNode.lineOf(lines, path);
            problems.add(line > 0 ? "line " + line + ": " + message : message);
        }

        void keys(JsonNode node, String at, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!allowed.contains(e.getKey())) {
                    add(prefix(at) + e.getKey(), (at.isEmpty() ? "" : at + ": ") + "unknown key '" + e.getKey()
                            + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        JsonNode section(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) {
                return new YAMLMapper().createObjectNode();
            }
            if (!n.isObject()) {
                add("parameters." + key + " must be a mapping, got " + n);
                return new YAMLMapper().createObjectNode();
            }
            return n;
        }

        String string(JsonNode n, String key, String dflt, String at) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                if (dflt == null) {
                    add(prefix(at) + key + " is missing");
                }
                return dflt;
            }
            if (!v.isString()) {
                add(prefix(at) + key + " must be text, got " + v);
                return dflt;
            }
            return v.asString();
        }

        double number(JsonNode n, String key, double dflt, String at) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (!v.isNumber()) {
                add(prefix(at) + key + " must be a number, got " + v);
                return dflt;
            }
            return v.asDouble();
        }

        long integer(JsonNode n, String key, long dflt, String at) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (!v.isIntegralNumber()) {
                add(prefix(at) + key + " must be a whole number, got " + v);
                return dflt;
            }
            return v.asLong();
        }

        boolean bool(JsonNode n, String key, boolean dflt, String at) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (!v.isBoolean()) {
                add(prefix(at) + key + " must be true or false, got " + v);
                return dflt;
            }
            return v.asBoolean();
        }

        <E> E choice(JsonNode n, String key, String dflt, String at, java.util.function.Function<String, E> parse,
                     String allowed) {
            String s = string(n, key, dflt, at);
            E e = s == null ? null : parse.apply(s);
            if (s != null && e == null) {
                add(prefix(at) + key + " '" + s + "' is unknown: use " + allowed);
            }
            return e;
        }

        private static String prefix(String at) {
            return at.isEmpty() ? "" : at + ".";
        }
    }
}
