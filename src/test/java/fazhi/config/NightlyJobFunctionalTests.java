package fazhi.config;

import fazhi.reference.KnowledgeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static fazhi.config.TestWarehouses.count;
import static fazhi.config.TestWarehouses.query;
import static fazhi.config.TestWarehouses.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The ingest job on real report files: given an input folder, when the job runs, then the warehouse says. */
class NightlyJobFunctionalTests {

    @TempDir
    Path tmp;

    @Test
    void publishesTheSampleReportsAndQuarantinesTheAnonymisedTemplate() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");

        var outcome = run("ingest", input, warehouse);

        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
        var extract = outcome.steps().stream().filter(s -> s.name().equals("extractIndicatorsStep")).findFirst().orElseThrow();
        assertThat(extract.read()).isEqualTo(5);
        assertThat(extract.written()).isEqualTo(5);
        assertThat(query(warehouse, "SELECT source_file, status, reason FROM submissions ORDER BY 1"))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.get(2)).isNotBlank());
        var template = query(warehouse, "SELECT status, reason FROM submissions WHERE source_file LIKE '000%'").get(0);
        assertThat(template.get(0)).isEqualTo("quarantined");
        assertThat(template.get(1)).startsWith("region_unresolved");
        assertThat(count(warehouse, "SELECT count(*) FROM submissions WHERE status = 'published'")).isGreaterThanOrEqualTo(3);
        // one canonical figure per region, year and indicator, each traced to its sentence
        assertThat(count(warehouse, "SELECT count(*) FROM (SELECT region_code, year, indicator FROM observations "
                + "GROUP BY ALL HAVING count(*) > 1)")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE evidence IS NULL OR evidence = ''")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE region_code = '371525' AND year = 2024 "
                + "AND province_code = '370000' AND region_name = '冠县'")).isPositive();
        assertThat(count(warehouse, "SELECT count(*) FROM regions")).isGreaterThan(3000);
        assertThat(count(warehouse, "SELECT count(*) FROM indicators")).isGreaterThanOrEqualTo(45);
    }

    @Test
    void aNightlyRunRecordsTheKnowledgeFilesItsStatisticsReadAfterTheObservationsWereWritten() throws Exception {
        Path warehouse = sampleRunOfAFreshProcess("nightly");
        assertThat(query(warehouse, "SELECT file FROM knowledge_files WHERE carried_from IS NULL"))
                .extracting(r -> r.get(0)).contains("jobs/statistics.yaml", "schema/indicators.yaml")
                .doesNotHaveDuplicates();
        assertThat(count(warehouse, "SELECT count(*) FROM knowledge_files WHERE carried_from IS NOT NULL")).isZero();
    }

    @Test
    void anIngestRecordsEveryKnowledgeFileOfThePipelineThoughItReadsThemOnlyWhenItComposes() throws Exception {
        Path warehouse = sampleRunOfAFreshProcess("ingest");
        // the ranking framework and the validation rules are not read by the time the version is composed, and an
        // ingest never ranks: they are listed because the stages are all built before a version is composed
        assertThat(query(warehouse, "SELECT file FROM knowledge_files WHERE carried_from IS NULL"))
                .extracting(r -> r.get(0)).contains("jobs/ranking-default.yaml", "schema/validation-rules.yaml",
                        "schema/extraction-lexicon.yaml", "schema/indicators.yaml")
                .doesNotHaveDuplicates();
    }

    /** The sample reports run by {@code job} as a process that has read no knowledge file yet would run them. */
    private Path sampleRunOfAFreshProcess(String job) throws Exception {
        KnowledgeFiles.useBundled(); // forget what earlier tests of this JVM read
        Path warehouse = tmp.resolve("wh");
        var outcome = run(job, TestWarehouses.copyOfSampleData(tmp.resolve("in")), warehouse);
        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
        return warehouse;
    }

    @Test
    void runningTwiceOnTheSameInputGivesTheSameWarehouse() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        String contents = "SELECT submission_id, region_code, year, indicator, value, qualifier, char_offset "
                + "FROM observations ORDER BY ALL";

        run("ingest", input, warehouse);
        var first = query(warehouse, contents);
        var second = run("ingest", input, warehouse);

        assertThat(second.completed()).isTrue();
        assertThat(query(warehouse, contents)).isEqualTo(first);
        var discover = second.steps().stream().filter(s -> s.name().equals("discoverSubmissionsStep")).findFirst().orElseThrow();
        assertThat(discover.filtered()).as("unchanged files are skipped").isEqualTo(5);
        assertThat(count(warehouse, "SELECT count(*) FROM submissions")).isEqualTo(5);
    }

    @Test
    void aChangedFileReplacesItsEarlierVersion() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("wh");
        run("ingest", input, warehouse);
        String before = query(warehouse, "SELECT submission_id FROM submissions WHERE source_file LIKE '001%'").get(0).get(0);

        Path report = input.resolve("001_698cc89598c5c7a3.txt");
        Files.writeString(report, Files.readString(report) + "\n（本报告已更正）\n");
        run("ingest", input, warehouse);

        var rows = query(warehouse, "SELECT submission_id, status FROM submissions WHERE source_file LIKE '001%'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isNotEqualTo(before);
        assertThat(count(warehouse, "SELECT count(*) FROM observations WHERE submission_id = '" + before + "'")).isZero();
        assertThat(count(warehouse, "SELECT count(DISTINCT submission_id) FROM observations WHERE region_code = '371525'"))
                .isEqualTo(1);
    }

    @Test
    void aByteIdenticalCopyIsADuplicateOfTheFirst() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.copy(input.resolve("002_3c2dc1afcfd2df07.txt"), input.resolve("002_copy.txt"));

        run("ingest", input, tmp.resolve("wh"));

        assertThat(query(tmp.resolve("wh"), "SELECT status, reason FROM submissions WHERE source_file = '002_copy.txt'"))
                .containsExactly(List.of("duplicate", "same bytes as 002_3c2dc1afcfd2df07.txt"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM observations WHERE source_file = '002_copy.txt'")).isZero();
    }

    @Test
    void badInputNeverStopsTheRunAndEveryFileEndsInOneStatusWithAReason() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.write(input.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(input.resolve("noise.pdf"), noise);
        new Random(8).nextBytes(noise);
        Files.write(input.resolve("noise.txt"), noise);
        Files.write(input.resolve("truncated.docx"), new byte[]{0x50, 0x4b, 0x03, 0x04, 0x14, 0x00});
        Files.writeString(input.resolve("unrelated.html"),
                "<html><body><h1>天气预报</h1><p>明天晴，气温18度。</p></body></html>", StandardCharsets.UTF_8);

        var outcome = run("ingest", input, tmp.resolve("wh"));

        assertThat(outcome.completed()).isTrue();
        var rows = query(tmp.resolve("wh"), "SELECT source_file, status, reason FROM submissions ORDER BY 1");
        assertThat(rows).hasSize(10).allSatisfy(r -> {
            assertThat(r.get(1)).isIn("published", "quarantined", "duplicate", "failed");
            assertThat(r.get(2)).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(rows).filteredOn(r -> !r.get(0).matches("00[1-4].*"))
                .allSatisfy(r -> assertThat(r.get(1)).isIn("quarantined", "failed"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM submissions WHERE status = 'published'"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theWarehouseIsPublishedAsOneVersionBehindAStableLink() throws Exception {
        Path warehouse = tmp.resolve("wh");
        run("ingest", TestWarehouses.copyOfSampleData(tmp.resolve("in")), warehouse);

        assertThat(Files.isSymbolicLink(warehouse.resolve("current"))).isTrue();
        assertThat(warehouse.resolve("observations")).isDirectory();
        assertThat(warehouse.resolve("_staging")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void manifestRowsThatCannotBeUsedAreReportedForTheirFile() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.copy(input.resolve("003_f01752eb6ba1081d.txt"), input.resolve("wrong_code.txt"));
        Files.writeString(input.resolve("wrong_code.txt"), "\n补充说明。", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(input.resolve("manifest.csv"), Files.readString(input.resolve("manifest.csv"))
                + "never_sent.txt,371525,2023,\nwrong_code.txt,999999,2023,\n");

        run("ingest", input, tmp.resolve("wh"));

        assertThat(query(tmp.resolve("wh"), "SELECT source_file, status, reason FROM submissions "
                + "WHERE source_file IN ('never_sent.txt', 'wrong_code.txt') ORDER BY 1"))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("never_sent.txt", "failed").last().asString()
                                .contains("not in the input folder"),
                        r -> assertThat(r).startsWith("wrong_code.txt", "quarantined").last().asString()
                                .contains("999999"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM submissions WHERE status = 'published'")).isEqualTo(4);
    }

    @Test
    void aDepartmentsOwnReportIsHeldBackUnlessTheManifestStatesItsRegionAndYear() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        // a bureau's report under the county's name: its cases are the bureau's, not the county's
        String bureau = "冠县市场监督管理局关于2023年度法治政府建设情况的报告\n"
                + "2023年，我局坚持依法行政，全年收到行政复议申请15件，行政诉讼案件9件。\n特此报告。\n";
        Files.writeString(input.resolve("bureau.txt"), bureau);
        Files.writeString(input.resolve("bureau_region_only.txt"), bureau + "（一）");
        Files.writeString(input.resolve("bureau_listed.txt"), bureau + "（二）");
        Files.writeString(input.resolve("manifest.csv"), Files.readString(input.resolve("manifest.csv"))
                + "bureau_region_only.txt,371525,,\nbureau_listed.txt,371525,2023,\n");

        var outcome = run("ingest", input, tmp.resolve("wh"));

        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
        assertThat(query(tmp.resolve("wh"), "SELECT source_file, status, reason FROM submissions "
                + "WHERE source_file LIKE 'bureau%' ORDER BY 1"))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("bureau.txt", "quarantined").last().asString()
                                .startsWith("author_not_government: the title names 冠县市场监督管理局 as its author:"
                                        + " a department's own report")
                                .contains("; to resolve, list the file in manifest.csv with its region_code and year"),
                        r -> assertThat(r).startsWith("bureau_listed.txt", "published"),
                        r -> assertThat(r).startsWith("bureau_region_only.txt", "quarantined").last().asString()
                                .startsWith("author_not_government: the title names 冠县市场监督管理局"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM observations WHERE source_file IN "
                + "('bureau.txt', 'bureau_region_only.txt')")).isZero();
        // the county's own reports of the same run are published as before, and the listed file with them
        assertThat(query(tmp.resolve("wh"), "SELECT source_file FROM submissions WHERE status = 'published' ORDER BY 1"))
                .extracting(r -> r.get(0)).containsExactly("001_698cc89598c5c7a3.txt", "002_3c2dc1afcfd2df07.txt",
                        "003_f01752eb6ba1081d.txt", "004_1a52504bc4d5246d.txt", "bureau_listed.txt");
    }

    @Test
    void aMalformedManifestIsIgnoredAndEveryFileSaysSo() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Files.writeString(input.resolve("manifest.csv"), "file;region;year\n001_698cc89598c5c7a3.txt;371525;2024\n");

        var outcome = run("ingest", input, tmp.resolve("wh"));

        assertThat(outcome.completed()).isTrue();
        assertThat(query(tmp.resolve("wh"), "SELECT reason FROM submissions"))
                .allSatisfy(r -> assertThat(r.get(0)).contains("manifest.csv ignored"));
        // the reports name their county and year, so they are still published from their text
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM submissions WHERE status = 'published'")).isEqualTo(4);
    }

    @Test
    void aCountyMaySendATableOfFiguresInsteadOfProse() throws Exception {
        Path input = tmp.resolve("tables");
        Files.createDirectories(input);
        Files.writeString(input.resolve("guanxian-2023.csv"), """
                indicator,value,unit,qualifier,region_code,year
                recon_applications,150,件,,371525,2023
                head_appearance_rate,98.5,%,,371525,2023
                """);
        Files.writeString(input.resolve("broken.csv"), "indicator,value,region_code,year\nno_such,1,371525,2022\n");
        Files.writeString(input.resolve("whose.csv"), "indicator,value,year\nrecon_applications,12,2022\n");

        run("ingest", input, tmp.resolve("wh"));

        assertThat(query(tmp.resolve("wh"), "SELECT indicator, value, rule FROM observations ORDER BY 1"))
                .containsExactly(List.of("head_appearance_rate", "98.5", "table:csv"),
                        List.of("recon_applications", "150.0", "table:csv"));
        assertThat(query(tmp.resolve("wh"), "SELECT status, reason FROM submissions WHERE source_file = 'broken.csv'"))
                .containsExactly(List.of("quarantined", "table: row 1: unknown indicator 'no_such'"));
        assertThat(query(tmp.resolve("wh"), "SELECT status, reason FROM submissions WHERE source_file = 'whose.csv'"))
                .containsExactly(List.of("quarantined", "table: row 1: region_unresolved: neither the row nor the"
                        + " manifest names it; to resolve, add a region_code column to the table or a manifest.csv row"
                        + " with its region_code"));
    }

    @Test
    void aProvincesTableOfFiguresIsPublishedBesideTheCountiesOwnReports() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        StringBuilder table = new StringBuilder("region_code,year,indicator,value,qualifier\n");
        // 371525/2024 is also the year of a sample report: the county's own report keeps it
        for (String county : List.of("371525", "371521", "371522")) {
            for (int year = 2020; year <= 2024; year++) {
                table.append(county).append(',').append(year).append(",recon_applications,").append(year - 1900)
                        .append(",exact\n");
            }
        }
        table.append("371521,2020,recon_applications,999,exact\n"); // stated twice: the first row counts
        Files.writeString(input.resolve("shandong-2020-2024.csv"), table);

        var outcome = run("ingest", input, tmp.resolve("wh"));

        assertThat(outcome.completed()).isTrue();
        assertThat(query(tmp.resolve("wh"), "SELECT source_file, status FROM submissions WHERE status <> 'quarantined' "
                + "ORDER BY 1")).containsExactly(List.of("001_698cc89598c5c7a3.txt", "published"),
                List.of("002_3c2dc1afcfd2df07.txt", "published"), List.of("003_f01752eb6ba1081d.txt", "published"),
                List.of("004_1a52504bc4d5246d.txt", "published"), List.of("shandong-2020-2024.csv", "published"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM observations WHERE source_file LIKE 'shandong%'"))
                .isEqualTo(14);
        assertThat(query(tmp.resolve("wh"), "SELECT value FROM observations WHERE region_code = '371521' "
                + "AND year = 2020 AND indicator = 'recon_applications'")).containsExactly(List.of("120.0"));
        assertThat(query(tmp.resolve("wh"), "SELECT DISTINCT source_file FROM observations WHERE region_code = '371525' "
                + "AND year = 2024")).containsExactly(List.of("001_698cc89598c5c7a3.txt"));
    }

    @Test
    void aTableWithManyBadRowsIsHeldBackWithAReasonOfBoundedLength() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        StringBuilder table = new StringBuilder("indicator,value,region_code,year\n");
        for (int i = 0; i < 5_000; i++) {
            table.append("no_such_indicator,").append(i).append(",371525,2024\n");
        }
        Files.writeString(input.resolve("broken.csv"), table);

        run("ingest", input, tmp.resolve("wh"));

        String reason = query(tmp.resolve("wh"), "SELECT reason FROM submissions WHERE source_file = 'broken.csv'")
                .get(0).get(0);
        assertThat(reason).startsWith("table: row 1: unknown indicator 'no_such_indicator'")
                .endsWith("and 4,995 more problems").hasSizeLessThan(400);
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM submissions WHERE status = 'published'")).isEqualTo(4);
    }

    @Test
    void anOversizedOrRunawayFileIsQuarantinedAndTheRestOfTheNightIsPublished() throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        // the shape of a hostile file: a title, then one figure sentence over and over (a quadratic scan
        // in the extractor took minutes on it; a budget stops it whatever the extractor does)
        String title = "冠县2024年法治政府建设情况的报告\n";
        // 16 MB of it: several times the 2 s limit even at the extractor's linear speed, on any machine
        Files.writeString(input.resolve("runaway.txt"), title + "行政复议申请181件。".repeat(600_000));
        Files.writeString(input.resolve("huge.txt"), title + "一".repeat(8_000_000));

        var outcome = BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("wh"), null, false,
                java.util.Map.of("report-size", "20MB", "report-time", "2s")));

        assertThat(outcome.completed()).isTrue();
        assertThat(query(tmp.resolve("wh"), "SELECT source_file, status, split_part(reason, ':', 1) FROM submissions "
                + "WHERE source_file IN ('runaway.txt', 'huge.txt') ORDER BY 1")).containsExactly(
                List.of("huge.txt", "quarantined", "too_large"),
                List.of("runaway.txt", "quarantined", "extraction_budget_exceeded"));
        assertThat(count(tmp.resolve("wh"), "SELECT count(*) FROM submissions WHERE status = 'published'")).isEqualTo(4);
    }
}
