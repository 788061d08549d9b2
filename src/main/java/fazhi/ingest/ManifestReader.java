package fazhi.ingest;

import fazhi.reference.RegionTable;

import fazhi.ingest.CsvRecords.Record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads manifest.csv: RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes; CRLF or LF),
 * UTF-8 or GB18030 (detected like a submission), a header that contains {@code file,region_code,year} in any
 * order, extra columns allowed ({@code synthetic} is understood).
 *
 * <p>A manifest that cannot be parsed throws {@link MalformedManifestException} naming the line. A row that
 * parses but cannot be used (unknown region code, non-numeric year, a file listed twice with different
 * values) becomes a {@link ManifestProblem} for its file, and that file gets no entry.
 */
public final class ManifestReader {

    public static final String FILE_NAME = "manifest.csv";

    private final Supplier<RegionTable> regions;

    public ManifestReader(RegionTable regions) {
        this(() -> regions);
    }

    /** @param regions read when the first region code is checked: a folder without a manifest needs no region table */
    public ManifestReader(Supplier<RegionTable> regions) {
        this.regions = regions;
    }

    /** Reads {@code dir/manifest.csv}, or returns an empty manifest when there is none. */
    public Manifest readFolder(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : Manifest.empty();
    }

    public Manifest read(Path manifestCsv) throws IOException {
        byte[] bytes = Files.readAllBytes(manifestCsv);
        if (bytes.length == 0) {
            throw new MalformedManifestException(1, "the file is empty; it needs a header file,region_code,year");
        }
        String text;
        try {
            text = TextDecoder.decode(bytes, null, "manifest").text();
        } catch (UnreadableSubmissionException e) {
            throw new MalformedManifestException(1, e.getMessage());
        }
        return parse(text);
    }

    public Manifest parse(String csv) throws MalformedManifestException {
        List<Record> records;
        try {
            records = CsvRecords.parse(csv);
        } catch (MalformedCsvException e) {
            throw new MalformedManifestException(e.line(), e.reason());
        }
        if (records.isEmpty()) {
            throw new MalformedManifestException(1, "no header; it needs a header file,region_code,year");
        }
        Record header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && columns.put(name, i) != null) {
                throw new MalformedManifestException(header.line(), "column '" + name + "' appears twice in the header");
            }
        }
        for (String required : List.of("file", "region_code", "year")) {
            if (!columns.containsKey(required)) {
                throw new MalformedManifestException(header.line(), "the header must contain file,region_code,year"
                        + " (missing '" + required + "'); found: " + String.join(",", header.fields()));
            }
        }
        int fileCol = columns.get("file");
        int regionCol = columns.get("region_code");
        int yearCol = columns.get("year");
        Integer syntheticCol = columns.get("synthetic");
        Integer expectedCol = columns.get("expected_status");

        Map<String, ManifestEntry> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<ManifestProblem> problems = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.isBlank()) {
                continue;
            }
            if (r.fields().size() != header.fields().size()) {
                throw new MalformedManifestException(r.line(), "expected " + header.fields().size()
                        + " fields as in the header, found " + r.fields().size());
            }
            String file = normalizeFileName(r.fields().get(fileCol));
            if (file.isEmpty()) {
                problems.add(new ManifestProblem(null, r.line(), "the row names no file"));
                continue;
            }
            if (file.indexOf('\0') >= 0) {
                // no file can be called so; a path with it cannot even be built
                problems.add(new ManifestProblem(null, r.line(), "the file name contains a NUL character"));
                continue;
            }
            List<String> wrong = new ArrayList<>();
            String region = regionCode(r.fields().get(regionCol), wrong);
            Integer year = year(r.fields().get(yearCol), wrong);
            boolean synthetic = syntheticCol != null && synthetic(r.fields().get(syntheticCol), wrong);
            SubmissionStatus expected = expectedCol == null ? null : expectedStatus(r.fields().get(expectedCol), wrong);

            Integer earlier = firstLine.putIfAbsent(file, r.line());
            if (earlier != null) {
                ManifestEntry previous = entries.get(file);
                ManifestEntry current = new ManifestEntry(file, region, year, synthetic, expected);
                if (wrong.isEmpty() && current.equals(previous)) {
                    continue;
                }
                entries.remove(file);
                problems.add(new ManifestProblem(file, r.line(), "the file is listed twice (lines " + earlier
                        + " and " + r.line() + ") with different values"));
                continue;
            }
            if (!wrong.isEmpty()) {
                problems.add(new ManifestProblem(file, r.line(), String.join("; ", wrong)));
                continue;
            }
            entries.put(file, new ManifestEntry(file, region, year, synthetic, expected));
        }
        return new Manifest(entries, problems);
    }

    private String regionCode(String cell, List<String> wrong) {
        String code = cell.strip();
        if (code.isEmpty()) {
            return null;
        }
        if (!code.matches("[0-9]{6}")) {
            wrong.add("region_code '" + code + "' is not a six-digit GB/T 2260 code");
            return null;
        }
        if (regions.get().byCode(code).isEmpty()) {
            wrong.add("region_code " + code + " is not in the GB/T 2260 region table");
            return null;
        }
        return code;
    }

    private static Integer year(String cell, List<String> wrong) {
        String y = cell.strip();
        if (y.isEmpty()) {
            return null;
        }
        if (!y.matches("[0-9]{1,9}")) {
            wrong.add("year '" + y + "' is not a number");
            return null;
        }
        int year = Integer.parseInt(y);
        if (year < 1949 || year > 2100) {
            wrong.add("year " + year + " is out of range (1949-2100)");
            return null;
        }
        return year;
    }

    private static SubmissionStatus expectedStatus(String cell, List<String> wrong) {
        if (cell.isBlank()) {
            return null;
        }
        Optional<SubmissionStatus> status = SubmissionStatus.ofCode(cell);
        if (status.isEmpty()) {
            wrong.add("expected_status '" + cell.strip() + "' is not " + SubmissionStatus.codes());
        }
        return status.orElse(null);
    }

    private static boolean synthetic(String cell, List<String> wrong) {
        Boolean flag = CsvRecords.flag(cell);
        if (flag == null) {
            wrong.add("synthetic '" + cell.strip() + "' is not true or false");
        }
        return Boolean.TRUE.equals(flag);
    }

    /** Manifest keys: trimmed, '/' separators, no leading "./". */
    public static String normalizeFileName(String name) {
        String n = name == null ? "" : name.strip().replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }
}
