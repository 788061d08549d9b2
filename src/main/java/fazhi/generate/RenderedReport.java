package fazhi.generate;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;

/** A report laid out as blocks, with what a careful reader records from it. Lives only while it is written. */
record RenderedReport(String format, Charset charset, String declaredCharset, String newline,
                      List<Block> blocks, List<TruthRow> truth, boolean duplicated) {

    enum Kind { CHROME, TITLE, META, HEADING, PARA, CAPTION, TABLE, CLOSING, FOOTER, MARKER }

    /** One block of text; TABLE blocks carry rows of cells instead. Text may hold line breaks. */
    record Block(Kind kind, String text, List<List<String>> rows) {
        static Block of(Kind kind, String text) {
            return new Block(kind, text, List.of());
        }
    }

    /** One indicator figure as rendered: the value and qualifier, the form and text it was written in, and the sentence. */
    record TruthRow(String indicator, BigDecimal value, String qualifier, String form, String surface,
                    String evidence) {
    }
}
