package fazhi.review;

import fazhi.correct.CsvLedger;
import fazhi.ingest.CsvRecords;
import fazhi.ingest.MalformedCsvException;
import fazhi.warehouse.NumberText;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures reviewers accepted as extracted ({@code WAREHOUSE/review-accepted.csv}): the review queue leaves them
 * out while the same report states the same figure, so a reviewed queue shrinks instead of listing the same figures
 * every night. A figure comes back when its report is replaced (another submission) or its value or qualifier
 * changes. Plain CSV like the corrections ledger: a reviewer who changes their mind deletes the row.
 */
public final class AcceptedFigures {
    public static final String FILE_NAME = "review-accepted.csv";
    public static final List<String> HEADER = List.of("region_code", "year", "indicator", "value", "qualifier",
            "submission_id", "accepted_by", "accepted_at", "evidence");

    /** One accepted figure; {@code value} is null for a redacted figure. */
    public record Acceptance(String regionCode, int year, String indicator, Double value, String qualifier,
                             String submissionId, String acceptedBy, Instant acceptedAt, String evidence) {
        /** The figure it accepts: the report, the indicator, the value as written, the qualifier. */
        String figureKey() {
            return String.join("\u0000", submissionId, indicator, value == null ? "" : NumberText.plain(value),
                    qualifier == null ? "" : qualifier);
        }

        List<String> fields() {
            return List.of(regionCode, String.valueOf(year), indicator, value == null ? "" : NumberText.plain(value),
                    qualifier == null ? "" : qualifier, submissionId, acceptedBy == null ? "" : acceptedBy,
                    acceptedAt == null ? "" : acceptedAt.toString(), evidence == null ? "" : evidence);
        }
    }

    /** What a read found: the usable rows, and a note for each row or file that could not be read. */
    public record Read(List<Acceptance> accepted, List<String> problems) {
    }

    private final Path path;

    private AcceptedFigures(Path path) {
        this.path = path;
    }

    /** The ledger of a warehouse folder. */
    public static AcceptedFigures of(Path warehouse) {
        return new AcceptedFigures(warehouse.resolve(FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /** The accepted figures; a missing file has none. A row without its report or indicator is a problem, not used. */
    public Read read() {
        List<Acceptance> accepted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<CsvRecords.Record> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            CsvRecords.read(in, records::add);
        } catch (NoSuchFileException e) {
            return new Read(accepted, problems);
        } catch (MalformedCsvException e) {
            problems.add(path + " line " + e.line() + ": " + e.reason() + "; this row and the rest are not read");
        } catch (IOException e) {
            problems.add(path + ": cannot be read (" + e.getMessage() + ")");
            return new Read(accepted, problems);
        }
        if (records.isEmpty()) {
            return new Read(accepted, problems);
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            if (r.isBlank()) {
                continue;
            }
            Map<String, String> f = new HashMap<>();
            for (int i = 0; i < header.size() && i < r.fields().size(); i++) {
                String v = r.fields().get(i).strip();
                f.put(header.get(i), v.isEmpty() ? null : v);
            }
            try {
                accepted.add(parse(f));
            } catch (IllegalArgumentException e) {
                problems.add(path + " line " + r.line() + ": " + e.getMessage() + "; not used");
            }
        }
        return new Read(accepted, problems);
    }

    private static Acceptance parse(Map<String, String> f) {
        for (String required : List.of("region_code", "year", "indicator", "submission_id")) {
            if (f.get(required) == null) {
                throw new IllegalArgumentException("no " + required);
            }
        }
        int year;
        Double value;
        Instant at;
        try {
            year = Integer.parseInt(f.get("year"));
            value = f.get("value") == null ? null : Double.valueOf(f.get("value"));
            at = f.get("accepted_at") == null ? null : Instant.parse(f.get("accepted_at"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable year, value or accepted_at (" + e.getMessage() + ")");
        }
        return new Acceptance(f.get("region_code"), year, f.get("indicator"), value, f.get("qualifier"),
                f.get("submission_id"), f.get("accepted_by"), at, f.get("evidence"));
    }

    /**
     * Appends the acceptances not already in the ledger (the same figure of the same report); returns how many
     * were appended.
     */
    public int appendNew(List<Acceptance> acceptances) throws IOException {
        Set<String> known = new HashSet<>();
        for (Acceptance a : read().accepted()) {
            known.add(a.figureKey());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Acceptance a : acceptances) {
            if (known.add(a.figureKey())) {
                rows.add(a.fields());
            }
        }
        CsvLedger.append(path, HEADER, rows);
        return rows.size();
    }
}
