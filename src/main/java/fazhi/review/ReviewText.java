package fazhi.review;

import fazhi.warehouse.NumberText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The review queue in words: the listing of {@code fazhi review} and the text cells of the workbook. */
public final class ReviewText {
    private ReviewText() {
    }

    /** A figure as the report would state it: 19件, 96.5%, 1200余件 → "1200件 (at_least)", X → "redacted". */
    public static String figure(Double value, String unit, String qualifier) {
        if (value == null) {
            return "redacted";
        }
        String text = NumberText.plain(value) + (unit == null ? "" : unit);
        return qualifier == null || qualifier.equals("exact") ? text : text + " (" + qualifier + ")";
    }

    /**
     * Every candidate in the order of the text: its figure and offset, "chosen" for the published one, and the
     * sentence of any other candidate read from another sentence.
     */
    public static String candidates(ReviewItem item) {
        List<String> parts = new ArrayList<>();
        for (ReviewItem.Candidate c : item.candidates()) {
            String part = figure(c.value(), c.unit(), c.qualifier()) + " @" + c.charOffset();
            if (c.chosen()) {
                part += " (chosen)";
            } else if (c.evidence() != null && !c.evidence().equals(item.sentence())) {
                part += " «" + c.evidence() + "»";
            }
            parts.add(part);
        }
        return String.join(" | ", parts);
    }

    public static String why(ReviewItem item) {
        return String.join("; ", item.why());
    }

    /** The listing: one block per item, highest priority first, then how to export the queue. */
    public static void print(ReviewQueue.Result result, PrintWriter out) {
        List<ReviewItem> items = result.items();
        out.println("review queue: " + result.queued() + (result.queued() == 1 ? " figure" : " figures")
                + " to check, " + items.size() + " listed (priority: jobs/review.yaml)"
                + (result.outliersScored() ? "" : "; no outliers yet (run `./fazhi stats`), so they do not count")
                + (result.acceptedLeftOut() == 0 ? "" : "; " + result.acceptedLeftOut() + " accepted by reviewers left out ("
                + AcceptedFigures.FILE_NAME + ")"));
        int n = 0;
        for (ReviewItem i : items) {
            out.println();
            out.println(++n + ". priority " + NumberText.plain(i.priority()) + "  " + nullToDash(i.regionName())
                    + " (" + i.regionCode() + ") " + i.year() + "  " + i.indicator()
                    + (i.indicatorName() == null ? "" : " " + i.indicatorName()) + " = "
                    + figure(i.value(), i.unit(), i.qualifier()));
            out.println("   why: " + why(i));
            out.println("   sentence: " + nullToDash(i.sentence()));
            if (i.candidates().size() > 1) {
                out.println("   candidates: " + candidates(i));
            }
            out.println("   file: " + i.file() + " @ " + i.charOffset() + "   (./fazhi text FILE --at " + i.charOffset() + ")");
        }
        if (!items.isEmpty()) {
            out.println();
            out.println("to decide them in a spreadsheet: ./fazhi review export --out review.xlsx");
        }
        out.flush();
    }

    private static String nullToDash(String s) {
        return s == null ? "–" : s;
    }
}
