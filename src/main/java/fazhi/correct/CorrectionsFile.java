package fazhi.correct;

import fazhi.ingest.CsvRecords;
import fazhi.ingest.MalformedCsvException;
import fazhi.warehouse.NumberText;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A corrections file: plain UTF-8 CSV (RFC 4180) that a team can keep under version control, one correction a row,
 * with the header {@link #HEADER}. Two such files are read by every run: {@code corrections.csv} in the input
 * folder ({@link #inInputFolder}), and the warehouse's ledger, where {@code fazhi correct} records
 * ({@link #ledgerOf}). Reading never fails: a row that cannot be used is a {@link CorrectionProblem} naming the
 * file, the line and the reason, and the other rows are still read.
 *
 * <p>Appending (for {@code fazhi correct} and importers such as a review workbook): {@link #append} writes one
 * correction as given; {@link #appendAll} checks each against {@link CorrectionRules}, appends those that can be
 * used and returns a problem for each that cannot.
 */
public final class CorrectionsFile {
    public static final String FILE_NAME = "corrections.csv";
    public static final List<String> HEADER = List.of("region_code", "year", "indicator", "value", "qualifier",
            "not_reported", "reason", "by", "recorded_at", "evidence");
    static final List<String> REQUIRED = List.of("region_code", "year", "indicator", "reason");
    /** A corrections file larger than this is not a corrections file (a report dropped under the wrong name). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path path;
    private final String label;

    /** @param label the file as the user knows it, named in every problem */
    public CorrectionsFile(Path path, String label) {
        this.path = path;
        this.label = label;
    }

    /** {@code corrections.csv} of an input folder: read by every run, never as a report or table of figures. */
    public static CorrectionsFile inInputFolder(Path inputDir) {
        return new CorrectionsFile(inputDir.resolve(FILE_NAME), FILE_NAME + " (input folder)");
    }

    /** The ledger of a warehouse ({@code WAREHOUSE/corrections.csv}), where {@code fazhi correct} records. */
    public static CorrectionsFile ledgerOf(Path warehouse) {
        return new CorrectionsFile(warehouse.resolve(FILE_NAME), FILE_NAME + " (warehouse ledger, " + warehouse + ")");
    }

    public Path path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** A usable row of the file, with the line it starts on. */
    public record Entry(Correction correction, String file, int line) {
    }

    /** What a read found: the corrections that can be used and a problem for each row that cannot. */
    public record Read(List<Entry> corrections, List<CorrectionProblem> problems) {
    }

    /** The file's corrections; a missing file has none. */
    public Read read(CorrectionRules rules) {
        List<Entry> entries = new ArrayList<>();
        List<CorrectionProblem> problems = new ArrayList<>();
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                problems.add(new CorrectionProblem(label, 0, "larger than " + (MAX_BYTES >> 20)
                        + " MB: not read (is it a corrections file?)"));
                return new Read(entries, problems);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            return new Read(entries, problems);
        } catch (CharacterCodingException e) {
            problems.add(new CorrectionProblem(label, 0, "not UTF-8 text; save it as CSV UTF-8"));
            return new Read(entries, problems);
        } catch (IOException e) {
            problems.add(new CorrectionProblem(label, 0, "cannot be read: " + e.getMessage()));
            return new Read(entries, problems);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecords.Record> records = new ArrayList<>();
        try {
            CsvRecords.read(new StringReader(text), records::add);
        } catch (MalformedCsvException e) {
            // the rows before the broken one are still used
            problems.add(new CorrectionProblem(label, e.line(), e.reason() + "; this row and the rest of the file "
                    + "are not read"));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        if (records.isEmpty() || records.get(0).isBlank()) {
            if (!text.isBlank()) {
                problems.add(new CorrectionProblem(label, 1, "no header row (" + String.join(",", HEADER) + ")"));
            }
            return new Read(entries, problems);
        }
        List<String> header = records.get(0).fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new CorrectionProblem(label, 1, "the header lacks " + String.join(", ", missing)
                    + " (the header is " + String.join(",", HEADER) + "); no row is read"));
            return new Read(entries, problems);
        }
        for (String column : header) {
            if (!HEADER.contains(column)) {
                problems.add(new CorrectionProblem(label, 1, "unknown column '" + column + "' is ignored (the columns are "
                        + String.join(",", HEADER) + ")"));
            }
        }
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            if (r.isBlank()) {
                continue;
            }
            if (r.fields().size() != header.size()) {
                problems.add(new CorrectionProblem(label, r.line(), "has " + r.fields().size() + " fields, the header "
                        + header.size()));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), r.fields().get(i).strip());
            }
            try {
                Correction c = parse(fields);
                List<String> wrong = rules.problems(c);
                if (wrong.isEmpty()) {
                    entries.add(new Entry(c, label, r.line()));
                } else {
                    problems.add(new CorrectionProblem(label, r.line(), String.join("; ", wrong)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new CorrectionProblem(label, r.line(), e.getMessage()));
            }
        }
        return new Read(entries, problems);
    }

    /**
     * A correction from the fields of a row, by column name (blank fields as empty strings or absent).
     *
     * @throws IllegalArgumentException naming the field that cannot be read
     */
    public static Correction parse(Map<String, String> fields) {
        String region = text(fields, "region_code");
        String indicator = text(fields, "indicator");
        if (region == null) {
            throw new IllegalArgumentException("no region_code");
        }
        if (indicator == null) {
            throw new IllegalArgumentException("no indicator");
        }
        int year = Correction.parseYear(text(fields, "year"));
        boolean notReported = flag(text(fields, "not_reported"));
        String valueText = text(fields, "value");
        Double value = null;
        if (valueText != null) {
            if (notReported) {
                throw new IllegalArgumentException("both a value (" + valueText + ") and not_reported=true: "
                        + "give one of them");
            }
            value = Correction.parseValue("value", valueText);
        }
        String qualifier = text(fields, "qualifier");
        return new Correction(region, year, indicator, value,
                qualifier == null ? null : qualifier.toLowerCase(Locale.ROOT), notReported, text(fields, "reason"),
                text(fields, "by"), instant(text(fields, "recorded_at")), text(fields, "evidence"));
    }

    private static String text(Map<String, String> fields, String column) {
        String s = fields.get(column);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean flag(String s) {
        Boolean flag = CsvRecords.flag(s);
        if (flag == null) {
            throw new IllegalArgumentException("not_reported '" + s + "' is not true or false");
        }
        return flag;
    }

    /** An ISO instant (2026-11-30T09:40:17Z), a date and time (taken as UTC) or a date (its start, UTC). */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("recorded_at '" + s + "' is not a date (2026-11-30) or time "
                            + "(2026-11-30T09:40:17Z)");
                }
            }
        }
    }

    /** Appends one correction as given (unchecked: see {@link #appendAll}), creating the file with its header. */
    public void append(Correction c) throws IOException {
        appendRows(List.of(c));
    }

    /**
     * Appends the corrections that the rules accept, in one write; returns a problem for each that they do not
     * (named {@code source} and its position in the list, from 1), which is not appended.
     */
    public List<CorrectionProblem> appendAll(List<Correction> corrections, CorrectionRules rules, String source)
            throws IOException {
        List<Correction> usable = new ArrayList<>();
        List<CorrectionProblem> problems = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            List<String> wrong = rules.problems(corrections.get(i));
            if (wrong.isEmpty()) {
                usable.add(corrections.get(i));
            } else {
                problems.add(new CorrectionProblem(source, i + 1, String.join("; ", wrong)));
            }
        }
        appendRows(usable);
        return problems;
    }

    private void appendRows(List<Correction> corrections) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Correction c : corrections) {
            rows.add(fields(c));
        }
        CsvLedger.append(path, HEADER, rows);
    }

    /** The fields of a correction's row, in the order of {@link #HEADER}. */
    static List<String> fields(Correction c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("region_code", c.regionCode());
        f.put("year", String.valueOf(c.year()));
        f.put("indicator", c.indicator());
        f.put("value", c.value() == null ? "" : NumberText.plain(c.value()));
        f.put("qualifier", c.qualifier() == null ? "" : c.qualifier());
        f.put("not_reported", c.notReported() ? "true" : "");
        f.put("reason", c.reason());
        f.put("by", c.by());
        f.put("recorded_at", c.recordedAt() == null ? "" : c.recordedAt().toString());
        f.put("evidence", c.evidence());
        List<String> fields = new ArrayList<>();
        for (String column : HEADER) {
            fields.add(f.get(column));
        }
        return fields;
    }

}
