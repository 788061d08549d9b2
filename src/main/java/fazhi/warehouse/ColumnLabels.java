package fazhi.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Short Chinese labels of the warehouse's columns ({@code schema/column-labels-zh.csv}, bundled as
 * {@value #RESOURCE}) for exports people open ({@code fazhi sql --labels zh}). A row without a table labels the
 * column in every table; a row with a table overrides it there. A query result only knows its column names, so
 * it takes the label of the row without a table, else of the first row naming the column; a column without a
 * label (an alias of the query's own) keeps its name.
 */
public final class ColumnLabels {
    public static final String RESOURCE = "/schema/column-labels-zh.csv";

    private static volatile ColumnLabels bundled;

    /** column -> label for any table; "table.column" -> label for one table. */
    private final Map<String, String> byColumn;
    private final Map<String, String> byTableColumn;

    private ColumnLabels(Map<String, String> byColumn, Map<String, String> byTableColumn) {
        this.byColumn = Map.copyOf(byColumn);
        this.byTableColumn = Map.copyOf(byTableColumn);
    }

    public static ColumnLabels chinese() {
        ColumnLabels b = bundled;
        if (b == null) {
            try (InputStream in = ColumnLabels.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                b = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = b;
        }
        return b;
    }

    static ColumnLabels parse(List<String> lines) {
        Map<String, String> anyTable = new HashMap<>();
        Map<String, String> firstTable = new HashMap<>();
        Map<String, String> byTableColumn = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || f[2].isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1)
                        + ": expected column,table,label_zh with a column and a label: " + line);
            }
            if (f[1].isBlank()) {
                anyTable.put(f[0], f[2]);
            } else {
                byTableColumn.put(f[1] + "." + f[0], f[2]);
                firstTable.putIfAbsent(f[0], f[2]);
            }
        }
        Map<String, String> byColumn = new HashMap<>(firstTable);
        byColumn.putAll(anyTable);
        return new ColumnLabels(byColumn, byTableColumn);
    }

    /** The label of a query result's column, or the name itself when it has none. */
    public String label(String column) {
        return byColumn.getOrDefault(column, column);
    }

    /** The label of a table's column, if there is one. */
    public Optional<String> label(String table, String column) {
        String own = byTableColumn.get(table + "." + column);
        return Optional.ofNullable(own != null ? own : byColumn.get(column));
    }
}
