package fazhi.config.nightly;

import fazhi.ingest.Identification;
import fazhi.ingest.Region;
import fazhi.ingest.RegionTable;
import fazhi.ingest.ReportIdentifier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * identify region and year. The manifest wins over the text; the text is read before cleaning because
 * the page chrome (索引号, 发布机构) that cleaning removes is evidence of who published the report.
 */
public class IdentifyReportProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final ReportIdentifier identifier;
    private final RegionTable regions;

    public IdentifyReportProcessor(ReportIdentifier identifier, RegionTable regions) {
        this.identifier = identifier;
        this.regions = regions;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped()) {
            return report;
        }
        var s = report.submission();
        Identification fromText = null;
        if (s.manifestRegionCode() == null || s.manifestYear() == null) {
            fromText = identifier.identify(report.decoded().text(), s.sourceFile());
        }
        String regionCode = s.manifestRegionCode() != null ? s.manifestRegionCode() : fromText.regionCode();
        Integer year = s.manifestYear() != null ? s.manifestYear() : fromText.year();
        String method = fromText == null ? "manifest"
                : (s.manifestRegionCode() != null || s.manifestYear() != null ? "manifest+" : "") + fromText.method();
        if (regionCode == null) {
            return report.stop(ReportInProgress.QUARANTINED, reasonOr(fromText, "region_unresolved"));
        }
        Region region = regions.byCode(regionCode).orElse(null);
        if (region == null) {
            return report.stop(ReportInProgress.QUARANTINED,
                    "region_unresolved: code " + regionCode + " is not in the GB/T 2260 table");
        }
        if (year == null) {
            return report.stop(ReportInProgress.QUARANTINED, reasonOr(fromText, "year_unresolved"));
        }
        return report.withIdentification(new Identification(regionCode, year, method, null), region);
    }

    private static String reasonOr(Identification id, String fallback) {
        return id != null && id.reason() != null ? id.reason() : fallback;
    }
}
