package fazhi.report;

import fazhi.report.ReportData.DisclosureEntry;
import fazhi.report.ReportData.DisclosureYear;
import fazhi.report.ReportData.IndicatorPanel;
import fazhi.report.ReportData.OutlierEntry;
import fazhi.report.ReportData.ProvinceSection;
import fazhi.report.ReportData.RankingEntry;
import fazhi.report.ReportData.RegionSeries;
import fazhi.report.ReportData.SyntheticShare;
import fazhi.stats.OutlierDetector;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static fazhi.report.Html.esc;
import static fazhi.report.Html.num;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS and inline SVG, no script, no fonts or
 * images from the network, UTF-8. Every text that comes from the warehouse is escaped.
 */
public final class HtmlReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** The page in the language of {@code lang}: its words are those of schema/messages.csv. */
    public static String render(ReportData d, Instant generatedAt, Messages.Lang lang) {
        Messages m = Messages.of(lang);
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = m.text("report.title", d.year())
                + (d.provinces().size() == 1 ? " — " + d.provinces().get(0).provinceName() : "");
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.htmlLang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(m.html("report.h1", d.year())).append("</h1>\n<p class=\"meta\">")
                .append(m.html("report.meta.warehouse", d.warehouseLabel()));
        if (d.runId() != null) {
            b.append(m.html("report.meta.run", d.runId()));
        }
        b.append(m.html("report.meta.generated", STAMP.format(generatedAt))).append("</p></header>\n");
        syntheticBanner(b, d.synthetic(), m);
        if (d.provinces().isEmpty()) {
            b.append("<p class=\"note\">").append(m.html("report.empty_year", d.year())).append("</p>\n");
        }
        if (d.provinces().size() > 1) {
            b.append("<nav><strong>").append(m.html("report.nav.provinces")).append("</strong> ");
            for (ProvinceSection p : d.provinces()) {
                b.append("<a href=\"#p-").append(esc(p.provinceCode())).append("\">").append(esc(p.provinceName())).append("</a> ");
            }
            b.append("</nav>\n");
        }
        for (ProvinceSection p : d.provinces()) {
            province(b, d.year(), p, m);
        }
        b.append("<footer><p>").append(m.html("report.footer")).append("</p></footer>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void syntheticBanner(StringBuilder b, SyntheticShare s, Messages m) {
        if (!s.any()) {
            return;
        }
        b.append("<div class=\"synthetic-banner\" role=\"alert\">").append(m.html("synthetic.head"));
        if (s.syntheticObservations() > 0) {
            b.append(m.html("synthetic.observations", s.syntheticObservations(), s.observations()));
        }
        if (s.syntheticRankings() > 0) {
            b.append(s.syntheticObservations() > 0 ? m.html("synthetic.separator") : "")
                    .append(m.html("synthetic.rankings", s.syntheticRankings(), s.rankings()));
        }
        b.append(m.html("synthetic.end")).append("</div>\n");
    }

    private static void province(StringBuilder b, int year, ProvinceSection p, Messages m) {
        b.append("<section class=\"province\" id=\"p-").append(esc(p.provinceCode())).append("\">\n<h2>")
                .append(esc(p.provinceName())).append(" <span class=\"code\">").append(esc(p.provinceCode()))
                .append("</span></h2>\n");
        ranking(b, year, p, m);
        disclosure(b, year, p, m);
        trends(b, year, p, m);
        outliers(b, year, p, m);
        corrections(b, p, m);
        b.append("</section>\n");
    }

    private static void ranking(StringBuilder b, int year, ProvinceSection p, Messages m) {
        b.append("<h3>").append(m.html("ranking.h3", year)).append("</h3>\n");
        List<RankingEntry> ranked = p.ranked();
        if (ranked.isEmpty()) {
            b.append("<p class=\"empty\">").append(m.html(p.rankings().isEmpty() ? "ranking.none.no_rows" : "ranking.none.too_few", year))
                    .append("</p>\n");
        } else {
            int maxRank = ranked.size();
            for (RankingEntry r : ranked) {
                if (r.rankP95() != null) {
                    maxRank = Math.max(maxRank, r.rankP95());
                }
            }
            SvgCharts.RankScale scale = new SvgCharts.RankScale(maxRank, 260, 8);
            b.append("<p class=\"explain\">").append(m.html("ranking.explain")).append("</p>\n");
            b.append("<table class=\"ranking\">\n<thead><tr><th>").append(m.html("ranking.th.rank")).append("</th><th>")
                    .append(m.html("ranking.th.county")).append("</th><th class=\"num\">").append(m.html("ranking.th.score"))
                    .append("</th><th>").append(m.html("ranking.th.interval")).append("<br>").append(SvgCharts.rankAxis(scale))
                    .append("</th><th class=\"num\">").append(m.html("ranking.th.p05_p95")).append("</th><th class=\"num\">")
                    .append(m.html("ranking.th.indicators")).append("</th><th class=\"num\">").append(m.html("ranking.th.coverage"))
                    .append("</th><th>").append(m.html("ranking.th.drivers")).append("</th><th></th></tr></thead>\n<tbody>\n");
            for (RankingEntry r : ranked) {
                String name = r.regionName() == null ? r.regionCode() : r.regionName();
                String label = m.text("ranking.bar_label", name, r.rank(), r.rankP05(), r.rankP95(), r.rankMedian());
                b.append("<tr><td class=\"num\">").append(r.rank()).append("</td><td>").append(esc(name))
                        .append(" <span class=\"code\">").append(esc(r.regionCode())).append("</span></td><td class=\"num\">")
                        .append(esc(r.score() == null ? "–" : Html.num(r.score(), 1))).append("</td><td>")
                        .append(SvgCharts.rankInterval(scale, r.rank(), r.rankP05(), r.rankMedian(), r.rankP95(), label))
                        .append("</td><td class=\"num\">").append(r.rankP05()).append("–").append(r.rankP95())
                        .append("</td><td class=\"num\">").append(r.indicatorsUsed()).append("</td><td class=\"num\">")
                        .append(Html.num(100 * r.coverage(), 0)).append("%</td><td class=\"drivers\">")
                        .append(drivers(r.drivers(), m)).append("</td><td>")
                        .append(r.synthetic() ? "<span class=\"tag synthetic\">" + m.html("ranking.synthetic_input") + "</span>" : "")
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        List<RankingEntry> notRanked = p.notRanked();
        if (!notRanked.isEmpty()) {
            b.append("<details class=\"not-ranked\"").append(ranked.isEmpty() ? " open" : "").append("><summary>")
                    .append(m.html("ranking.not_ranked", notRanked.size())).append("</summary>\n<ul>\n");
            for (RankingEntry r : notRanked) {
                b.append("<li>").append(esc(r.regionName() == null ? r.regionCode() : r.regionName()))
                        .append(" <span class=\"code\">").append(esc(r.regionCode())).append("</span> — ")
                        .append(esc(r.notRankedReason())).append("</li>\n");
            }
            b.append("</ul></details>\n");
        }
    }

    /**
     * The two indicators that cost the county most score (weight share × distance from 100) and the one that
     * earned it most (weight share × value), each as "code value/100 (share of weight)"; imputed values marked *.
     * A county that reports everything is scored on its weak indicators too: this is where that shows.
     */
    static String drivers(List<ReportData.Driver> drivers, Messages m) {
        if (drivers.isEmpty()) {
            return "";
        }
        List<ReportData.Driver> costly = drivers.stream().filter(d -> d.cost() > 0).limit(2).toList();
        StringBuilder b = new StringBuilder(m.text("drivers.held_back", costly.isEmpty() ? m.text("drivers.nothing")
                : String.join(m.text("drivers.separator"), costly.stream().map(d -> driver(d, m)).toList())));
        drivers.stream().max(java.util.Comparator.comparingDouble(d -> d.weightShare() * d.normalised()))
                .ifPresent(d -> b.append(m.text("drivers.carried", driver(d, m))));
        long imputed = drivers.stream().filter(ReportData.Driver::imputed).count();
        if (imputed > 0) {
            b.append(m.text("drivers.imputed", imputed, drivers.size()));
        }
        return esc(b.toString());
    }

    private static String driver(ReportData.Driver d, Messages m) {
        return m.text("drivers.one", d.indicator() + (d.imputed() ? "*" : ""), Html.num(d.normalised(), 0),
                Html.num(100 * d.weightShare(), 0));
    }

    private static void trends(StringBuilder b, int year, ProvinceSection p, Messages m) {
        b.append("<h3>").append(m.html("trends.h3")).append("</h3>\n");
        if (p.panels().isEmpty()) {
            b.append("<p class=\"empty\">").append(m.html("trends.none", year)).append("</p>\n");
            return;
        }
        b.append("<p class=\"explain\">").append(m.html("trends.explain", year)).append("</p>\n");
        for (IndicatorPanel panel : p.panels()) {
            b.append("<h4>").append(esc(panel.name())).append(" <span class=\"code\">").append(esc(panel.code()));
            if (panel.unit() != null) {
                b.append(" · ").append(esc(panel.unit()));
            }
            b.append("</span></h4>\n");
            long withTrend = panel.regions().stream().filter(r -> r.trend() != null).count();
            if (withTrend == 0) {
                b.append("<p class=\"empty\">").append(m.html("trends.no_line")).append("</p>\n");
            }
            SvgCharts.PanelScale scale = SvgCharts.PanelScale.of(panel);
            b.append("<div class=\"grid\">");
            for (RegionSeries r : panel.regions()) {
                b.append(SvgCharts.smallMultiple(r, scale, year, panel.unit()));
            }
            b.append("</div>\n");
            if (panel.regionsLeftOut() > 0) {
                b.append("<p class=\"explain\">").append(m.html("trends.left_out", panel.regionsLeftOut())).append("</p>\n");
            }
        }
    }

    private static void disclosure(StringBuilder b, int year, ProvinceSection p, Messages m) {
        b.append("<h3>").append(m.html("disclosure.h3", year)).append("</h3>\n");
        if (p.disclosure().isEmpty()) {
            b.append("<p class=\"empty\">").append(m.html("disclosure.none", year)).append("</p>\n");
            return;
        }
        int maxRank = 1;
        for (DisclosureEntry d : p.disclosure()) {
            maxRank = Math.max(maxRank, d.rankP95() == null ? 1 : d.rankP95());
        }
        SvgCharts.RankScale scale = new SvgCharts.RankScale(maxRank, 260, 8);
        b.append("<p class=\"explain\">").append(m.html("disclosure.explain", p.disclosure().get(0).catalogSize())).append("</p>\n");
        b.append("<table class=\"ranking disclosure\">\n<thead><tr><th>").append(m.html("disclosure.th.rank")).append("</th><th>")
                .append(m.html("disclosure.th.county")).append("</th><th class=\"num\">").append(m.html("disclosure.th.disclosed"))
                .append("</th><th class=\"num\">").append(m.html("disclosure.th.share")).append("</th><th>")
                .append(m.html("disclosure.th.interval")).append("<br>").append(SvgCharts.rankAxis(scale))
                .append("</th><th class=\"num\">").append(m.html("disclosure.th.p05_p95")).append("</th><th>")
                .append(m.html("disclosure.th.domains")).append("</th><th></th></tr></thead>\n<tbody>\n");
        for (DisclosureEntry d : p.disclosure()) {
            String name = d.regionName() == null ? d.regionCode() : d.regionName();
            boolean ranked = d.rank() != null;
            b.append("<tr><td class=\"num\">").append(ranked ? d.rank() : "–").append("</td><td>").append(esc(name))
                    .append(" <span class=\"code\">").append(esc(d.regionCode())).append("</span></td><td class=\"num\">")
                    .append(d.indicatorsDisclosed()).append("/").append(d.catalogSize()).append("</td><td class=\"num\">")
                    .append(num(100 * d.share(), 0)).append("%</td><td>")
                    .append(ranked ? SvgCharts.rankInterval(scale, d.rank(), d.rankP05(), d.rankMedian(), d.rankP95(),
                            m.text("disclosure.bar_label", name, d.rank(), d.peers(), d.rankP05(), d.rankP95())) : "")
                    .append("</td><td class=\"num\">")
                    .append(ranked ? m.html("disclosure.interval_of", d.rankP05(), d.rankP95(), d.peers()) : "")
                    .append("</td><td class=\"domains\">").append(esc(d.domains() == null ? "" : d.domains()))
                    .append("</td><td>").append(d.synthetic() ? "<span class=\"tag synthetic\">" + m.html("disclosure.synthetic") + "</span>" : "")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (p.disclosureByYear().size() > 1) {
            b.append("<p class=\"explain\">").append(m.html("disclosure.years"));
            String sep = "";
            for (DisclosureYear y : p.disclosureByYear()) {
                b.append(sep).append(m.html("disclosure.year", y.year(), y.synthetic() ? m.text("disclosure.year_synthetic") : "",
                        num(100 * y.medianShare(), 0), y.reports()));
                sep = " · ";
            }
            b.append(m.html("disclosure.years_end")).append("</p>\n");
        }
    }

    private static void outliers(StringBuilder b, int year, ProvinceSection p, Messages m) {
        b.append("<h3>").append(m.html("outliers.h3", year)).append("</h3>\n");
        if (p.outliers().isEmpty()) {
            b.append("<p class=\"empty\">").append(m.html("outliers.none", year, p.outliersScored()))
                    .append(p.outliersScored() == 0 ? m.html("outliers.none_no_peers") : "")
                    .append(m.html("outliers.none_end")).append("</p>\n");
            return;
        }
        b.append("<p class=\"explain\">").append(m.html("outliers.explain")).append("</p>\n");
        b.append("<table class=\"outliers\">\n<thead><tr><th>").append(m.html("outliers.th.region")).append("</th><th>")
                .append(m.html("outliers.th.indicator")).append("</th><th class=\"num\">").append(m.html("outliers.th.value"))
                .append("</th><th>").append(m.html("outliers.th.test")).append("</th><th class=\"num\">z</th><th>")
                .append(m.html("outliers.th.evidence")).append("</th></tr></thead>\n<tbody>\n");
        for (OutlierEntry o : p.outliers()) {
            String unit = o.unit() == null ? "" : ("%".equals(o.unit()) ? "%" : " " + o.unit());
            b.append("<tr><td>").append(esc(o.regionName() == null ? o.regionCode() : o.regionName()))
                    .append(" <span class=\"code\">").append(esc(o.regionCode())).append("</span>")
                    .append(o.synthetic() ? " <span class=\"tag synthetic\">" + m.html("outliers.synthetic") + "</span>" : "")
                    .append(o.corrected() ? " <span class=\"tag corrected\">" + m.html("outliers.corrected") + "</span>" : "")
                    .append("</td><td>").append(esc(o.indicatorName() == null ? o.indicator() : o.indicatorName()))
                    .append("<br><span class=\"code\">").append(esc(o.indicator())).append("</span></td><td class=\"num\">")
                    .append(esc(num(o.value()) + unit));
            if (o.corrected()) {
                b.append("<br><span class=\"code\">").append(m.html("outliers.extracted", num(o.extractedValue()))).append("</span>");
            }
            if (OutlierDetector.METHOD_YOY.equals(o.method())) {
                b.append("<br><span class=\"code\">").append(m.html("outliers.previous", num(o.previousValue()) + unit)).append("</span>");
            }
            b.append("</td><td>").append(m.html(OutlierDetector.METHOD_YOY.equals(o.method()) ? "outliers.test_jump" : "outliers.test_value"))
                    .append("<br><span class=\"code\">").append(m.html("outliers.versus", o.scopes())).append("</span></td><td class=\"num\">")
                    .append(esc(Html.num(o.score(), 1))).append("</td><td class=\"evidence\">");
            b.append("<blockquote>").append(o.evidence() == null ? m.html("outliers.no_sentence") : esc(o.evidence()))
                    .append("</blockquote>");
            if (o.sourceFile() != null) {
                b.append("<span class=\"code\">").append(esc(o.sourceFile()));
                if (o.charOffset() != null) {
                    b.append(" @").append(o.charOffset());
                }
                b.append("</span>");
            }
            if (o.previousEvidence() != null) {
                b.append("<blockquote class=\"previous\">").append(year - 1).append(": ").append(esc(o.previousEvidence()))
                        .append("</blockquote>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** Every correction of the province's figures up to the year, with the extracted figure it replaces. */
    private static void corrections(StringBuilder b, ProvinceSection p, Messages m) {
        if (p.corrections().isEmpty()) {
            return;
        }
        b.append("<h3>").append(m.html("corrections.h3")).append("</h3>\n<p class=\"explain\">")
                .append(m.html("corrections.explain")).append("</p>\n");
        b.append("<table class=\"corrections\">\n<thead><tr>");
        for (String column : List.of("region", "year", "indicator", "corrected", "extracted", "status", "reason")) {
            b.append(List.of("year", "corrected", "extracted").contains(column) ? "<th class=\"num\">" : "<th>")
                    .append(m.html("corrections.th." + column)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (ReportData.CorrectionEntry c : p.corrections()) {
            b.append("<tr><td>").append(esc(c.regionName() == null ? c.regionCode() : c.regionName()))
                    .append(" <span class=\"code\">").append(esc(c.regionCode())).append("</span></td><td class=\"num\">")
                    .append(c.year()).append("</td><td><span class=\"code\">").append(esc(c.indicator()))
                    .append("</span></td><td class=\"num\">")
                    .append(c.notReported() ? m.html("corrections.not_reported") : esc(num(c.value()) + " (" + c.qualifier() + ")"))
                    .append("</td><td class=\"num\">").append(c.extractedValue() == null ? "—" : esc(num(c.extractedValue())))
                    .append("</td><td><span class=\"tag ").append("applied".equals(c.status()) ? "corrected" : "review")
                    .append("\" title=\"").append(esc(c.statusReason() == null ? "" : c.statusReason())).append("\">")
                    .append(esc(m.textOr("correction_status.", c.status()))).append("</span></td><td>")
                    .append(esc(c.reason() == null ? "" : c.reason()))
                    .append(c.by() == null ? "" : " <span class=\"code\">— " + esc(c.by()) + "</span>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                   "PingFang SC", "Helvetica Neue", Arial, sans-serif; margin: 24px auto; max-width: 1180px;
                   padding: 0 16px; color: #24292f; background: #fff; line-height: 1.45; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 21px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; }
            h3 { font-size: 17px; margin: 22px 0 6px; }
            h4 { font-size: 15px; margin: 16px 0 4px; }
            .meta, .explain, footer { color: #57606a; font-size: 13px; }
            .code, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11.5px; color: #57606a; }
            .synthetic-banner { background: #fff8c5; border: 2px solid #bf8700; color: #4d2d00; padding: 10px 14px;
                   border-radius: 6px; margin: 12px 0; font-size: 14px; }
            .note, .empty { background: #f6f8fa; border-left: 4px solid #8c959f; padding: 6px 10px; font-size: 13.5px; }
            nav { margin: 8px 0; } nav a { margin-right: 10px; }
            table { border-collapse: collapse; font-size: 13.5px; }
            th, td { padding: 3px 8px; border-bottom: 1px solid #eaeef2; vertical-align: middle; text-align: left; }
            th { background: #f6f8fa; font-weight: 600; vertical-align: bottom; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.outliers td { vertical-align: top; }
            td.evidence { max-width: 560px; }
            blockquote { margin: 0 0 2px; padding-left: 8px; border-left: 3px solid #d0d7de; }
            blockquote.previous { color: #57606a; }
            .tag { font-size: 11px; padding: 1px 5px; border-radius: 8px; }
            .tag.synthetic { background: #fff8c5; border: 1px solid #bf8700; color: #4d2d00; }
            .tag.corrected { background: #ffebe9; border: 1px solid #cf222e; color: #82071e; }
            .tag.review { background: #fff1e5; border: 1px solid #bc4c00; color: #762c00; }
            .grid { display: flex; flex-wrap: wrap; gap: 6px; }
            svg text { font-size: 10px; fill: #57606a; }
            svg .sm-title { font-size: 12px; fill: #24292f; font-weight: 600; }
            svg .sm-dir { font-size: 10px; }
            details.not-ranked { margin: 8px 0; font-size: 13.5px; }
            """;
}
