package fazhi.cli;

import fazhi.stats.StatisticsReport;
import fazhi.stats.StatisticsRunner;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code fazhi stats}: summarises the trends, outliers and Benford tables of the published warehouse.
 * When the published version has no statistics tables, or with {@code --recompute}, they are computed
 * from the published observations into a temporary folder, summarised and deleted: this command never
 * changes the warehouse (the nightly job computes and publishes the tables).
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Summarise trends, outliers and Benford checks of the published warehouse.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:summary printed", "2:no published warehouse or a query failed"})
public class StatsCommand implements Callable<Integer> {
    static final int NO_WAREHOUSE = 2;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--recompute", description = "compute the statistics afresh from the published "
            + "observations (into a temporary folder; the warehouse is not changed)")
    boolean recompute;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "how many of the strongest flagged outliers to list (default: ${DEFAULT-VALUE})")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        try (Connection published = WarehouseConnection.openPublished(layout)) {
            if (!recompute && StatisticsReport.hasStatisticsTables(published)) {
                out.println("statistics of the published warehouse " + layout.root());
                out.print(StatisticsReport.render(published, top));
            } else {
                Path tmp = Files.createTempDirectory("fazhi-stats-");
                try {
                    new StatisticsRunner().run(published, tmp, "stats-preview");
                    try (Connection computed = WarehouseConnection.openVersion(tmp)) {
                        out.println("statistics computed now from the published observations of " + layout.root()
                                + " (not published)");
                        out.print(StatisticsReport.render(computed, top));
                    }
                } finally {
                    deleteRecursively(tmp);
                }
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            err.println("fazhi stats: " + e.getMessage());
            err.flush();
            return NO_WAREHOUSE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
