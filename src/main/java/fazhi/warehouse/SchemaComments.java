package fazhi.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documentation of the warehouse's views and columns: the {@code COMMENT ON VIEW} / {@code COMMENT ON COLUMN}
 * statements of {@code schema/warehouse.sql} (bundled as {@value #RESOURCE}), applied to a connection after its
 * views exist. A statement about a view the version lacks is skipped; one about a column the version lacks (an
 * older version) is skipped too. Anything else that fails (a syntax error in the file) fails loudly.
 * The bundled comments of columns are in both languages: the short Chinese label of {@link ColumnLabels}, then the
 * English description of the file ({@code 区划代码：GB/T 2260 code of …}).
 */
public final class SchemaComments {
    public static final String RESOURCE = "/schema/warehouse.sql";

    private static final Pattern TARGET = Pattern.compile(
            "(?is)^COMMENT\\s+ON\\s+(VIEW|TABLE|COLUMN)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** A derived view over the tables (per_capita): created before the comments, skipped when a table is missing. */
    /** The start of a column's comment, up to the opening quote of its text. */
    private static final Pattern COLUMN_TEXT = Pattern.compile(
            "(?is)^(COMMENT\\s+ON\\s+COLUMN\\s+([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)\\s+IS\\s+')");
    private static final Pattern DERIVED = Pattern.compile(
            "(?is)^CREATE\\s+OR\\s+REPLACE\\s+VIEW\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+AS\\s");

    private static volatile SchemaComments bundled;

    /** One statement and the view it is about (or, for a derived view, creates). */
    public record CommentStatement(String view, String sql, boolean creates) {
    }

    private final List<CommentStatement> statements;

    private SchemaComments(List<CommentStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    public static SchemaComments bundled() {
        SchemaComments b = bundled;
        if (b == null) {
            try (InputStream in = SchemaComments.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                b = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withChineseLabels(ColumnLabels.chinese());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = b;
        }
        return b;
    }

    /** Splits a script into statements at semicolons outside quotes; full-line {@code --} comments are dropped. */
    public static SchemaComments parse(String script) {
        List<CommentStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        // the lines of script.split("\r?\n", -1), without a regular expression
        for (int start = 0, end; start <= script.length(); start = end + 1) {
            end = script.indexOf('\n', start);
            if (end < 0) {
                end = script.length();
            }
            String line = script.substring(start, end > start && script.charAt(end - 1) == '\r' ? end - 1 : end);
            if (!inQuote && line.strip().startsWith("--")) {
                continue;
            }
            // from quote to quote and semicolon to semicolon (indexOf), not char by char: this runs at every start
            // of `fazhi sql`, mostly before the JIT has compiled anything
            int from = 0;
            for (int i = 0; i < line.length(); ) {
                int quote = line.indexOf('\'', i);
                int semicolon = inQuote ? -1 : line.indexOf(';', i);
                if (semicolon >= 0 && (quote < 0 || semicolon < quote)) {
                    add(out, current.append(line, from, semicolon).toString());
                    current.setLength(0);
                    from = semicolon + 1;
                    i = semicolon + 1;
                } else if (quote >= 0) {
                    inQuote = !inQuote;   // a doubled quote toggles twice
                    i = quote + 1;
                } else {
                    break;
                }
            }
            current.append(line, from, line.length()).append('\n');
        }
        if (inQuote) {
            throw new IllegalArgumentException("unterminated quote in the schema comments");
        }
        add(out, current.toString());
        return new SchemaComments(out);
    }

    private static void add(List<CommentStatement> out, String sql) {
        String s = sql.strip();
        if (s.isEmpty()) {
            return;
        }
        Matcher derived = DERIVED.matcher(s);
        if (derived.find()) {
            out.add(new CommentStatement(derived.group(1).toLowerCase(Locale.ROOT), s, true));
            return;
        }
        Matcher m = TARGET.matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("not a COMMENT ON VIEW / COLUMN or CREATE OR REPLACE VIEW statement: "
                    + s.substring(0, Math.min(80, s.length())));
        }
        out.add(new CommentStatement(m.group(2).toLowerCase(Locale.ROOT), s, false));
    }

    /** The same statements with each column's Chinese label put before its English description. */
    public SchemaComments withChineseLabels(ColumnLabels labels) {
        List<CommentStatement> out = new ArrayList<>();
        for (CommentStatement c : statements) {
            Matcher m = COLUMN_TEXT.matcher(c.sql());
            String label = m.find() ? labels.label(m.group(2).toLowerCase(Locale.ROOT), m.group(3).toLowerCase(Locale.ROOT))
                    .orElse(null) : null;
            out.add(label == null ? c : new CommentStatement(c.view(),
                    m.group(1) + label.replace("'", "''") + "：" + c.sql().substring(m.end()), c.creates()));
        }
        return new SchemaComments(out);
    }

    public List<CommentStatement> statements() {
        return statements;
    }

    /**
     * Creates the derived views whose tables exist (adding them to {@code views}), then runs the comments about
     * {@code views}; returns how many statements were applied.
     */
    public int apply(Statement s, Set<String> views) throws SQLException {
        int applied = 0;
        for (CommentStatement c : statements) {
            if (c.creates()) {
                // a statement of its own: DuckDB closes a statement whose execution failed
                try (Statement own = s.getConnection().createStatement()) {
                    own.execute(c.sql());
                    views.add(c.view());
                    applied++;
                } catch (SQLException e) {
                    if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("does not exist")) {
                        throw new SQLException("derived view failed (" + RESOURCE + "): " + c.view(), e);
                    }
                }
            }
        }
        // the comments in one script, one call into DuckDB instead of one per statement (they are ~300); should one
        // fail (a column an older version lacks), they are run again one by one, as below (a comment is idempotent)
        StringBuilder script = new StringBuilder();
        int comments = 0;
        for (CommentStatement c : statements) {
            if (!c.creates() && views.contains(c.view())) {
                script.append(c.sql()).append("\n;\n");   // the newline ends a trailing -- comment first
                comments++;
            }
        }
        if (comments == 0) {
            return applied;
        }
        try (Statement own = s.getConnection().createStatement()) {
            own.execute(script.toString());
            return applied + comments;
        } catch (SQLException e) {
            // one by one below
        }
        for (CommentStatement c : statements) {
            if (c.creates() || !views.contains(c.view())) {
                continue;
            }
            try (Statement own = s.getConnection().createStatement()) {
                own.execute(c.sql());
                applied++;
            } catch (SQLException e) {
                String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (!(msg.contains("does not exist") || msg.contains("does not have a column") || msg.contains("not found"))) {
                    throw new SQLException("schema comment failed (" + RESOURCE + "): " + c.sql(), e);
                }
            }
        }
        return applied;
    }
}
