package fazhi.normalize;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import fazhi.ingest.CsvRecords;
import fazhi.ingest.MalformedCsvException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A table of figures sent instead of prose (SPEC §4): CSV with a header, or JSON. The figures need no
 * extraction, only normalisation; each becomes a {@link Mention} whose evidence is its row, whose offset is
 * its row number and whose rule is {@code table:csv} / {@code table:json}.
 * <pre>
 * indicator,value,unit,qualifier,region_code,year      (指标,数值,单位,限定,区划代码,年度 also understood)
 * recon_applications,181,件,exact,371525,2024          (indicator: a catalog code or its Chinese name)
 * head_appearance_rate,100,%,,371526,2024
 * </pre>
 * The optional columns {@code region_code} and {@code year} say whose figure each row is: one county's
 * table, or a province's or the whole country's in one file. JSON: an array of such objects, or
 * {"region_code", "year", "figures": [...]} whose region and year apply to every figure.
 *
 * <p>A table is read as a stream, row by row: each usable row is handed on at once and nothing of the
 * table is kept, so its size does not matter. Rows that cannot be used (unknown indicator, unreadable
 * value, unknown qualifier) are counted as problems, the first few with their row named.
 */
public final class StructuredFigures {
    /** The Chinese headers of a table's columns: schema/figure-tables.yaml. */
    static final String HEADERS_FILE = "schema/figure-tables.yaml";
    private static final List<String> COLUMNS = List.of("indicator", "value", "unit", "qualifier", "region_code", "year");

    /** Chinese header -> column name. */
    private final Map<String, String> headerAliases;

    private final Map<String, IndicatorDefinition> byName = new HashMap<>();
    // the figures of a document are read one at a time from one parser: a figure is not the end of the input
    private final ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    public StructuredFigures(IndicatorCatalog catalog) {
        this.headerAliases = headerAliases(KnowledgeFiles.yaml(HEADERS_FILE));
        for (IndicatorDefinition d : catalog.indicators()) {
            byName.put(d.code(), d);
            byName.put(d.nameZh(), d);
        }
    }

