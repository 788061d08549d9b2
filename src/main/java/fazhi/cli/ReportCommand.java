package fazhi.cli;

import fazhi.reference.RegionTable;
import fazhi.report.HtmlReport;
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
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fazhi report --year Y [--province P] --out FILE.html [--warehouse DIR] [--indicators a,b]}: writes a
 * self-contained HTML page (inline CSS and SVG) with the provincial ranking and its uncertainty intervals, trend
 * small multiples and the year's flagged figures with their sentences. Exit codes: 0 written, 1 no warehouse or
 * unreadable, 2 unknown province or wrong command line.
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String provinceCode = null;
        if (province != null) {
            provinceCode = RankCommand.resolveProvince(RegionTable.bundled(), province);
            if (provinceCode == null) {
                err.println("unknown province '" + province + "': give a code such as 370000 or a name such as 山东省");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        ReportData data;
        try (Connection c = WarehouseConnection.openPublished(layout)) {
            data = new ReportLoader(c).load(ReportLoader.Request.of(year, provinceCode, indicators), label(layout));
        } catch (SQLException e) {
            err.println("cannot read the warehouse: " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".report-", ".html");
            Files.writeString(tmp, HtmlReport.render(data, Instant.now()), StandardCharsets.UTF_8);
            // a temp file is private to its owner; a report is meant to be shared
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out + " (" + data.provinces().size() + " province(s)"
                + (data.synthetic().any() ? ", contains SYNTHETIC data" : "") + ")");
        o.flush();
        return ExitCodes.OK;
    }

    private static String label(WarehouseLayout layout) {
        try {
            return layout.root() + " @ " + layout.current().toRealPath().getFileName();
        } catch (IOException e) {
            return layout.root().toString();
        }
    }
}
