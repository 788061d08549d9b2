package fazhi.report;

import fazhi.report.ReportData.DisclosureEntry;
import fazhi.report.ReportData.DisclosureYear;
import fazhi.report.ReportData.IndicatorPanel;
import fazhi.report.ReportData.OutlierEntry;
import fazhi.report.ReportData.ProvinceSection;
import fazhi.report.ReportData.RankingEntry;
import fazhi.report.ReportData.RegionSeries;
import fazhi.report.ReportData.SyntheticShare;

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

    public static String render(ReportData d, Instant generatedAt) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = "fazhi report " + d.year()
                + (d.provinces().size() == 1 ? " — " + d.provinces().get(0).provinceName() : "");
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>法治政府建设 · rule-of-law indicators, ").append(d.year()).append("</h1>\n<p class=\"meta\">")
                .append("Warehouse <code>").append(esc(d.warehouseLabel())).append("</code>");
        if (d.runId() != null) {
            b.append(" · newest extraction run <code>").append(esc(d.runId())).append("</code>");
        }
        b.append(" · generated ").append(esc(STAMP.format(generatedAt))).append(" by <code>fazhi report</code></p></header>\n");
        syntheticBanner(b, d.synthetic());
        for (String note : d.notes()) {
            b.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        if (d.provinces().size() > 1) {
            b.append("<nav><strong>Provinces:</strong> ");
            for (ProvinceSection p : d.provinces()) {
                b.append("<a href=\"#p-").append(esc(p.provinceCode())).append("\">").append(esc(p.provinceName())).append("</a> ");
            }
            b.append("</nav>\n");
        }
        for (ProvinceSection p : d.provinces()) {
            province(b, d.year(), p);
        }
        b.append("<footer><p>Methods: trends and outliers as in the README (Statistics); the ranking as in ")
                .append("the README (How fazhi ranks counties). Every figure can be traced to its sentence through ")
                .append("<code>observations.evidence</code> and <code>mentions</code> (see the README, Querying).</p></footer>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void syntheticBanner(StringBuilder b, SyntheticShare s) {
        if (!s.any()) {
            return;
        }
        b.append("<div class=\"synthetic-banner\" role=\"alert\"><strong>合成数据 · SYNTHETIC DATA</strong> — ");
        if (s.syntheticObservations() > 0) {
            b.append(s.syntheticObservations()).append(" of ").append(s.observations())
                    .append(" observations behind this report are synthetic (generated, not from real reports)");
        }
        if (s.syntheticRankings() > 0) {
            b.append(s.syntheticObservations() > 0 ? "; " : "").append(s.syntheticRankings()).append(" of ")
                    .append(s.rankings()).append(" ranking rows use synthetic inputs");
        }
        b.append(". For testing and demonstration only: do not publish or cite these figures.</div>\n");
    }

    private static void province(StringBuilder b, int year, ProvinceSection p) {
        b.append("<section class=\"province\" id=\"p-").append(esc(p.provinceCode())).append("\">\n<h2>")
                .append(esc(p.provinceName())).append(" <span class=\"code\">").append(esc(p.provinceCode()))
                .append("</span></h2>\n");
        ranking(b, year, p);
        disclosure(b, year, p);
        trends(b, year, p);
        outliers(b, year, p);
        corrections(b, year, p);
        b.append("</section>\n");
    }

    private static void ranking(StringBuilder b, int year, ProvinceSection p) {
        b.append("<h3>Ranking of counties, ").append(year).append("</h3>\n");
        List<RankingEntry> ranked = p.ranked();
        if (ranked.isEmpty()) {
            b.append("<p class=\"empty\">No county of this province is ranked for ").append(year).append(p.rankings().isEmpty()
                    ? " (the warehouse has no ranking rows for it)."
                    : ": too few counties reported enough of the framework's indicators (see below).").append("</p>\n");
        } else {
            int maxRank = ranked.size();
            for (RankingEntry r : ranked) {
                if (r.rankP95() != null) {
                    maxRank = Math.max(maxRank, r.rankP95());
                }
            }
            SvgCharts.RankScale scale = new SvgCharts.RankScale(maxRank, 260, 8);
            b.append("<p class=\"explain\">Rank 1 = highest composite score (0–100). The bar is the 5th–95th percentile of ")
                    .append("the county's rank over 1,000 re-computations with perturbed weights and methods and, where the ")
                    .append("framework imputes, freshly drawn values for the figures a county did not report; the tick is the ")
                    .append("median rank, the dot the published rank. <strong>Read the interval, not the rank</strong>: counties ")
                    .append("whose bars overlap widely are not clearly different.</p>\n");
            b.append("<table class=\"ranking\">\n<thead><tr><th>Rank</th><th>County 区县</th><th class=\"num\">Score</th>")
                    .append("<th>Rank interval (5th–95th pct)<br>").append(SvgCharts.rankAxis(scale)).append("</th>")
                    .append("<th class=\"num\">P05–P95</th><th class=\"num\">Indicators</th><th class=\"num\">Coverage</th>")
                    .append("<th>What drove the score</th><th></th></tr></thead>\n<tbody>\n");
            for (RankingEntry r : ranked) {
                String name = r.regionName() == null ? r.regionCode() : r.regionName();
                String label = name + ": rank " + r.rank() + ", 90% interval " + r.rankP05() + "–" + r.rankP95()
                        + ", median " + r.rankMedian();
                b.append("<tr><td class=\"num\">").append(r.rank()).append("</td><td>").append(esc(name))
                        .append(" <span class=\"code\">").append(esc(r.regionCode())).append("</span></td><td class=\"num\">")
                        .append(esc(r.score() == null ? "–" : Html.num(r.score(), 1))).append("</td><td>")
                        .append(SvgCharts.rankInterval(scale, r.rank(), r.rankP05(), r.rankMedian(), r.rankP95(), label))
                        .append("</td><td class=\"num\">").append(r.rankP05()).append("–").append(r.rankP95())
                        .append("</td><td class=\"num\">").append(r.indicatorsUsed()).append("</td><td class=\"num\">")
                        .append(Html.num(100 * r.coverage(), 0)).append("%</td><td class=\"drivers\">")
                        .append(drivers(r.drivers())).append("</td><td>")
                        .append(r.synthetic() ? "<span class=\"tag synthetic\">synthetic input</span>" : "")
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        List<RankingEntry> notRanked = p.notRanked();
        if (!notRanked.isEmpty()) {
            b.append("<details class=\"not-ranked\"").append(ranked.isEmpty() ? " open" : "").append("><summary>")
                    .append(notRanked.size()).append(" not ranked (not-ranked is not last: too few indicators reported)")
                    .append("</summary>\n<ul>\n");
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
    static String drivers(List<ReportData.Driver> drivers) {
        if (drivers.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("held back by ");
        List<ReportData.Driver> costly = drivers.stream().filter(d -> d.cost() > 0).limit(2).toList();
        b.append(costly.isEmpty() ? "nothing" : String.join(", ", costly.stream().map(HtmlReport::driver).toList()));
        drivers.stream().max(java.util.Comparator.comparingDouble(d -> d.weightShare() * d.normalised()))
                .ifPresent(d -> b.append("; carried by ").append(driver(d)));
        long imputed = drivers.stream().filter(ReportData.Driver::imputed).count();
        if (imputed > 0) {
            b.append("; ").append(imputed).append(" of ").append(drivers.size()).append(" imputed (*)");
        }
        return esc(b.toString());
    }

    private static String driver(ReportData.Driver d) {
        return d.indicator() + (d.imputed() ? "*" : "") + " " + Html.num(d.normalised(), 0) + "/100 ("
                + Html.num(100 * d.weightShare(), 0) + "% of weight)";
    }

    private static void trends(StringBuilder b, int year, ProvinceSection p) {
        b.append("<h3>Trends by region</h3>\n");
        if (p.panels().isEmpty()) {
            b.append("<p class=\"empty\">No figures to chart for this province up to ").append(year).append(".</p>\n");
            return;
        }
        b.append("<p class=\"explain\">Value by year, one small chart per region, on a common scale per indicator. ")
                .append("The thick line is the Theil–Sen trend (green ▲ increasing, red ▼ decreasing at Mann–Kendall ")
                .append("p &lt; 0.05, grey: no significant trend); hollow dots are synthetic figures, dots ringed in red ")
                .append("corrected figures (<code>fazhi correct</code>, listed under Corrected figures); the dashed line ")
                .append("marks ").append(year).append(". A series needs 3 years for a trend, and 3 years can never be significant.</p>\n");
        for (IndicatorPanel panel : p.panels()) {
            b.append("<h4>").append(esc(panel.name())).append(" <span class=\"code\">").append(esc(panel.code()));
            if (panel.unit() != null) {
                b.append(" · ").append(esc(panel.unit()));
            }
            b.append("</span></h4>\n");
            long withTrend = panel.regions().stream().filter(r -> r.trend() != null).count();
            if (withTrend == 0) {
                b.append("<p class=\"empty\">No region has three years of this indicator yet: dots only, no trend line.</p>\n");
            }
            SvgCharts.PanelScale scale = SvgCharts.PanelScale.of(panel);
            b.append("<div class=\"grid\">");
            for (RegionSeries r : panel.regions()) {
                b.append(SvgCharts.smallMultiple(r, scale, year, panel.unit()));
            }
            b.append("</div>\n");
            if (panel.regionsLeftOut() > 0) {
                b.append("<p class=\"explain\">").append(panel.regionsLeftOut())
                        .append(" more regions not drawn (query <code>observations</code> for all).</p>\n");
            }
        }
    }

    private static void disclosure(StringBuilder b, int year, ProvinceSection p) {
        b.append("<h3>Disclosure index, ").append(year).append("</h3>\n");
        if (p.disclosure().isEmpty()) {
            b.append("<p class=\"empty\">No report of this province for ").append(year).append(".</p>\n");
            return;
        }
        int maxRank = 1;
        for (DisclosureEntry d : p.disclosure()) {
            maxRank = Math.max(maxRank, d.rankP95() == null ? 1 : d.rankP95());
        }
        SvgCharts.RankScale scale = new SvgCharts.RankScale(maxRank, 260, 8);
        b.append("<p class=\"explain\">How many of the catalog's ").append(p.disclosure().get(0).catalogSize())
                .append(" figures each report discloses (a redacted figure is not disclosed), and the county's rank ")
                .append("among the province's counties. The bar is the 5th–95th percentile of the rank when the ")
                .append("catalog's indicators are resampled 1,000 times: a rank that depends on which figures the ")
                .append("catalog happens to list has a wide bar. Every report can be scored on this, whatever it ")
                .append("discloses.</p>\n");
        b.append("<table class=\"ranking disclosure\">\n<thead><tr><th>Rank</th><th>County 区县</th>")
                .append("<th class=\"num\">Disclosed</th><th class=\"num\">Share</th><th>Rank interval (5th–95th pct)<br>")
                .append(SvgCharts.rankAxis(scale)).append("</th><th class=\"num\">P05–P95</th><th>By domain</th>")
                .append("<th></th></tr></thead>\n<tbody>\n");
        for (DisclosureEntry d : p.disclosure()) {
            String name = d.regionName() == null ? d.regionCode() : d.regionName();
            boolean ranked = d.rank() != null;
            b.append("<tr><td class=\"num\">").append(ranked ? d.rank() : "–").append("</td><td>").append(esc(name))
                    .append(" <span class=\"code\">").append(esc(d.regionCode())).append("</span></td><td class=\"num\">")
                    .append(d.indicatorsDisclosed()).append("/").append(d.catalogSize()).append("</td><td class=\"num\">")
                    .append(num(100 * d.share(), 0)).append("%</td><td>")
                    .append(ranked ? SvgCharts.rankInterval(scale, d.rank(), d.rankP05(), d.rankMedian(), d.rankP95(),
                            name + ": disclosure rank " + d.rank() + " of " + d.peers() + ", 90% interval "
                                    + d.rankP05() + "–" + d.rankP95()) : "")
                    .append("</td><td class=\"num\">").append(ranked ? d.rankP05() + "–" + d.rankP95() + " of " + d.peers() : "")
                    .append("</td><td class=\"domains\">").append(esc(d.domains() == null ? "" : d.domains()))
                    .append("</td><td>").append(d.synthetic() ? "<span class=\"tag synthetic\">synthetic</span>" : "")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (p.disclosureByYear().size() > 1) {
            b.append("<p class=\"explain\">Disclosure over the years (median share of the catalog): ");
            String sep = "";
            for (DisclosureYear y : p.disclosureByYear()) {
                b.append(sep).append(y.year()).append(y.synthetic() ? " (synthetic)" : "").append(" ")
                        .append(num(100 * y.medianShare(), 0)).append("% of ").append(y.reports()).append(" reports");
                sep = " · ";
            }
            b.append(". Each county's own trend is in <code>trends</code> (indicator <code>disclosure_share</code>).</p>\n");
        }
    }

    private static void outliers(StringBuilder b, int year, ProvinceSection p) {
        b.append("<h3>Flagged figures, ").append(year).append("</h3>\n");
        if (p.outliers().isEmpty()) {
            b.append("<p class=\"empty\">No figure of ").append(year).append(" is flagged (|modified z| &gt; 3.5) among the ")
                    .append(p.outliersScored()).append(" scores of this province")
                    .append(p.outliersScored() == 0 ? " (a score needs peers whose values differ: with few regions there are none)" : "")
                    .append(".</p>\n");
            return;
        }
        b.append("<p class=\"explain\">Figures far from their peers' (modified z-score, |z| &gt; 3.5), with the sentence ")
                .append("each was read from. A flag is a prompt to read the report, not a verdict.</p>\n");
        b.append("<table class=\"outliers\">\n<thead><tr><th>Region</th><th>Indicator</th><th class=\"num\">Value</th>")
                .append("<th>Test</th><th class=\"num\">z</th><th>Evidence 原文</th></tr></thead>\n<tbody>\n");
        for (OutlierEntry o : p.outliers()) {
            String unit = o.unit() == null ? "" : ("%".equals(o.unit()) ? "%" : " " + o.unit());
            b.append("<tr><td>").append(esc(o.regionName() == null ? o.regionCode() : o.regionName()))
                    .append(" <span class=\"code\">").append(esc(o.regionCode())).append("</span>")
                    .append(o.synthetic() ? " <span class=\"tag synthetic\">synthetic</span>" : "")
                    .append(o.corrected() ? " <span class=\"tag corrected\">corrected</span>" : "")
                    .append("</td><td>").append(esc(o.indicatorName() == null ? o.indicator() : o.indicatorName()))
                    .append("<br><span class=\"code\">").append(esc(o.indicator())).append("</span></td><td class=\"num\">")
                    .append(esc(num(o.value()) + unit));
            if (o.corrected()) {
                b.append("<br><span class=\"code\">extracted ").append(esc(num(o.extractedValue()))).append("</span>");
            }
            if ("yoy_jump".equals(o.method())) {
                b.append("<br><span class=\"code\">prev. ").append(esc(num(o.previousValue()) + unit)).append("</span>");
            }
            b.append("</td><td>").append("yoy_jump".equals(o.method()) ? "jump from last year" : "value")
                    .append("<br><span class=\"code\">vs ").append(esc(o.scopes())).append("</span></td><td class=\"num\">")
                    .append(esc(Html.num(o.score(), 1))).append("</td><td class=\"evidence\">");
            b.append("<blockquote>").append(o.evidence() == null ? "<em>no sentence recorded</em>" : esc(o.evidence()))
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
    private static void corrections(StringBuilder b, int year, ProvinceSection p) {
        if (p.corrections().isEmpty()) {
            return;
        }
        b.append("<h3>Corrected figures 更正</h3>\n<p class=\"explain\">Figures a statistician corrected (")
                .append("<code>fazhi correct</code> or <code>corrections.csv</code>; the <code>corrections</code> table). ")
                .append("An applied correction is what <code>observations</code> and everything above show; one marked ")
                .append("needs_review was made against a report that has since been replaced and is not applied.</p>\n");
        b.append("<table class=\"corrections\">\n<thead><tr><th>Region</th><th class=\"num\">Year</th><th>Indicator</th>")
                .append("<th class=\"num\">Corrected</th><th class=\"num\">Extracted</th><th>Status</th><th>Reason</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ReportData.CorrectionEntry c : p.corrections()) {
            b.append("<tr><td>").append(esc(c.regionName() == null ? c.regionCode() : c.regionName()))
                    .append(" <span class=\"code\">").append(esc(c.regionCode())).append("</span></td><td class=\"num\">")
                    .append(c.year()).append("</td><td><span class=\"code\">").append(esc(c.indicator()))
                    .append("</span></td><td class=\"num\">")
                    .append(c.notReported() ? "not reported" : esc(num(c.value()) + " (" + c.qualifier() + ")"))
                    .append("</td><td class=\"num\">").append(c.extractedValue() == null ? "—" : esc(num(c.extractedValue())))
                    .append("</td><td><span class=\"tag ").append("applied".equals(c.status()) ? "corrected" : "review")
                    .append("\" title=\"").append(esc(c.statusReason() == null ? "" : c.statusReason())).append("\">")
                    .append(esc(c.status())).append("</span></td><td>").append(esc(c.reason() == null ? "" : c.reason()))
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
