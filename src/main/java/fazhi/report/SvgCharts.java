package fazhi.report;

import fazhi.report.ReportData.IndicatorPanel;
import fazhi.report.ReportData.Point;
import fazhi.report.ReportData.RegionSeries;
import fazhi.report.ReportData.Trend;

import static fazhi.report.Html.esc;
import static fazhi.report.Html.num;
import static fazhi.report.Html.px;

/**
 * The report's charts as inline SVG strings (no library, no script): the rank-interval bar of a ranking row and
 * the small multiple of a region's series. Public so that notebooks can draw the same charts.
 */
public final class SvgCharts {
    public static final String INCREASING = "#1a7f37";
    public static final String DECREASING = "#cf222e";
    public static final String NO_TREND = "#8c959f";
    public static final String SERIES = "#0969da";
    /** The ring around a corrected figure (fazhi correct): the colour of the "corrected" tag of the report. */
    public static final String CORRECTED = "#cf222e";

    private SvgCharts() {
    }

    /** The scale of rank bars: rank 1 at the left, rank {@code maxRank} at the right. */
    public record RankScale(int maxRank, double width, double pad) {
        public double x(double rank) {
            if (maxRank <= 1) {
                return pad;
            }
            return pad + (rank - 1) / (maxRank - 1) * (width - 2 * pad);
        }
    }

    /** The axis above the interval column: ticks at 1, the quartiles and maxRank. */
    public static String rankAxis(RankScale s) {
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"rank-axis\" width=\"").append(px(s.width())).append("\" height=\"18\" role=\"img\"")
                .append(" aria-label=\"rank axis from 1 to ").append(s.maxRank()).append("\">");
        b.append("<line x1=\"").append(px(s.x(1))).append("\" y1=\"15\" x2=\"").append(px(s.x(s.maxRank())))
                .append("\" y2=\"15\" stroke=\"#57606a\"/>");
        java.util.TreeSet<Integer> ticks = new java.util.TreeSet<>();
        ticks.add(1);
        ticks.add(s.maxRank());
        for (int q = 1; q < 4 && s.maxRank() >= 8; q++) {
            ticks.add((int) Math.round(1 + q * (s.maxRank() - 1) / 4.0));
        }
        for (int t : ticks) {
            b.append("<line x1=\"").append(px(s.x(t))).append("\" y1=\"11\" x2=\"").append(px(s.x(t)))
                    .append("\" y2=\"15\" stroke=\"#57606a\"/>");
            b.append("<text x=\"").append(px(s.x(t))).append("\" y=\"9\" text-anchor=\"middle\">").append(t).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** A horizontal bar from rank_p05 to rank_p95, a tick at the median and a dot at the rank. */
    public static String rankInterval(RankScale s, int rank, Integer p05, Integer median, Integer p95, String label) {
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"rank-bar\" width=\"").append(px(s.width())).append("\" height=\"16\" role=\"img\"")
                .append(" aria-label=\"").append(esc(label)).append("\"><title>").append(esc(label)).append("</title>");
        b.append("<line x1=\"").append(px(s.x(1))).append("\" y1=\"8\" x2=\"").append(px(s.x(s.maxRank())))
                .append("\" y2=\"8\" stroke=\"#d0d7de\"/>");
        if (p05 != null && p95 != null) {
            double x0 = s.x(p05);
            double x1 = s.x(p95);
            b.append("<rect x=\"").append(px(x0 - 3)).append("\" y=\"3\" width=\"").append(px(Math.max(6, x1 - x0 + 6)))
                    .append("\" height=\"10\" rx=\"5\" fill=\"#b6d4fe\" stroke=\"#0969da\" stroke-width=\"0.8\"/>");
        }
        if (median != null) {
            b.append("<line x1=\"").append(px(s.x(median))).append("\" y1=\"2\" x2=\"").append(px(s.x(median)))
                    .append("\" y2=\"14\" stroke=\"#0550ae\" stroke-width=\"1.5\"/>");
        }
        b.append("<circle cx=\"").append(px(s.x(rank))).append("\" cy=\"8\" r=\"3.5\" fill=\"#24292f\"/>");
        return b.append("</svg>").toString();
    }

