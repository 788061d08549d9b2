package fazhi.generate;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFileException;
import fazhi.reference.KnowledgeFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How often real county reports state each catalog indicator: schema/generator/disclosure.csv (its derivation
 * is in schema/generator/README.md). The panel generator discloses an indicator in a report with this share.
 */
public record Disclosure(Map<String, Double> shares) {
    public static final String RESOURCE = "/schema/generator/disclosure.csv";
    static final String HEADER =
            "indicator,full_reports,full_reports_disclosing,openings,openings_disclosing,opening_visibility,share";

    public Disclosure {
        shares = Map.copyOf(shares);
    }

    public static Disclosure bundled() {
        try (InputStream in = KnowledgeFiles.open(RESOURCE)) {
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Disclosure read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException(source + ": expected the header " + HEADER + ", got " + header);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        Set<String> codes = IndicatorCatalog.bundled().codes();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            double share;
            try {
                share = Double.parseDouble(f[f.length - 1]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(source + " line " + n + ": share is not a number: " + line);
            }
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalStateException(source + " line " + n + ": share must be in [0, 1]: " + line);
            }
            if (!codes.contains(f[0])) {
                throw new KnowledgeFileException(source, n, "indicator", "unknown indicator code '" + f[0]
                        + "': not in the catalog (schema/indicators.yaml)");
            }
            shares.put(f[0], share);
        }
        return new Disclosure(shares);
    }

    /** the share of reports that state the indicator; an indicator missing from the table is never stated */
    public double share(String indicator) {
        return shares.getOrDefault(indicator, 0.0);
    }
}
