package fazhi.generate;

import fazhi.generate.RenderedReport.Block;
import fazhi.generate.RenderedReport.Kind;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

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

/** Writes a rendered report as .txt, .html or .docx bytes. Deterministic: no clocks, no random ids. */
final class ReportFormats {
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private ReportFormats() {
    }

    static byte[] write(RenderedReport report) {
        return switch (report.format()) {
            case "txt" -> txt(report);
            case "html" -> html(report);
            case "docx" -> docx(report);
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

    static byte[] docx(RenderedReport report) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(32768);
        try (XWPFDocument doc = new XWPFDocument()) {
            for (Block b : report.blocks()) {
                if (b.kind() == Kind.TABLE) {
                    int cols = b.rows().get(0).size();
                    XWPFTable table = doc.createTable(b.rows().size(), cols);
                    for (int i = 0; i < b.rows().size(); i++) {
                        for (int j = 0; j < cols; j++) {
                            table.getRow(i).getCell(j).setText(b.rows().get(i).get(j));
                        }
                    }
                    continue;
                }
                for (String line : b.text().split("\n", -1)) {
                    XWPFParagraph p = doc.createParagraph();
                    XWPFRun run = p.createRun();
                    switch (b.kind()) {
                        case TITLE -> {
                            p.setAlignment(ParagraphAlignment.CENTER);
                            run.setBold(true);
                            run.setFontSize(18);
                        }
                        case HEADING, CAPTION -> run.setBold(true);
                        case CLOSING -> p.setAlignment(ParagraphAlignment.RIGHT);
                        default -> {
                        }
                    }
                    run.setText(line);
                }
            }
            var core = doc.getProperties().getCoreProperties();
            Date fixed = Date.from(ZIP_TIME.toInstant(java.time.ZoneOffset.UTC));
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("fazhi generate");
            core.setDescription("synthetic data (fazhi generate)");
            doc.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return normalizeZip(raw.toByteArray());
    }

    /** rewrites the zip with fixed entry times, so the same document gives the same bytes */
    static byte[] normalizeZip(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(ZIP_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
