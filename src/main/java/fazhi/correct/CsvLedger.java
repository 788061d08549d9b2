package fazhi.correct;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only UTF-8 CSV file (RFC 4180) that people record into and keep under version control: the warehouse's
 * corrections ledger and its ledger of accepted review figures. Appends take a file lock, so two people recording
 * at once append whole rows one after the other; a new file gets its header first.
 */
public final class CsvLedger {
    private CsvLedger() {
    }

    /** Appends the rows (each in the order of {@code header}), creating the file with its header. */
    public static void append(Path path, List<String> header, List<List<String>> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            StringBuilder out = new StringBuilder();
            long size = ch.size();
            if (size == 0) {
                out.append(String.join(",", header)).append('\n');
            } else {
                // a file last edited by hand may lack its final line end
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    out.append('\n');
                }
            }
            for (List<String> row : rows) {
                List<String> fields = new ArrayList<>(row.size());
                for (String field : row) {
                    fields.add(field(field));
                }
                out.append(String.join(",", fields)).append('\n');
            }
            ch.position(size);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(out.toString());
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
    }

    /** A field as written: quoted when it holds a comma, a quote, a line end or surrounding spaces; null as empty. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || !s.equals(s.strip())) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
