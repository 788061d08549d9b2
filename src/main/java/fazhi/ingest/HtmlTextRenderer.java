package fazhi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders an HTML document as plain text: block elements and {@code <br>} end lines, inline elements do
 * not split words, list items get a line each, a data table gives one line per row with its cells joined
 * by {@code " | "}. Scripts, styles, navigation and hidden elements are dropped. Layout tables (tables that
 * hold other tables, or have a single column) are rendered as blocks.
 */
final class HtmlTextRenderer {

    static final String CELL_SEPARATOR = " | ";

    private static final Set<String> SKIP = Set.of("script", "style", "nav", "noscript", "template", "iframe",
            "svg", "object", "embed", "head", "select", "button", "canvas", "map", "audio", "video");

    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "header", "footer", "aside", "main",
            "figure", "figcaption", "address", "form", "fieldset", "legend", "hr", "caption", "center", "details",
            "summary", "tr", "td", "th", "thead", "tbody", "tfoot", "body", "html", "title", "option", "menu");

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private boolean pendingSpace;
    private boolean inPre;

    private HtmlTextRenderer() {
    }

    static String render(Document doc) {
        HtmlTextRenderer r = new HtmlTextRenderer();
        r.children(doc.body());
        r.breakLine();
        String body = r.out.toString();
        String title = collapse(doc.title());
        if (!title.isEmpty() && !collapse(body).contains(title)) {
            body = title + "\n" + body;
        }
        return body;
    }

    private void children(Node parent) {
        for (Node child : parent.childNodes()) {
            node(child);
        }
    }

    private void node(Node node) {
        if (node instanceof TextNode t) {
            text(t.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (SKIP.contains(tag) || isHidden(e)) {
            return;
        }
        switch (tag) {
            case "br" -> breakLine();
            case "table" -> table(e);
            case "pre" -> {
                breakLine();
                boolean was = inPre;
                inPre = true;
                children(e);
                inPre = was;
                breakLine();
            }
            case "img" -> {
                String alt = e.attr("alt");
                if (!alt.isBlank() && alt.length() < 40) {
                    text(alt);
                }
            }
            default -> {
                if (BLOCK.contains(tag)) {
                    breakLine();
                    children(e);
                    breakLine();
                } else {
                    children(e);
                }
            }
        }
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private void table(Element table) {
        List<Element> rows = new ArrayList<>();
        boolean layout = table.getElementsByTag("table").size() > 1;
        int maxCells = 0;
        for (Element row : table.getElementsByTag("tr")) {
            rows.add(row);
            maxCells = Math.max(maxCells, cells(row).size());
        }
        if (layout || maxCells <= 1) {
            breakLine();
            children(table);
            breakLine();
            return;
        }
        breakLine();
        for (Element caption : table.getElementsByTag("caption")) {
            breakLine();
            children(caption);
            breakLine();
        }
        for (Element row : rows) {
            if (isHidden(row)) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            boolean any = false;
            for (Element cell : cells(row)) {
                String t = cellText(cell);
                any |= !t.isEmpty();
                texts.add(t);
            }
            if (any) {
                out.append(String.join(CELL_SEPARATOR, texts)).append('\n');
            }
        }
    }

    private static List<Element> cells(Element row) {
        List<Element> cells = new ArrayList<>();
        for (Element c : row.children()) {
            if (c.normalName().equals("td") || c.normalName().equals("th")) {
                cells.add(c);
            }
        }
        return cells;
    }

    private static String cellText(Element cell) {
        HtmlTextRenderer r = new HtmlTextRenderer();
        r.children(cell);
        r.breakLine();
        return r.out.toString().strip().replace('\n', ' ');
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inPre && c == '\n') {
                breakLine();
            } else if (isSpace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && !line.isEmpty()) {
                    line.append(' ');
                }
                pendingSpace = false;
                line.append(c);
            }
        }
    }

    private void breakLine() {
        if (!line.isEmpty()) {
            out.append(line).append('\n');
            line.setLength(0);
        }
        pendingSpace = false;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF';
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space && !b.isEmpty()) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
