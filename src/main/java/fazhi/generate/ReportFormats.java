package fazhi.generate;

import fazhi.generate.RenderedReport.Block;
import fazhi.generate.RenderedReport.Kind;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Writes a rendered report as .txt, .html, .docx, .doc or .pdf bytes. Deterministic: no clocks, no random ids. */
final class ReportFormats {
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private ReportFormats() {
    }

    /** @param pdf the printed page's habits (used for a PDF) */
    static byte[] write(RenderedReport report, PdfReportLayout.Chrome pdf) {
        return switch (report.format()) {
            case "txt" -> txt(report);
            case "html" -> html(report);
            case "docx" -> docx(report);
            case "doc" -> doc(report);
            case "pdf" -> PdfReportLayout.write(report, pdf);
            default -> throw new IllegalArgumentException(report.format());
        };
    }

    static byte[] txt(RenderedReport report) {
        boolean web = report.blocks().stream().anyMatch(b -> b.kind() == Kind.CHROME || b.kind() == Kind.META);
        StringBuilder sb = new StringBuilder(8192);
        for (Block b : report.blocks()) {
            if (sb.length() > 0) {
                sb.append(web ? "\n\n" : "\n");
            }
            if (b.kind() == Kind.TABLE) {
                for (List<String> row : b.rows()) {
                    sb.append(String.join("\t", row)).append('\n');
                }
            } else {
                sb.append(b.text());
            }
        }
        sb.append('\n');
        String text = report.newline().equals("\n") ? sb.toString() : sb.toString().replace("\n", report.newline());
        return text.getBytes(report.charset());
    }

