package fazhi.config;

import fazhi.reference.KnowledgeFiles;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static fazhi.config.TestWarehouses.count;
import static fazhi.config.TestWarehouses.query;
import static fazhi.config.TestWarehouses.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingest night with no new or changed file, the same corrections and the same knowledge files would compose the
 * published version again: it keeps that version instead, and is still recorded as a completed run. Any change that
 * goes into a version (a file, a correction, a knowledge file, --reprocess) composes a new one.
 */
class NothingNewNightTests {
    @TempDir
    Path tmp;

    private static String publishedVersion(Path warehouse) throws Exception {
        return new WarehouseLayout(warehouse).current().toRealPath().getFileName().toString();
    }

    @Test
    void aNightWithNothingNewKeepsThePublishedVersionAndRecordsItsRun() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.writeString(input.resolve("corrections.csv"),
                CorrectionsFunctionalTests.HEADER + CorrectionsFunctionalTests.LITIGATION_42);
        Path warehouse = tmp.resolve("wh");
        var first = run("ingest", input, warehouse);
        String observations = "SELECT * EXCLUDE (run_id) FROM observations ORDER BY ALL";
        var before = query(warehouse, observations);

        var second = run("ingest", input, warehouse);

        assertThat(second.completed()).as(second.exitDescription()).isTrue();
        assertThat(publishedVersion(warehouse)).isEqualTo(first.runId());
        assertThat(query(warehouse, observations)).isEqualTo(before);
        // every step ran and is recorded, the extraction with nothing to read
        assertThat(second.steps()).extracting(BatchRunner.StepOutcome::name).containsExactly("discoverSubmissionsStep",
                "extractIndicatorsStep", "composeWarehouseStep", "validateObservationsStep", "writeVersionStep",
                "carryDerivedTablesStep", "publishWarehouseStep");
        assertThat(second.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo("COMPLETED"));
        assertThat(second.steps().get(0).filtered()).as("unchanged files").isEqualTo(5);
        // in the job repository, with the counts of its files (none)
        String url = JobRepositoryUrl.resolve(null, new WarehouseLayout(warehouse));
        assertThat(ServerJobRepositoryTests.rows(url, "SELECT e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE FROM "
                + "BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = '" + second.runId() + "'"))
                .containsExactly(List.of("COMPLETED", "COMPLETED", "0 published, 0 quarantined, 0 duplicate, 0 failed"));
        // where a restarted run finds it, its staging area gone or not (KeptVersion)
        String context = ServerJobRepositoryTests.rows(url, "SELECT c.SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT c "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = c.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = '" + second.runId() + "'").get(0).get(0);
        String readable = context.contains("keptVersion") ? context
                : new String(Base64.getDecoder().decode(context.strip()), StandardCharsets.ISO_8859_1);
        assertThat(readable).contains("fazhi.keptVersion").contains(first.runId());
        assertThat(new WarehouseLayout(warehouse).stagingRoot()).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void aChangedCorrectionAKnowledgeFileOrReprocessingComposesANewVersion() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        run("ingest", input, warehouse);

        Files.writeString(input.resolve("corrections.csv"),
                CorrectionsFunctionalTests.HEADER + CorrectionsFunctionalTests.LITIGATION_42);
        var corrected = run("ingest", input, warehouse);
        assertThat(publishedVersion(warehouse)).isEqualTo(corrected.runId());
        assertThat(count(warehouse, "SELECT count(*) FROM corrections WHERE status = 'applied'")).isEqualTo(1);

        // the same rules, one comment added: another file, so the version is composed (and validated) again
        Path catalog = tmp.resolve("catalog");
        Files.createDirectories(catalog);
        Files.writeString(catalog.resolve("validation-rules.yaml"),
                Files.readString(Path.of("schema/validation-rules.yaml")) + "\n# reviewed\n");
        KnowledgeFiles.use(catalog, null);
        BatchRunner.RunOutcome edited;
        try {
            edited = run("ingest", input, warehouse);
        } finally {
            KnowledgeFiles.useBundled();
        }
        assertThat(publishedVersion(warehouse)).isEqualTo(edited.runId());
        assertThat(query(warehouse, "SELECT source FROM knowledge_files WHERE file = 'schema/validation-rules.yaml'"))
                .containsExactly(List.of(catalog.resolve("validation-rules.yaml").toString()));

        // back to the bundled rules: a change too
        var bundled = run("ingest", input, warehouse);
        assertThat(publishedVersion(warehouse)).isEqualTo(bundled.runId());
        var unchanged = run("ingest", input, warehouse);
        assertThat(publishedVersion(warehouse)).isEqualTo(bundled.runId()).isNotEqualTo(unchanged.runId());

        var reprocessed = BatchRunner.run(new RunRequest("ingest", input, warehouse, null, true));
        assertThat(publishedVersion(warehouse)).isEqualTo(reprocessed.runId());
    }

    @Test
    void aNewFileOrTheNightlyJobComposesANewVersion() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        Path held = tmp.resolve("004.txt");
        Files.move(input.resolve("004_1a52504bc4d5246d.txt"), held);
        run("ingest", input, warehouse);

        Files.move(held, input.resolve("004_1a52504bc4d5246d.txt"));
        var added = run("ingest", input, warehouse);
        assertThat(publishedVersion(warehouse)).isEqualTo(added.runId());
        assertThat(query(warehouse, "SELECT status FROM submissions WHERE source_file LIKE '004%'")).hasSize(1);

        // statistics are recomputed by every nightly run, even with nothing new
        var nightly = run("nightly", input, warehouse);
        assertThat(publishedVersion(warehouse)).isEqualTo(nightly.runId());
        assertThat(count(warehouse, "SELECT count(*) FROM rankings")).isPositive();
    }
}
