package fazhi.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference tables of schema/reference/: UTF-8, one header line, no quoted fields (their READMEs
 * guarantee it, so a quote is an error rather than something to parse). Errors name the file and the line.
 */
final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /** The data rows of a bundled table whose header must be exactly {@code header}. */
    static List<String[]> bundled(String resource, String header) {
        try (InputStream in = KnowledgeFiles.open(resource)) {
            return read(in, resource, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String[]> read(InputStream in, String name, String header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = reader.readLine();
        if (first == null || !first.equals(header)) {
            throw new IOException(name + ": expected the header " + header + ", found " + first);
        }
        int columns = header.split(",", -1).length;
        List<String[]> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw new IOException(name + " line " + lineNo + ": quoted fields are not expected: " + line);
            }
            String[] f = line.split(",", -1);
            if (f.length != columns) {
                throw new IOException(name + " line " + lineNo + ": expected " + columns + " fields, got "
                        + f.length + ": " + line);
            }
            rows.add(f);
        }
        return rows;
    }

    static int year(String field, String name) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a year: " + field, e);
        }
    }
}
