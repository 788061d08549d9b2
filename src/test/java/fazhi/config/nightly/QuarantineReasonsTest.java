package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.extract.CleanedText;
import fazhi.ingest.DecodedDocument;
import fazhi.ingest.DiscoveredSubmission;
import fazhi.reference.RegionTable;
import fazhi.ingest.ReportIdentifier;
import fazhi.normalize.StructuredFigures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every quarantine the extraction step decides says what would resolve it. */
class QuarantineReasonsTest {
    private static final String BODY_WITHOUT_TITLE = "今年以来，我县深入推进依法行政，法治政府建设取得新成效。\n特此报告。\n县人民政府\n2024年3月20日";

    private final IdentifyReportProcessor identify =
            new IdentifyReportProcessor(new ReportIdentifier(RegionTable.bundled()), RegionTable.bundled());

    private static ReportInProgress report(String manifestRegion, Integer manifestYear, String text) {
        var s = new DiscoveredSubmission("a.txt", "/in/a.txt", "abc", 10, manifestRegion, manifestYear, false, null,
                DiscoveredSubmission.Action.PROCESS, null);
        return ReportInProgress.start(s).withDecoded(new DecodedDocument("txt", "UTF-8", text));
    }

    @Test
    void aReportWhoseTitleThePageDroppedNeedsAManifestRowWithItsRegion() {
        ReportInProgress r = identify.process(report(null, null, BODY_WITHOUT_TITLE));

        assertThat(r.status()).isEqualTo(SubmissionStatus.QUARANTINED);
        assertThat(r.reason()).startsWith("region_unresolved: no report title (the publishing page may have dropped it)")
                .endsWith("; to resolve, add a manifest.csv row for the file with its region_code (6-digit GB/T 2260"
                        + " code, see schema/regions.csv)");
    }

    @Test
    void aManifestRegionWithoutAYearAsksForTheYearNotTheRegion() {
        ReportInProgress r = identify.process(report("371525", null, BODY_WITHOUT_TITLE));

        assertThat(r.reason()).startsWith("year_unresolved: the manifest names the region but not the year")
                .endsWith("; to resolve, add the year to the file's manifest.csv row");
    }

    private static final String TOWN_REPORT = "丰都县树人镇人民政府2025年法治政府建设情况报告\n2025年，树人镇坚持依法行政。";

    @Test
    void aTownsOwnReportIsHeldBackNamingItsAuthor() {
        ReportInProgress r = identify.process(report(null, null, TOWN_REPORT));

        assertThat(r.status()).isEqualTo(SubmissionStatus.QUARANTINED);
        assertThat(r.reason()).startsWith("author_not_government: the title names 丰都县树人镇人民政府 as its author:"
                + " a town's or street's own report").endsWith("else mark it expected_status=quarantined");
    }

    @Test
    void aManifestRegionWithoutAYearDoesNotMakeATownsReportTheCountys() {
        ReportInProgress r = identify.process(report("500230", null, TOWN_REPORT));

        assertThat(r.reason()).startsWith("author_not_government: the title names 丰都县树人镇人民政府");
    }

    @Test
    void aManifestRowWithRegionAndYearIsTheOperatorsWordThatItIsTheCountysReport() {
        ReportInProgress r = identify.process(report("500230", 2025, TOWN_REPORT));

        assertThat(r.stopped()).isFalse();
        assertThat(r.identification().regionCode()).isEqualTo("500230");
        assertThat(r.identification().method()).isEqualTo("manifest");
    }

    private static final String INTERPRETATION = "【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读\n"
            + "清水县人民政府 2024年01月08日\n县司法局起草了年度报告，现解读如下:";

    @Test
    void aPageAboutAReportIsHeldBackEvenWithAManifestRegionAlone() {
        ReportInProgress alone = identify.process(report(null, null, INTERPRETATION));
        ReportInProgress withRegion = identify.process(report("620521", null, INTERPRETATION));

        assertThat(alone.status()).isEqualTo(SubmissionStatus.QUARANTINED);
        assertThat(alone.reason()).startsWith("not_a_report: the title (【政策解读】").contains("has 解读")
                .endsWith("else mark it expected_status=quarantined");
        assertThat(withRegion.reason()).startsWith("not_a_report: ");
    }

    @Test
    void aManifestRegionCodeOutsideTheTableIsToBeCorrected() {
        ReportInProgress r = identify.process(report("379999", 2023, BODY_WITHOUT_TITLE));

        assertThat(r.reason()).isEqualTo("region_unresolved: code 379999 is not in the GB/T 2260 table; to resolve,"
                + " correct the region_code (schema/regions.csv lists the codes)");
    }

    @Test
    void aReportWithoutFiguresSaysWhereNewPhrasingsGo() {
        ReportInProgress r = new DecideStatusProcessor().process(report("371525", 2023, BODY_WITHOUT_TITLE)
                .withCleanText(new CleanedText("", new int[0], 0)).withMentions(List.of(), List.of()));

        assertThat(r.reason()).startsWith("no_figures: ").contains("; to resolve, ")
                .contains("schema/indicators.yaml").contains(".csv table");
    }
}
