package fazhi.config.nightly;

import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.Mention;
import fazhi.normalize.MentionNormalizer;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.RegionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's level reaches the extractor from the region the ingest identified (manifest or text): a
 * province's own report keeps its 全省 figures, a county's report gives them to the province.
 */
class ReportLevelThroughIngestTest {
    private static final RegionTable REGIONS = RegionTable.bundled();
    private static final IndicatorCatalog CATALOG = IndicatorCatalog.bundled();

    @TempDir
    Path tmp;

    private static final String PASSAGE = "一、行政复议工作\n"
            + "2023年，全省各级行政复议机关共收到行政复议申请5422件，依法受理4870件。\n"
            + "全省行政机关负责人出庭应诉率达到98.6%。\n";

    @Test
    void aProvincesOwnReportKeepsItsWholeProvinceFigures() throws IOException {
        Map<String, Double> figures = ingest(PASSAGE, "370000");

        assertThat(figures).containsEntry("recon_applications", 5422.0).containsEntry("recon_accepted", 4870.0)
                .containsEntry("head_appearance_rate", 98.6);
    }

    @Test
    void aCountysReportGivesTheWholeProvinceFiguresToTheProvince() throws IOException {
        Map<String, Double> figures = ingest(PASSAGE, "371525");

        assertThat(figures).doesNotContainKeys("recon_applications", "recon_accepted", "head_appearance_rate");
    }

    @Test
    void aMunicipalitysReportKeepsItsWholeCityFiguresAndACityDistrictsDoesNot() throws IOException {
        String passage = "2023年，全市行政复议机关共收到行政复议申请3150件。\n";

        assertThat(ingest(passage, "110000")).containsEntry("recon_applications", 3150.0);
        assertThat(ingest(passage, "110105")).doesNotContainKey("recon_applications");
    }

    @Test
    void aCountyLevelCitysReportKeepsItsWholeCityFigures() throws IOException {
        String passage = "2023年，全市共收到行政复议申请96件。\n";

        assertThat(ingest(passage, "510981")).containsEntry("recon_applications", 96.0);
        assertThat(ingest(passage, "510903")).doesNotContainKey("recon_applications");
    }

    private Map<String, Double> ingest(String text, String regionCode) throws IOException {
        Path file = tmp.resolve(regionCode + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        var submission = new DiscoveredSubmission(file.getFileName().toString(), file.toString(), regionCode, text.length(),
                regionCode, 2023, false, null, DiscoveredSubmission.Action.PROCESS, null);
        ReportInProgress r = ReportInProgress.start(submission);
        r = new DecodeReportProcessor(new SubmissionReader()).process(r);
        r = new IdentifyReportProcessor(new ReportIdentifier(REGIONS), REGIONS).process(r);
        r = new CleanTextProcessor(new TextCleaner()).process(r);
        r = new ExtractMentionsProcessor(new IndicatorExtractor(CATALOG)).process(r);
        r = new NormalizeMentionsProcessor(new MentionNormalizer(CATALOG), new CanonicalSelector()).process(r);
        assertThat(r.stopped()).as("stopped: %s", r.reason()).isFalse();
        assertThat(r.identification().regionCode()).isEqualTo(regionCode);
        return r.canonical().stream().filter(m -> m.value() != null)
                .collect(Collectors.toMap(Mention::indicator, Mention::value, (a, b) -> a));
    }
}
