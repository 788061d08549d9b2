package fazhi.config;

import fazhi.reference.KnowledgeFiles;
import fazhi.correct.Correction;
import fazhi.correct.CorrectionsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static fazhi.config.TestWarehouses.count;
import static fazhi.config.TestWarehouses.query;
import static fazhi.config.TestWarehouses.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections of figures (corrections.csv in the input folder, the warehouse's ledger) on the sample reports: given
 * a correction of one of 湄潭县 (520328) 2020's figures, when runs of every kind follow, then the corrected figure
 * holds and the audit trail keeps both values.
 */
class CorrectionsFunctionalTests {
    static final String HEADER = "region_code,year,indicator,value,qualifier,not_reported,reason,by,recorded_at,evidence\n";
    /** 湄潭县 2020 reports 41 litigation cases (litigation_cases, 002_3c2dc1afcfd2df07.txt). */
    static final String LITIGATION_42 = "520328,2020,litigation_cases,42,,,the printed report says 42,王统计,"
            + "2026-11-01T08:00:00Z,printed report p.3\n";
    static final String MEITAN = "region_code = '520328' AND year = 2020";

    @TempDir
    Path tmp;

    @Test
    void aCorrectionIsAppliedByTheNextIncrementalRunAndTheAuditTrailKeepsBothValues() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        run("ingest", input, warehouse);
        String report = query(warehouse, "SELECT submission_id FROM submissions WHERE source_file LIKE '002%'").get(0).get(0);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);

        var incremental = run("ingest", input, warehouse);

        assertThat(incremental.completed()).isTrue();
        assertCorrected(warehouse, report);
        // the mentions still say what the report says
        assertThat(query(warehouse, "SELECT value FROM mentions WHERE " + MEITAN + " AND indicator = 'litigation_cases' "
                + "AND chosen")).containsExactly(List.of("41.0"));
        var again = run("ingest", input, warehouse);
        assertThat(again.completed()).isTrue();
        assertCorrected(warehouse, report);
    }

    @Test
    void aCorrectionHoldsWhenEveryReportIsReadAgain() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);
        run("ingest", input, warehouse);
        String report = query(warehouse, "SELECT submission_id FROM submissions WHERE source_file LIKE '002%'").get(0).get(0);

        var reprocessed = BatchRunner.run(new RunRequest("ingest", input, warehouse, null, true));

        assertThat(reprocessed.completed()).isTrue();
        var discover = reprocessed.steps().stream().filter(s -> s.name().equals("discoverSubmissionsStep")).findFirst()
                .orElseThrow();
        assertThat(discover.filtered()).as("files skipped as unchanged").isZero();
        assertCorrected(warehouse, report);
    }

    @Test
    void aCorrectionHoldsWhenTheCatalogChanges() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);
        run("ingest", input, warehouse);
        String report = query(warehouse, "SELECT submission_id FROM submissions WHERE source_file LIKE '002%'").get(0).get(0);
        // a catalog without village_legal_advisers (one of 湄潭县's 23 figures), read again with --reprocess
        String catalog = Files.readString(Path.of("schema/indicators.yaml"));
        int start = catalog.indexOf("  - code: village_legal_advisers");
        int end = catalog.indexOf("  - code:", start + 1);
        Path changed = tmp.resolve("catalog").resolve("indicators.yaml");
        Files.createDirectories(changed.getParent());
        Files.writeString(changed, catalog.substring(0, start) + catalog.substring(end < 0 ? catalog.length() : end));

        KnowledgeFiles.use(changed.getParent(), null);
        BatchRunner.RunOutcome outcome;
        try {
            outcome = BatchRunner.run(new RunRequest("ingest", input, warehouse, null, true));
        } finally {
            KnowledgeFiles.useBundled();
        }

        assertThat(outcome.completed()).isTrue();
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(22);
        assertThat(count(warehouse, "SELECT count(*) FROM indicators WHERE code = 'village_legal_advisers'")).isZero();
        assertThat(query(warehouse, "SELECT value, corrected, extracted_value FROM observations WHERE " + MEITAN
                + " AND indicator = 'litigation_cases'")).containsExactly(List.of("42.0", "true", "41.0"));
        assertThat(query(warehouse, "SELECT value, extracted_value, status, submission_id FROM corrections"))
                .containsExactly(List.of("42.0", "41.0", "applied", report));
    }

    @Test
    void aMissedFigureIsAddedAndANotReportedOneTakenOutUntilTheCorrectionsAreWithdrawn() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        // 湄潭县's report gives no recon_applications the extractor found; hotline_satisfaction_rate it read as 88.47
        Files.writeString(input.resolve("corrections.csv"), HEADER
                + "520328,2020,recon_applications,30,,,stated in the annex table,王统计,2026-11-01,annex table 2\n"
                + "520328,2020,hotline_satisfaction_rate,,,true,88.47% is the province's rate,王统计,2026-11-01,\n");

        run("ingest", input, warehouse);

        assertThat(query(warehouse, "SELECT value, corrected, extracted_value, rule, evidence, unit, source_file "
                + "FROM observations WHERE " + MEITAN + " AND indicator = 'recon_applications'"))
                .containsExactly(Arrays.asList("30.0", "true", null, "correction", "annex table 2", "件",
                        "002_3c2dc1afcfd2df07.txt"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN
                + " AND indicator = 'hotline_satisfaction_rate'")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        // the audit trail keeps the figure that was taken out
        assertThat(query(warehouse, "SELECT value FROM mentions WHERE " + MEITAN
                + " AND indicator = 'hotline_satisfaction_rate' AND chosen")).containsExactly(List.of("88.47"));
        assertThat(query(warehouse, "SELECT indicator, not_reported, extracted_value, status FROM corrections ORDER BY 1"))
                .containsExactly(List.of("hotline_satisfaction_rate", "true", "88.47", "applied"),
                        Arrays.asList("recon_applications", "false", null, "applied"));

        Files.writeString(input.resolve("corrections.csv"), HEADER);
        run("ingest", input, warehouse);

        assertThat(query(warehouse, "SELECT value, corrected FROM observations WHERE " + MEITAN
                + " AND indicator = 'hotline_satisfaction_rate'")).containsExactly(List.of("88.47", "false"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN
                + " AND indicator = 'recon_applications'")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE corrected")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM corrections")).isZero();
    }

    @Test
    void aCorrectionsFileInTheInputFolderIsNeverReadAsAReportOrTableOfFigures() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        // one row for 湄潭县 2020: read as a table of figures it would supersede the county's report
        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);

        var outcome = run("ingest", input, warehouse);

        var discover = outcome.steps().stream().filter(s -> s.name().equals("discoverSubmissionsStep")).findFirst()
                .orElseThrow();
        assertThat(discover.written()).as("files discovered as submissions").isEqualTo(5);
        assertThat(count(warehouse, "SELECT count(*) FROM submissions WHERE source_file = 'corrections.csv'")).isZero();
        assertThat(query(warehouse, "SELECT status, observations FROM submissions WHERE source_file LIKE '002%'"))
                .containsExactly(List.of("published", "23"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        assertThat(count(warehouse, "SELECT count(*) FROM corrections WHERE status = 'applied'")).isEqualTo(1);
    }

    @Test
    void badCorrectionsAreListedWithFileLineAndReasonAndTheRestIsApplied() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Files.writeString(input.resolve("corrections.csv"), HEADER
                + "999999,2020,litigation_cases,42,,,typo,王统计,,\n"          // line 2
                + "520328,2020,no_such_indicator,42,,,typo,王统计,,\n"         // line 3
                + "520328,2020,litigation_cases,42\n"                          // line 4
                + "520328,2020,litigation_cases,forty-two,,,typo,王统计,,\n"   // line 5
                + LITIGATION_42                                                 // line 6
                + "520328,2020,penalty_cases,846,,,\"unclosed,王统计,,\n");     // line 7

        var outcome = run("ingest", input, warehouse);

        assertThat(outcome.completed()).isTrue();
        assertThat(query(warehouse, "SELECT line, status_reason FROM corrections WHERE status = 'invalid' ORDER BY line"))
                .satisfiesExactly(
                        r -> assertThat(r).containsExactly("2", "corrections.csv (input folder) line 2: unknown "
                                + "region_code '999999' (not in the GB/T 2260 table, schema/regions.csv)"),
                        r -> assertThat(r.get(1)).isEqualTo("corrections.csv (input folder) line 3: unknown indicator "
                                + "'no_such_indicator' (not a code of the indicator catalog, schema/indicators.yaml)"),
                        r -> assertThat(r.get(1)).isEqualTo("corrections.csv (input folder) line 4: has 4 fields, "
                                + "the header 10"),
                        r -> assertThat(r.get(1)).isEqualTo("corrections.csv (input folder) line 5: value "
                                + "'forty-two' is not a number"),
                        r -> assertThat(r.get(1)).startsWith("corrections.csv (input folder) line 7: unterminated "
                                + "quoted field"));
        assertThat(query(warehouse, "SELECT value, corrected FROM observations WHERE " + MEITAN
                + " AND indicator = 'litigation_cases'")).containsExactly(List.of("42.0", "true"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        assertThat(count(warehouse, "SELECT count(*) FROM submissions WHERE status = 'published'")).isEqualTo(4);
    }

    @Test
    void theLatestRecordedCorrectionOfAFigureWinsWhereverItIsWritten() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);   // recorded 2026-11-01
        CorrectionsFile ledger = CorrectionsFile.ledgerOf(warehouse);
        ledger.append(new Correction("520328", 2020, "litigation_cases", 43.0, null, false, "recounted", "李审核",
                Instant.parse("2026-11-05T00:00:00Z"), null));
        ledger.append(new Correction("520328", 2020, "litigation_cases", 40.0, null, false, "first guess", "李审核",
                Instant.parse("2026-10-01T00:00:00Z"), null));

        run("ingest", input, warehouse);

        assertThat(query(warehouse, "SELECT value, corrected, extracted_value FROM observations WHERE " + MEITAN
                + " AND indicator = 'litigation_cases'")).containsExactly(List.of("43.0", "true", "41.0"));
        assertThat(query(warehouse, "SELECT recorded_in, line, value, status FROM corrections ORDER BY value"))
                .containsExactly(List.of("ledger", "3", "40.0", "superseded"), List.of("input", "2", "42.0", "superseded"),
                        List.of("ledger", "2", "43.0", "applied"));
    }

    @Test
    void aCorrectedFigureThatBreaksAnErrorRuleIsHeldBackLikeAnyFigure() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Files.writeString(input.resolve("corrections.csv"), HEADER
                + "520328,2020,head_appearance_rate,150,,,typed by hand,王统计,2026-11-01,\n");

        run("ingest", input, warehouse);

        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN
                + " AND indicator = 'head_appearance_rate'")).isZero();
        assertThat(query(warehouse, "SELECT rule FROM validation_issues WHERE " + MEITAN
                + " AND indicator = 'head_appearance_rate'")).containsExactly(List.of("rate_in_range"));
        assertThat(query(warehouse, "SELECT status, status_reason FROM corrections")).singleElement()
                .satisfies(r -> assertThat(r).containsExactly("held_back", "the corrected figure breaks the validation "
                        + "rule rate_in_range and is held back from observations like any figure (see validation_issues)"));
    }

    /** 42 in observations (corrected, extracted 41), the correction applied against the report, nothing else lost. */
    static void assertCorrected(Path warehouse, String report) throws Exception {
        assertThat(query(warehouse, "SELECT value, corrected, extracted_value, source_file FROM observations WHERE "
                + MEITAN + " AND indicator = 'litigation_cases'"))
                .containsExactly(List.of("42.0", "true", "41.0", "002_3c2dc1afcfd2df07.txt"));
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE corrected")).isEqualTo(1);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE NOT corrected AND value IS DISTINCT FROM "
                + "extracted_value")).isZero();
        assertThat(query(warehouse, "SELECT value, extracted_value, status, submission_id, corrected_by, evidence "
                + "FROM corrections")).containsExactly(
                List.of("42.0", "41.0", "applied", report, "王统计", "printed report p.3"));
        assertThat(query(warehouse, "SELECT status FROM submissions WHERE source_file LIKE '002%'"))
                .containsExactly(List.of("published"));
        assertThat(count(warehouse, "SELECT count(*) FROM submissions")).isEqualTo(5);
    }
}
