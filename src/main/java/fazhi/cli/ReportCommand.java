package fazhi.cli;

import fazhi.reference.RegionTable;
import fazhi.report.HtmlReport;
import fazhi.report.Messages;
import fazhi.report.ReportData;
import fazhi.report.ReportLoader;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code fazhi report --year Y [--province P] --out FILE.html [--warehouse DIR] [--indicators a,b] [--lang zh|en]}:
 * writes a self-contained HTML page (inline CSS and SVG; in Chinese unless {@code --lang en}) with the provincial
 * ranking and its uncertainty intervals, trend small multiples and the year's flagged figures with their sentences.
 * Exit codes ({@link ExitCodes}): 0 written, 2 an unknown province or indicator, no published warehouse, or a wrong
 * command line; 1 unreadable or unwritable.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report (rankings with intervals, trends, outliers with evidence) for one year.")
public class ReportCommand implements Callable<Integer> {

    @Option(names = "--year", required = true, description = "report year, e.g. 2023")
    int year;

    @Option(names = "--province", description = "province code (370000) or name (山东省 / 山东); default: every province with data")
    String province;

    @Option(names = "--out", required = true, description = "the HTML file to write")
    Path out;

    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--indicators", split = ",", description = "indicator codes to chart (default: the 3 with most trends)")
    List<String> indicators;

    @Option(names = "--lang", defaultValue = "zh", description = "language of the page: zh (default) or en (schema/messages.csv)")
    Messages.Lang lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String provinceCode = null;
        if (province != null) {
            provinceCode = RankCommand.resolveProvince(RegionTable.bundled(), province);
            if (provinceCode == null) {
                err.println("fazhi report: unknown province '" + province
                        + "': give a code such as 370000 or a name such as 山东省");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        ReportData data;
        try (Connection c = WarehouseConnection.openPublished(layout)) {
            List<String> unknown = unknownIndicators(c);
            if (!unknown.isEmpty()) {
                err.println("fazhi report: --indicators: not in the catalog: " + String.join(", ", unknown)
                        + " (the codes: ./fazhi sql \"select code, name_zh from indicators\")");
                err.flush();
                return ExitCodes.USAGE;
            }
            data = new ReportLoader(c).load(ReportLoader.Request.of(year, provinceCode, indicators), label(layout));
        } catch (SQLException e) {
            err.println("fazhi report: cannot read the warehouse: " + SqlShell.errorText(e));
            err.flush();
            return Files.isDirectory(layout.current()) ? ExitCodes.RUN_FAILED : ExitCodes.USAGE;
        }
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".report-", ".html");
            Files.writeString(tmp, HtmlReport.render(data, Instant.now(), lang), StandardCharsets.UTF_8);
            // a temp file is private to its owner; a report is meant to be shared
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("fazhi report: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out + " (" + Counted.of(data.provinces().size(), "province", "provinces")
                + (data.synthetic().any() ? ", contains SYNTHETIC data" : "") + ")");
        o.flush();
        return ExitCodes.OK;
    }

    /** The codes of --indicators that the published catalog (the indicators table) does not have. */
    private List<String> unknownIndicators(Connection c) throws SQLException {
        if (indicators == null || indicators.isEmpty()) {
            return List.of();
        }
        Set<String> codes = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM indicators")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return indicators.stream().filter(i -> !codes.contains(i)).toList();
    }

    private static String label(WarehouseLayout layout) {
        try {
            return layout.root() + " @ " + layout.current().toRealPath().getFileName();
        } catch (IOException e) {
            return layout.root().toString();
        }
    }
}
