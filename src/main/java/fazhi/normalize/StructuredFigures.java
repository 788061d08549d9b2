package fazhi.normalize;

import fazhi.extract.IndicatorCatalog;
import fazhi.extract.IndicatorDefinition;
import fazhi.ingest.CsvRecords;
import fazhi.ingest.MalformedCsvException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of figures that a county sends instead of prose (SPEC §4): CSV with a header, or JSON. The
 * figures need no extraction, only normalisation; each becomes a {@link Mention} whose evidence is its
 * row and whose rule is {@code table:csv} / {@code table:json}.
 * <pre>
 * indicator,value,unit,qualifier            (指标,数值,单位,限定 also understood)
 * recon_applications,181,件,exact           (indicator: a catalog code or its Chinese name)
 * head_appearance_rate,100,%,
 * </pre>
 * Optional columns {@code region_code} and {@code year} (the same on every row) say whose figures they
 * are when no manifest does. JSON: an array of such objects, or {"region_code", "year", "figures": [...]}.
 * Rows that cannot be used (unknown indicator, unreadable value, unknown qualifier) are reported as problems.
 */
public final class StructuredFigures {
    private static final Map<String, String> HEADER_ALIASES = Map.of(
            "指标", "indicator", "指标代码", "indicator", "数值", "value", "值", "value", "单位", "unit",
            "限定", "qualifier", "区划代码", "region_code", "年度", "year", "年份", "year");

    private final Map<String, IndicatorDefinition> byName = new HashMap<>();

    public StructuredFigures(IndicatorCatalog catalog) {
        for (IndicatorDefinition d : catalog.indicators()) {
            byName.put(d.code(), d);
            byName.put(d.nameZh(), d);
        }
    }

    /** The figures of a table, who it says they belong to, and the rows that could not be used. */
    public record Table(String regionCode, Integer year, List<Mention> figures, List<String> problems) {
    }

    public static boolean isStructured(String format) {
        return "csv".equals(format) || "json".equals(format);
    }

    public Table read(String format, String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> document = new HashMap<>();
        if ("json".equals(format)) {
            readJson(text, rows, document, problems);
        } else {
            readCsv(text, rows, problems);
        }
        List<Mention> figures = new ArrayList<>();
        String region = document.get("region_code");
        String year = document.get("year");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String where = ("json".equals(format) ? "figure " : "row ") + (i + 1) + ": ";
            region = agree(region, row.get("region_code"), "region_code", where, problems);
            year = agree(year, row.get("year"), "year", where, problems);
            figure(row, where, format, problems).ifPresent(figures::add);
        }
        Integer y = null;
        if (year != null) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                problems.add("year '" + year + "' is not a number");
            }
        }
        return new Table(region == null ? null : region.strip(), y, figures, problems);
    }

    private Optional<Mention> figure(Map<String, String> row, String where, String format, List<String> problems) {
        String name = row.getOrDefault("indicator", "").strip();
        IndicatorDefinition def = byName.get(name);
        if (def == null) {
            problems.add(where + "unknown indicator '" + name + "'");
            return Optional.empty();
        }
        String evidence = String.join(",", row.values());
        String q = row.getOrDefault("qualifier", "").strip().toLowerCase(Locale.ROOT);
        Qualifier qualifier;
        try {
            qualifier = q.isEmpty() ? Qualifier.EXACT : Qualifier.valueOf(q.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(where + "qualifier '" + q + "' is not exact, at_least, approx, at_most or redacted");
            return Optional.empty();
        }
        String value = row.getOrDefault("value", "").strip();
        if (qualifier == Qualifier.REDACTED || value.isEmpty()) {
            return Optional.of(new Mention(def.code(), null, def.unit(), Qualifier.REDACTED, evidence, 0, "table:" + format));
        }
        String unit = row.getOrDefault("unit", "").strip();
        if (!unit.isEmpty() && !unit.equals(def.unit()) && !(unit.equals("%") && "rate".equals(def.kind()))) {
            problems.add(where + "unit '" + unit + "' is not the catalog unit '" + def.unit() + "' of " + def.code());
            return Optional.empty();
        }
        Optional<BigDecimal> number = ChineseNumerals.tryParse(value.replace("%", ""));
        if (number.isEmpty()) {
            problems.add(where + "value '" + value + "' is not a number");
            return Optional.empty();
        }
        return Optional.of(new Mention(def.code(), number.get().doubleValue(), def.unit(), qualifier, evidence, 0,
                "table:" + format));
    }

    private static String agree(String current, String cell, String column, String where, List<String> problems) {
        if (cell == null || cell.isBlank()) {
            return current;
        }
        if (current != null && !current.strip().equals(cell.strip())) {
            problems.add(where + column + " " + cell.strip() + " differs from " + current.strip()
                    + " (one table holds one region and year)");
            return current;
        }
        return cell;
    }

    private static void readCsv(String text, List<Map<String, String>> rows, List<String> problems) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(text).stream().filter(r -> !r.isBlank()).toList();
        } catch (MalformedCsvException e) {
            problems.add("not valid CSV: " + e.getMessage());
            return;
        }
        if (records.isEmpty()) {
            problems.add("the table is empty");
            return;
        }
        List<String> header = records.get(0).fields().stream().map(StructuredFigures::column).toList();
        if (!header.contains("indicator") || !header.contains("value")) {
            problems.add("the header must name the columns indicator and value (or 指标 and 数值); found "
                    + String.join(",", records.get(0).fields()));
            return;
        }
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < r.fields().size(); c++) {
                row.put(header.get(c), r.fields().get(c));
            }
            rows.add(row);
        }
    }

    private static void readJson(String text, List<Map<String, String>> rows, Map<String, String> document,
                                 List<String> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            problems.add("not valid JSON: " + e.getOriginalMessage());
            return;
        }
        JsonNode figures = root;
        if (root.isObject()) {
            for (String key : List.of("region_code", "year")) {
                if (root.hasNonNull(key)) {
                    document.put(key, root.get(key).asString());
                }
            }
            figures = root.path("figures");
        }
        if (!figures.isArray()) {
            problems.add("expected an array of figures, or an object with a \"figures\" array");
            return;
        }
        for (JsonNode f : figures) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String key : f.propertyNames()) {
                row.put(column(key), f.get(key).isNull() ? "" : f.get(key).asString());
            }
            rows.add(row);
        }
    }

    private static String column(String name) {
        String n = name.strip().replace("\uFEFF", "");
        return HEADER_ALIASES.getOrDefault(n, n.toLowerCase(Locale.ROOT));
    }
}