    static byte[] html(RenderedReport report) {
        String title = report.blocks().stream().filter(b -> b.kind() == Kind.TITLE).findFirst()
                .map(b -> b.text().replace("\n", "")).orElse("");
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n");
        if (report.declaredCharset().equals("utf-8")) {
            sb.append("<meta charset=\"utf-8\">\n");
        } else {
            sb.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                    .append(report.declaredCharset()).append("\">\n");
        }
        sb.append("<title>").append(esc(title)).append("</title>\n");
        sb.append("<meta name=\"generator\" content=\"fazhi generate (synthetic data)\">\n</head>\n<body>\n");
        boolean inContent = false;
        for (Block b : report.blocks()) {
            boolean content = switch (b.kind()) {
                case HEADING, PARA, CAPTION, TABLE, CLOSING -> true;
                default -> false;
            };
            if (content && !inContent) {
                sb.append("<div class=\"TRS_Editor\">\n");
                inContent = true;
            } else if (!content && inContent) {
                sb.append("</div>\n");
                inContent = false;
            }
            String text = esc(b.text()).replace("\n", "<br>");
            switch (b.kind()) {
                case CHROME -> sb.append("<div class=\"location\">").append(text).append("</div>\n");
                case TITLE -> sb.append("<h1 class=\"title\">").append(text).append("</h1>\n");
                case META -> sb.append("<div class=\"info\">").append(text).append("</div>\n");
                case HEADING -> sb.append("<p style=\"text-indent:2em\"><strong>").append(text).append("</strong></p>\n");
                case PARA -> sb.append("<p style=\"text-indent:2em\">").append(text).append("</p>\n");
                case CAPTION -> sb.append("<p align=\"center\"><strong>").append(text).append("</strong></p>\n");
                case CLOSING -> sb.append("<p align=\"right\">").append(text).append("</p>\n");
                case TABLE -> {
                    sb.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
                    for (List<String> row : b.rows()) {
                        sb.append("<tr>");
                        for (String cell : row) {
                            sb.append("<td>").append(esc(cell)).append("</td>");
                        }
                        sb.append("</tr>\n");
                    }
                    sb.append("</table>\n");
                }
                case FOOTER -> sb.append("<div class=\"footer\">").append(text).append("</div>\n");
                case MARKER -> sb.append("<p class=\"synthetic\">").append(text).append("</p>\n");
            }
        }
        if (inContent) {
            sb.append("</div>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString().getBytes(report.charset());
    }

    /**
     * The .docx package: POI makes the skeleton once (content types, relationships, properties, settings);
     * each report only gets its own word/document.xml, written directly (POI's object model costs ~10 ms a
     * document, which made .docx 80 % of the generation time).
     */
    static byte[] docx(RenderedReport report) {
        DocxSkeleton skeleton = DocxSkeleton.INSTANCE;
        StringBuilder body = new StringBuilder(32768);
        for (Block b : report.blocks()) {
            if (b.kind() == Kind.TABLE) {
                int cols = b.rows().get(0).size();
                body.append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
                for (String side : new String[]{"top", "left", "bottom", "right", "insideH", "insideV"}) {
                    body.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
                }
                body.append("</w:tblBorders></w:tblPr><w:tblGrid>");
                for (int j = 0; j < cols; j++) {
                    body.append("<w:gridCol w:w=\"").append(j == 0 ? 5000 : 2500).append("\"/>");
                }
                body.append("</w:tblGrid>");
                for (List<String> row : b.rows()) {
                    body.append("<w:tr>");
                    for (int j = 0; j < cols; j++) {
                        body.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(j == 0 ? 5000 : 2500)
                                .append("\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">")
                                .append(esc(row.get(j))).append("</w:t></w:r></w:p></w:tc>");
                    }
                    body.append("</w:tr>");
                }
                body.append("</w:tbl>");
                continue;
            }
            for (String line : b.text().split("\n", -1)) {
                String pPr = switch (b.kind()) {
                    case TITLE -> "<w:pPr><w:jc w:val=\"center\"/></w:pPr>";
                    case CLOSING -> "<w:pPr><w:jc w:val=\"right\"/></w:pPr>";
                    default -> "";
                };
                String rPr = switch (b.kind()) {
                    case TITLE -> "<w:rPr><w:b w:val=\"on\"/><w:sz w:val=\"36\"/></w:rPr>";
                    case HEADING, CAPTION -> "<w:rPr><w:b w:val=\"on\"/></w:rPr>";
                    default -> "";
                };
                body.append("<w:p>").append(pPr).append("<w:r>").append(rPr).append("<w:t xml:space=\"preserve\">")
                        .append(esc(line)).append("</w:t></w:r></w:p>");
            }
        }
        return skeleton.withBody(body.toString());
    }

    /**
     * A Word 97-2003 binary: the bundled blank document (made once by LibreOffice, one paragraph "X") with
     * its text replaced through HWPF. Paragraphs end with CR; a table row is its cells each ending with
     * Word's cell mark U+0007, then the row-end mark, which is what a reader meets in Word's text stream.
     */
    static byte[] doc(RenderedReport report) {
        StringBuilder text = new StringBuilder(16384);
        for (Block b : report.blocks()) {
            if (b.kind() == Kind.TABLE) {
                for (List<String> row : b.rows()) {
                    for (String cell : row) {
                        text.append(cell).append('\u0007');
                    }
                    text.append('\u0007');
                }
                continue;
            }
            for (String line : b.text().split("\n", -1)) {
                text.append(line).append('\r');
            }
        }
        try (var in = ReportFormats.class.getResourceAsStream(BLANK_DOC)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BLANK_DOC);
            }
            try (HWPFDocument doc = new HWPFDocument(in)) {
                Range range = doc.getRange();
                range.getParagraph(0).getCharacterRun(0).replaceText(BLANK_DOC_TEXT, text.toString());
                ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 16384);
                doc.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String BLANK_DOC = "/fazhi/generate/blank-word97.doc";
    private static final String BLANK_DOC_TEXT = "X";

    /** the package parts POI writes for an empty document, with a hole for the body */
    private static final class DocxSkeleton {
        static final DocxSkeleton INSTANCE = new DocxSkeleton();
        private static final String HOLE = "@@FAZHI_BODY@@";

        private final List<String> names = new java.util.ArrayList<>();
        private final java.util.Map<String, byte[]> parts = new java.util.HashMap<>();
        private final String documentHead;
        private final String documentTail;

        private DocxSkeleton() {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (XWPFDocument doc = new XWPFDocument()) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setText(HOLE);
                var core = doc.getProperties().getCoreProperties();
                Date fixed = Date.from(ZIP_TIME.toInstant(java.time.ZoneOffset.UTC));
                core.setCreated(Optional.of(fixed));
                core.setModified(Optional.of(fixed));
                core.setCreator("fazhi generate");
                core.setDescription("synthetic data (fazhi generate)");
                doc.write(raw);
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
                    ZipEntry e;
                    while ((e = in.getNextEntry()) != null) {
                        names.add(e.getName());
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String xml = new String(parts.get("word/document.xml"), java.nio.charset.StandardCharsets.UTF_8);
            int open = xml.indexOf("<w:body>") + "<w:body>".length();
            int close = xml.indexOf("</w:body>");
            if (open < "<w:body>".length() || close < 0 || !xml.substring(open, close).contains(HOLE)) {
                throw new IllegalStateException("unexpected document.xml from POI: " + xml);
            }
            documentHead = xml.substring(0, open);
            documentTail = xml.substring(close);
        }

        byte[] withBody(String bodyXml) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bodyXml.length() + 4096);
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (String name : names) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(ZIP_TIME);
                    z.putNextEntry(entry);
                    if (name.equals("word/document.xml")) {
                        z.write((documentHead + bodyXml + documentTail).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        z.write(parts.get(name));
                    }
                    z.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
