package fazhi.cli;

import fazhi.correct.Correction;
import fazhi.correct.CorrectionRules;
import fazhi.correct.CorrectionsFile;
import fazhi.warehouse.NumberText;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fazhi correct}: records a correction of one figure in the warehouse's ledger (WAREHOUSE/corrections.csv),
 * after checking it, and says which published figure it replaces. Every later run applies it.
 */
@Command(name = "correct", header = "Record a correction of one figure (applied by every later run).",
        mixinStandardHelpOptions = true,
        description = {"Record that the figure of INDICATOR for REGION and YEAR is VALUE (or that the report does not "
                + "state it), with the reason. The correction is appended to WAREHOUSE/corrections.csv (plain CSV, "
                + "the same format as a corrections.csv in the input folder) and applied by every later `fazhi run` "
                + "or `fazhi ingest`: observations then shows the corrected value with corrected = true beside the "
                + "extracted_value, and the corrections table what became of each correction (README, Corrections)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "1:the ledger could not be written", "2:the correction cannot be used (the reason is printed)"})
public class CorrectCommand implements Callable<Integer> {

    @Option(names = "--region", required = true, paramLabel = "CODE", description = "6-digit GB/T 2260 code of the region")
    String region;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the work year the figure describes")
    int year;

    @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "indicator code of the catalog")
    String indicator;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Figure figure;

    static class Figure {
        @ArgGroup(exclusive = false)
        Stated stated;

        @Option(names = "--not-reported", required = true,
                description = "the report does not state this figure: take the extracted one out of observations")
        boolean notReported;
    }

    static class Stated {
        @Option(names = "--value", required = true, paramLabel = "V", description = "the figure, in the indicator's unit")
        double value;

        @Option(names = "--qualifier", paramLabel = "Q",
                description = "exact (default), at_least (余 / 以上), approx (约), at_most (不足 / 以下) or redacted")
        String qualifier;
    }

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the figure is corrected")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "who corrects it (default: the login name)")
    String by;

    @Option(names = "--evidence", paramLabel = "TEXT",
            description = "what the figure was checked against (the sentence, a page of the printed report)")
    String evidence;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = by != null ? by : System.getProperty("user.name");
        Correction c = figure.notReported
                ? Correction.notReported(region, year, indicator, reason, who, evidence)
                : Correction.value(region, year, indicator, figure.stated.value,
                figure.stated.qualifier == null ? null : figure.stated.qualifier.toLowerCase(java.util.Locale.ROOT),
                reason, who, evidence);
        List<String> problems = CorrectionRules.bundled().problems(c);
        if (!problems.isEmpty()) {
            err.println("fazhi correct: not recorded: " + String.join("; ", problems));
            err.flush();
            return ExitCodes.USAGE;
        }
        CorrectionsFile ledger = CorrectionsFile.ledgerOf(new WarehouseLayout(warehouse).root());
        try {
            ledger.append(c);
        } catch (IOException e) {
            err.println("fazhi correct: cannot write " + ledger.path() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        out.println("recorded in " + ledger.path() + ": " + region + " " + year + " " + indicator + " = "
                + c.describeValue());
        out.println("  " + published(c));
        out.println("  applied by the next `fazhi ingest` or `fazhi run` on this warehouse (see the corrections table)");
        out.flush();
        return ExitCodes.OK;
    }

    /** What the published warehouse holds for the figure, so the user sees what the correction replaces. */
    private String published(Correction c) {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        if (!Files.isDirectory(layout.current())) {
            return "no published warehouse yet: it is applied once the report is published";
        }
        try (Connection db = WarehouseConnection.openPublished(layout);
             PreparedStatement ps = db.prepareStatement("SELECT (SELECT any_value(source_file) FROM observations "
                     + "WHERE region_code = ? AND year = ?), o.value, o.qualifier, o.source_file, o.evidence "
                     + "FROM (SELECT 1) LEFT JOIN observations o ON o.region_code = ? AND o.year = ? AND o.indicator = ?")) {
            ps.setString(1, c.regionCode());
            ps.setInt(2, c.year());
            ps.setString(3, c.regionCode());
            ps.setInt(4, c.year());
            ps.setString(5, c.indicator());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getString(1) == null) {
                    return "no published report for " + c.regionCode() + " " + c.year()
                            + " yet: it is applied once one is published";
                }
                if (rs.getString(3) == null) {
                    return c.notReported() ? "the published report " + rs.getString(1) + " states no such figure"
                            : "adds a figure the extractor did not find in " + rs.getString(1);
                }
                double v = rs.getDouble(2);
                String value = rs.wasNull() ? "no value" : NumberText.plain(v);
                return "replaces " + value + " (" + rs.getString(3) + ") of " + rs.getString(4) + ": "
                        + rs.getString(5);
            }
        } catch (SQLException e) {
            return "the published warehouse could not be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); the correction is recorded all the same";
        }
    }
}
