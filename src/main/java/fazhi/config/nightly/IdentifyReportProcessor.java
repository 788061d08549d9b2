package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;

import fazhi.ingest.Identification;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.ingest.ReportIdentifier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * identify region and year. The manifest wins over the text; the text is read before cleaning because
 * the page chrome (索引号, 发布机构) that cleaning removes is evidence of who published the report. A manifest row
 * with region and year is the operator's word that the file is that region's report: its text is not read,
 * so a department's or town's report listed that way is published as the region's.
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
            return report.stop(SubmissionStatus.QUARANTINED, fromText.reason());
        }
        Region region = regions.byCode(regionCode).orElse(null);
        if (region == null) {
            return report.stop(SubmissionStatus.QUARANTINED, Identification.regionUnresolved("code " + regionCode
                    + " is not in the GB/T 2260 table", "correct the region_code (schema/regions.csv lists the codes)")
                    .reason());
        }
        if (year == null) {
            String reason = fromText.reason();
            // a department's or town's own report, or a page about a report, stays held back with that reason: a
            // region alone in the manifest does not say it is the government's report (a row with region and year
            // does, and is never read for it)
            if (!reason.startsWith("year_unresolved") && !Identification.isAuthorReason(reason)
                    && !Identification.isNotAReportReason(reason)) {
                // the manifest named the region; reading the text stopped at its region, before any year
                String why = reason.contains("; to resolve") ? reason.substring(0, reason.indexOf("; to resolve")) : reason;
                reason = Identification.yearUnresolved("the manifest names the region but not the year, and the"
                        + " text was not read for one (" + why + ")", "add the year to the file's manifest.csv row")
                        .reason();
            }
            return report.stop(SubmissionStatus.QUARANTINED, reason);
        }
        return report.withIdentification(new Identification(regionCode, year, method, null), region);
    }
}
