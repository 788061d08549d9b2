package fazhi.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The GB/T 2260 region table, loaded from regions.csv (bundled as a classpath resource). */
public final class RegionTable {
    public static final String RESOURCE = "/schema/regions.csv";

    private final Map<String, Region> byCode;

    private RegionTable(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static RegionTable bundled() {
        try (InputStream in = KnowledgeFiles.open(RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RegionTable load(InputStream csv) throws IOException {
        Map<String, Region> regions = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("code,name,level")) {
            throw new IOException("regions.csv: unexpected header " + header);
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            // the table's README guarantees no quoted fields
            String[] f = line.split(",", -1);
            if (f.length != 9) {
                throw new IOException("regions.csv: expected 9 fields, got " + f.length + ": " + line);
            }
            regions.put(f[0], new Region(f[0], f[1], f[2], blankToNull(f[3]), f[4], f[5],
                    blankToNull(f[6]), blankToNull(f[7]), f[8]));
        }
        return new RegionTable(regions);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Region> all() {
        return new ArrayList<>(byCode.values());
    }

    public int size() {
        return byCode.size();
    }
}