    /** Reads the headers strictly: every column listed (its list may be empty), no other key, no header twice. */
    private static Map<String, String> headerAliases(KnowledgeNode root) {
        KnowledgeNode headers = root.node("headers");
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            for (String header : headers.strings(column)) {
                String before = aliases.putIfAbsent(header.strip(), column);
                if (before != null && !before.equals(column)) {
                    throw headers.problem(column, "header '" + header + "' already names the column " + before);
                }
            }
        }
        root.finish();
        return Collections.unmodifiableMap(aliases);
    }

    /** One usable row: whose figure it is, as the row or the document says (null where neither does). */
    public record Row(int number, String regionCode, Integer year, Mention figure) {
    }

    /** Opens the table's text again from its start (a JSON document is read twice: its header, then its rows). */
    @FunctionalInterface
    public interface Source {
        Reader open() throws IOException;
    }

    /** The rows that could not be used: all counted, the first few described. */
    public static final class Problems {
        static final int DESCRIBED = 5;
        private final List<String> first = new ArrayList<>();
        private long count;

        public void add(String problem) {
            if (first.size() < DESCRIBED) {
                first.add(problem);
            }
            count++;
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public List<String> described() {
            return List.copyOf(first);
        }

        /** The first problems, and how many more there are: a reason of bounded length. */
        public String describe() {
            String d = String.join("; ", first);
            return count > first.size()
                    ? String.format(Locale.ROOT, "%s; and %,d more problems", d, count - first.size()) : d;
        }
    }

    public static boolean isStructured(String format) {
        return "csv".equals(format) || "json".equals(format);
    }

    /** Reads a table, handing each usable row to {@code out} as it is read, and what cannot be used to {@code problems}. */
    public void read(String format, Source source, Problems problems, Consumer<Row> out) throws IOException {
        int[] number = {0};
        if ("json".equals(format)) {
            readJson(source, problems, (row, document) -> {
                number[0]++;
                row(row, document, "figure " + number[0] + ": ", number[0], format, problems, out);
            });
        } else {
            try (Reader in = source.open()) {
                readCsv(in, problems, row -> {
                    number[0]++;
                    row(row, Map.of(), "row " + number[0] + ": ", number[0], format, problems, out);
                });
            }
        }
        if (number[0] == 0 && problems.isEmpty()) {
            problems.add("the table is empty");
        }
    }

    private void row(Map<String, String> row, Map<String, String> document, String where, int number, String format,
                     Problems problems, Consumer<Row> out) {
        String region = agree(document.get("region_code"), row.get("region_code"), "region_code", where, problems);
        String year = agree(document.get("year"), row.get("year"), "year", where, problems);
        Integer y = null;
        if (year != null) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                problems.add(where + "year '" + year + "' is not a number");
                return;
            }
        }
        Integer theYear = y;
        figure(row, where, number, format, problems).ifPresent(m -> out.accept(
                new Row(number, region == null ? null : region.strip(), theYear, m)));
    }

    private Optional<Mention> figure(Map<String, String> row, String where, int number, String format,
                                     Problems problems) {
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
            return Optional.of(new Mention(def.code(), null, def.unit(), Qualifier.REDACTED, evidence, number,
                    "table:" + format));
        }
        String unit = row.getOrDefault("unit", "").strip();
        if (!unit.isEmpty() && !unit.equals(def.unit()) && !(unit.equals("%") && "rate".equals(def.kind()))) {
            problems.add(where + "unit '" + unit + "' is not the catalog unit '" + def.unit() + "' of " + def.code());
            return Optional.empty();
        }
        Optional<BigDecimal> parsed = ChineseNumerals.tryParse(value.replace("%", ""));
        if (parsed.isEmpty()) {
            problems.add(where + "value '" + value + "' is not a number");
            return Optional.empty();
        }
        return Optional.of(new Mention(def.code(), parsed.get().doubleValue(), def.unit(), qualifier, evidence, number,
                "table:" + format));
    }

    /** The row's own value, or the document's; a row that contradicts its document is a problem. */
    private static String agree(String document, String cell, String column, String where, Problems problems) {
        if (cell == null || cell.isBlank()) {
            return document;
        }
        if (document != null && !document.strip().equals(cell.strip())) {
            problems.add(where + column + " " + cell.strip() + " differs from the document's " + document.strip());
        }
        return cell;
    }

    private void readCsv(Reader in, Problems problems, Consumer<Map<String, String>> out) throws IOException {
        List<List<String>> header = new ArrayList<>(1);
        boolean[] refused = {false};
        try {
            CsvRecords.read(in, r -> {
                if (r.isBlank() || refused[0]) {
                    return;
                }
                if (header.isEmpty()) {
                    header.add(r.fields().stream().map(this::column).toList());
                    if (!header.get(0).contains("indicator") || !header.get(0).contains("value")) {
                        problems.add("the header must name the columns indicator and value (or " + chinese("indicator")
                                + " and " + chinese("value") + "); found "
                                + String.join(",", r.fields()));
                        refused[0] = true;
                    }
                    return;
                }
                List<String> columns = header.get(0);
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < columns.size() && c < r.fields().size(); c++) {
                    row.put(columns.get(c), r.fields().get(c));
                }
                out.accept(row);
            });
        } catch (MalformedCsvException e) {
            problems.add("not valid CSV: " + e.getMessage());
        }
    }

    /** Streams the figures of a JSON table; a document's own region and year are read first, in a pass of their own. */
    private void readJson(Source source, Problems problems, BiConsumer<Map<String, String>, Map<String, String>> out)
            throws IOException {
        Map<String, String> document = new HashMap<>();
        try {
            try (Reader in = source.open(); JsonParser p = json.createParser(in)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = p.currentName();
                        JsonToken value = p.nextToken();
                        if (value.isScalarValue() && value != JsonToken.VALUE_NULL
                                && (key.equals("region_code") || key.equals("year"))) {
                            document.put(key, p.getString());
                        }
                        p.skipChildren();
                    }
                }
            }
            try (Reader in = source.open(); JsonParser p = json.createParser(in)) {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    first = null;
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = p.currentName();
                        JsonToken value = p.nextToken();
                        if (key.equals("figures") && value == JsonToken.START_ARRAY) {
                            first = value;
                            break;
                        }
                        p.skipChildren();
                    }
                }
                if (first != JsonToken.START_ARRAY) {
                    problems.add("expected an array of figures, or an object with a \"figures\" array");
                    return;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode f = json.readTree(p);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String key : f.propertyNames()) {
                        row.put(column(key), f.get(key).isNull() ? "" : f.get(key).asString());
                    }
                    out.accept(row, document);
                }
            }
        } catch (JacksonException e) {
            problems.add("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private String column(String name) {
        String n = name.strip().replace("\uFEFF", "");
        return headerAliases.getOrDefault(n, n.toLowerCase(Locale.ROOT));
    }

    /** The Chinese headers of a column, for a message ("指标 / 指标代码"). */
    private String chinese(String column) {
        return headerAliases.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey)
                .collect(Collectors.joining(" / "));
    }
}
