package fazhi.cli;

import fazhi.reference.KnowledgeFileException;
import fazhi.config.BatchRunner;
import fazhi.config.RunRequest;
import fazhi.stats.StatisticsReport;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code fazhi stats}: recomputes trends, outliers and the Benford check from the published observations
 * (the {@code stats} job: a new version with the three tables replaced, published atomically), then
 * summarises them. {@code --summary-only} only reads what is published.
 */
@Command(name = "stats", header = "Recompute and publish trends, outliers and Benford checks, then summarise them.", mixinStandardHelpOptions = true,
        description = {"Recompute trends, outliers and Benford checks from the published observations, publish them, and print a summary (methods: README, Statistics)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:summary printed", "1:the statistics could not be computed",
                "2:no published warehouse or a query failed", "4:another run holds the warehouse"})
public class StatsCommand implements Callable<Integer> {
    static final int NO_WAREHOUSE = 2;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL", description = "as for `fazhi run`")
    String jobRepository;

    @Mixin
    KnowledgeOptions knowledge = new KnowledgeOptions();

    @Option(names = "--summary-only", description = "print the published statistics without recomputing them")
    boolean summaryOnly;

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
        String noWarehouse = "fazhi stats: no published warehouse at " + layout.root() + " (run `./fazhi run` first)";
        // whether a version is published is asked under the lock: a first run may be publishing one right now
        if (!Files.isDirectory(layout.root()) || (summaryOnly && !Files.isDirectory(layout.current()))) {
            err.println(noWarehouse);
            err.flush();
            return NO_WAREHOUSE;
        }
        if (!summaryOnly) {
            try {
                knowledge.apply();
            } catch (KnowledgeFileException | fazhi.rank.FrameworkException | IllegalArgumentException e) {
                err.println("fazhi stats: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            try {
                var outcome = BatchRunner.run(new RunRequest("stats", null, warehouse, jobRepository, false), () -> {
                    if (!Files.isDirectory(layout.current())) {
                        throw new NoPublishedWarehouseException();
                    }
                });
                if (!outcome.completed()) {
                    err.println("fazhi stats: " + outcome.exitDescription());
                    err.flush();
                    return ExitCodes.RUN_FAILED;
                }
            } catch (NoPublishedWarehouseException e) {
                err.println(noWarehouse);
                err.flush();
                return NO_WAREHOUSE;
            } catch (WarehouseLock.WarehouseBusyException e) {
                err.println("fazhi stats: " + e.getMessage());
                err.flush();
                return ExitCodes.WAREHOUSE_BUSY;
            } catch (Exception e) {
                err.println("fazhi stats: " + BatchRunner.rootMessage(e));
                err.flush();
                return ExitCodes.RUN_FAILED;
            } finally {
                knowledge.reset();
            }
        }
        try (Connection published = WarehouseConnection.openPublished(layout)) {
            if (!StatisticsReport.hasStatisticsTables(published)) {
                err.println("fazhi stats: the published warehouse has no statistics yet (run `./fazhi stats`)");
                err.flush();
                return NO_WAREHOUSE;
            }
            out.println("statistics of the published warehouse " + layout.root());
            out.print(StatisticsReport.render(published, top));
            out.flush();
            return ExitCodes.OK;
        } catch (SQLException e) {
            err.println("fazhi stats: " + e.getMessage());
            err.flush();
            return NO_WAREHOUSE;
        }
    }

    private static final class NoPublishedWarehouseException extends java.io.IOException {
    }
}
