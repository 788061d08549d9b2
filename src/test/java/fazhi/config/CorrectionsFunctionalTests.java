package fazhi.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void aCorrectionHoldsThroughAnIncrementalRunAndAReprocessAndTheAuditTrailKeepsBothValues() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        run("ingest", input, warehouse);
        String report = query(warehouse, "SELECT submission_id FROM submissions WHERE source_file LIKE '002%'").get(0).get(0);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE " + MEITAN)).isEqualTo(23);

        Files.writeString(input.resolve("corrections.csv"), HEADER + LITIGATION_42);
        var incremental = run("ingest", input, warehouse);

        assertThat(incremental.completed()).isTrue();
        assertCorrected(warehouse, report);
        var reprocessed = BatchRunner.run(new RunRequest("ingest", input, warehouse, null, true));

        assertThat(reprocessed.completed()).isTrue();
        assertCorrected(warehouse, report);
        // the mentions still say what the report says
        assertThat(query(warehouse, "SELECT value FROM mentions WHERE " + MEITAN + " AND indicator = 'litigation_cases' "
                + "AND chosen")).containsExactly(List.of("41.0"));
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