    /** Common scales of one indicator's small multiples. */
    public record PanelScale(int firstYear, int lastYear, double min, double max) {
        public static PanelScale of(IndicatorPanel panel) {
            int y0 = Integer.MAX_VALUE;
            int y1 = Integer.MIN_VALUE;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (RegionSeries r : panel.regions()) {
                for (Point p : r.points()) {
                    y0 = Math.min(y0, p.year());
                    y1 = Math.max(y1, p.year());
                    lo = Math.min(lo, p.value());
                    hi = Math.max(hi, p.value());
                }
                Trend t = r.trend();
                if (t != null && t.hasLine() && !r.points().isEmpty()) {
                    // the Theil–Sen line may leave the values' range: keep it inside the frame
                    for (int year : new int[]{t.firstYear(), t.lastYear()}) {
                        double v = t.senIntercept() + t.senSlope() * year;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (y0 > y1) {
                return new PanelScale(0, 1, 0, 1);
            }
            if (y0 == y1) {
                y0--;
                y1++;
            }
            double dataLo = lo;
            double dataHi = hi;
            if (lo == hi) {
                double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= d;
                hi += d;
            } else {
                double pad = (hi - lo) * 0.08;
                lo -= pad;
                hi += pad;
            }
            // counts and rates do not go below 0, nor rates above 100 %: keep the padding inside
            if (dataLo >= 0) {
                lo = Math.max(lo, 0);
            }
            if ("%".equals(panel.unit()) && dataHi <= 100) {
                hi = Math.min(hi, 100);
            }
            if (lo >= hi) {
                hi = lo + 1;
            }
            return new PanelScale(y0, y1, lo, hi);
        }
    }

    static final double W = 210;
    static final double H = 132;
    static final double LEFT = 44;
    static final double RIGHT = 8;
    static final double TOP = 20;
    static final double BOTTOM = 20;

    /**
     * One small multiple: the region's values by year (dots joined by a line; hollow dots are synthetic), its
     * Theil–Sen line over the years of its trend (green increasing, red decreasing, grey no trend), and a dashed
     * line at the report year.
     */
    public static String smallMultiple(RegionSeries r, PanelScale s, int reportYear, String unit) {
        StringBuilder b = new StringBuilder();
        String title = (r.regionName() == null ? r.regionCode() : r.regionName());
        String colour = trendColour(r.trend());
        b.append("<svg class=\"small-multiple\" width=\"").append(px(W)).append("\" height=\"").append(px(H))
                .append("\" viewBox=\"0 0 ").append(px(W)).append(' ').append(px(H)).append("\" role=\"img\" aria-label=\"")
                .append(esc(title + ": " + r.points().size() + " years")).append("\">");
        b.append("<title>").append(esc(title + " " + r.regionCode() + describe(r.trend()))).append("</title>");
        b.append("<text class=\"sm-title\" x=\"").append(px(LEFT)).append("\" y=\"13\">").append(esc(title)).append("</text>");
        if (r.trend() != null && !"no_trend".equals(r.trend().direction()) && r.trend().direction() != null) {
            b.append("<text class=\"sm-dir\" x=\"").append(px(W - RIGHT)).append("\" y=\"13\" text-anchor=\"end\" style=\"fill:")
                    .append(colour).append("\">").append("increasing".equals(r.trend().direction()) ? "▲" : "▼")
                    .append(esc(pLabel(r.trend().mkP()))).append("</text>");
        }
        double x0 = LEFT;
        double x1 = W - RIGHT;
        double y0 = H - BOTTOM;
        double y1 = TOP;
        // frame, value labels (min and max of the common scale) and year labels
        b.append("<rect x=\"").append(px(x0)).append("\" y=\"").append(px(y1)).append("\" width=\"").append(px(x1 - x0))
                .append("\" height=\"").append(px(y0 - y1)).append("\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>");
        b.append(label(x0 - 3, y1 + 8, num(s.max()) + unitSuffix(unit), "end"));
        b.append(label(x0 - 3, y0, num(s.min()) + unitSuffix(unit), "end"));
        b.append(label(x0, H - 5, String.valueOf(s.firstYear()), "start"));
        b.append(label(x1, H - 5, String.valueOf(s.lastYear()), "end"));
        if (reportYear >= s.firstYear() && reportYear <= s.lastYear()) {
            double xr = xOf(reportYear, s);
            b.append("<line x1=\"").append(px(xr)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(xr))
                    .append("\" y2=\"").append(px(y0)).append("\" stroke=\"#bf8700\" stroke-dasharray=\"3 2\"/>");
        }
        if (r.trend() != null && r.trend().hasLine()) {
            Trend t = r.trend();
            // the trend covers all published years; draw the part inside the chart's years
            int fa = Math.max(t.firstYear(), s.firstYear());
            int fb = Math.min(t.lastYear(), s.lastYear());
            double ya = t.senIntercept() + t.senSlope() * fa;
            double yb = t.senIntercept() + t.senSlope() * fb;
            b.append("<line class=\"sen\" x1=\"").append(px(xOf(fa, s))).append("\" y1=\"")
                    .append(px(clampY(yOf(ya, s)))).append("\" x2=\"").append(px(xOf(fb, s))).append("\" y2=\"")
                    .append(px(clampY(yOf(yb, s)))).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\" opacity=\"0.85\"/>");
        }
        if (r.points().size() > 1) {
            b.append("<polyline fill=\"none\" stroke=\"").append(SERIES).append("\" stroke-width=\"1\" opacity=\"0.6\" points=\"");
            for (Point p : r.points()) {
                b.append(px(xOf(p.year(), s))).append(',').append(px(yOf(p.value(), s))).append(' ');
            }
            b.append("\"/>");
        }
        for (Point p : r.points()) {
            // a corrected figure: a larger point ringed in the marker colour (the legend under the panels says so)
            b.append("<circle cx=\"").append(px(xOf(p.year(), s))).append("\" cy=\"").append(px(yOf(p.value(), s)))
                    .append("\" r=\"").append(p.corrected() ? "3.6" : "2.6").append("\" fill=\"")
                    .append(p.synthetic() ? "#ffffff" : SERIES).append("\" stroke=\"")
                    .append(p.corrected() ? CORRECTED : SERIES).append(p.corrected() ? "\" stroke-width=\"2" : "")
                    .append("\"><title>").append(p.year()).append(": ").append(esc(num(p.value())))
                    .append(esc(unitSuffix(unit))).append(p.synthetic() ? " (synthetic)" : "")
                    .append(p.corrected() ? " (corrected)" : "").append("</title></circle>");
        }
        return b.append("</svg>").toString();
    }

    private static String describe(Trend t) {
        if (t == null) {
            return ": no trend computed (fewer than 3 years)";
        }
        return ": " + t.direction() + ", Theil–Sen slope " + num(t.senSlope()) + " per year, Mann–Kendall p = "
                + Html.p(t.mkP()) + ", n = " + t.n();
    }

    private static String pLabel(Double p) {
        String v = Html.p(p);
        return v.startsWith("<") ? " p " + v : " p = " + v;
    }

    public static String trendColour(Trend t) {
        if (t == null || t.direction() == null) {
            return NO_TREND;
        }
        return switch (t.direction()) {
            case "increasing" -> INCREASING;
            case "decreasing" -> DECREASING;
            default -> NO_TREND;
        };
    }

    private static String unitSuffix(String unit) {
        return "%".equals(unit) ? "%" : "";
    }

    private static String label(double x, double y, String text, String anchor) {
        return "<text class=\"sm-axis\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\">"
                + esc(text) + "</text>";
    }

    private static double xOf(int year, PanelScale s) {
        return LEFT + (double) (year - s.firstYear()) / (s.lastYear() - s.firstYear()) * (W - RIGHT - LEFT);
    }

    private static double yOf(double v, PanelScale s) {
        return (H - BOTTOM) - (v - s.min()) / (s.max() - s.min()) * (H - BOTTOM - TOP);
    }

    private static double clampY(double y) {
        return Math.max(TOP, Math.min(H - BOTTOM, y));
    }
}
