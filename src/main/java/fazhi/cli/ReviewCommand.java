package fazhi.cli;

import fazhi.correct.Correction;
import fazhi.correct.CorrectionProblem;
import fazhi.correct.CorrectionRules;
import fazhi.correct.CorrectionsFile;
import fazhi.reference.RegionTable;
import fazhi.review.AcceptedFigures;
import fazhi.review.ReviewImport;
import fazhi.review.ReviewParameters;
import fazhi.review.ReviewQueue;
import fazhi.review.ReviewText;
import fazhi.review.ReviewWorkbook;
import fazhi.stats.StatisticsParameters;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fazhi review}: lists the published figures that most need a human eye (the priority of jobs/review.yaml);
 * {@code fazhi review export --out FILE.xlsx} writes them as a workbook with empty decision columns;
 * {@code fazhi review import FILE.xlsx} records the filled-in decisions as corrections.
 */
@Command(name = "review", header = "List the figures that most need a human eye; export them for reviewers.",
        mixinStandardHelpOptions = true, subcommands = {ReviewCommand.Export.class, ReviewCommand.Import.class},
        description = {"Lists the published figures that most need checking, highest priority first: competing "
                + "candidates with different values, validation issues, outliers, fragile extraction rules, reports with "
                + "unusually few figures (weights: jobs/review.yaml). Each with its sentence, its candidates, the file "
                + "and the character offset. Figures a reviewer accepted (WAREHOUSE/review-accepted.csv, written by "
                + "`review import`) are left out while their report states them so."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (or written)", "1:the warehouse could not be read or the file not written",
                "2:no published warehouse, or an unknown province"},
        footer = {"", "Examples:", "  ./fazhi review --year 2023 --province 山东 --limit 20",
                "  ./fazhi review export --out review.xlsx",
                "  ./fazhi review import review.xlsx --by 王统计"})
public class ReviewCommand implements Callable<Integer> {

    /** What both the listing and the export select. */
    static final class Selection {
        @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
                description = "warehouse folder (default: ${DEFAULT-VALUE})")
        Path warehouse;

        @Option(names = "--year", paramLabel = "Y", description = "only figures of this year")
        Integer year;

        @Option(names = "--province", paramLabel = "P", description = "only this province: code (370000) or name (山东省 / 山东)")
        String province;
    }

    @Mixin
    Selection selection;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "30", description = "how many to list (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return withQueue(selection, limit, err, result -> {
            ReviewText.print(result, out);
            return ExitCodes.OK;
        });
    }

    @Command(name = "export", header = "Write the review queue as an Excel workbook with empty decision columns.",
            mixinStandardHelpOptions = true,
            description = {"Writes sheet `review`: one row per figure with its evidence (priority, why, region, year, "
                    + "indicator, extracted value, candidates, sentence, file, char offset, submission id) and empty "
                    + "columns decision (accept / correct / not_reported), corrected_value, corrected_qualifier, reason, "
                    + "reviewer; sheet `about` explains them."})
    static class Export implements Callable<Integer> {
        @Mixin
        Selection selection;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "the workbook to write (.xlsx)")
        Path out;

        @Option(names = "--limit", paramLabel = "N", description = "at most N figures (default: the whole queue)")
        Integer limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return withQueue(selection, limit, err, result -> {
                try {
                    ReviewWorkbook.write(result.items(), out);
                } catch (IOException e) {
                    err.println("fazhi review export: cannot write " + out + ": " + e.getMessage());
                    err.flush();
                    return ExitCodes.RUN_FAILED;
                }
                err.println("fazhi review export: " + result.items().size() + " of "
                        + Counted.of(result.queued(), "figure", "figures") + " to check written to " + out + " (sheet " + ReviewWorkbook.SHEET + ")");
                err.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", header = "Record the decisions of a filled-in review workbook as corrections.",
            mixinStandardHelpOptions = true,
            description = {"Reads sheet `review` of a workbook written by `fazhi review export` (columns by header name). "
                    + "correct (with corrected_value) and not_reported are appended to WAREHOUSE/corrections.csv as "
                    + "corrections, with the row's file and sentence as evidence, and applied by the next run; accept "
                    + "is remembered in WAREHOUSE/review-accepted.csv, and the queue leaves the figure out while its "
                    + "report states it so (delete the row to see it again); a blank decision is skipped. Prints what was "
                    + "read and recorded, and each row that could not be used with its row number and the reason."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every decision recorded (or accepted)", "1:the ledger could not be written",
                    "2:not a review workbook (no such file, not xlsx, no sheet `review` or its header), or no warehouse",
                    "3:some rows could not be used (listed); the others were recorded"})
    static class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.xlsx", description = "the filled-in workbook")
        Path file;

        @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
                description = "warehouse folder (default: ${DEFAULT-VALUE})")
        Path warehouse;

        @Option(names = "--by", paramLabel = "NAME",
                description = "who decided, where the reviewer column is blank (default: the login name)")
        String by;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return importDecisions(out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }

        private int importDecisions(PrintWriter out, PrintWriter err) {
            WarehouseLayout layout = new WarehouseLayout(warehouse);
            if (!Files.isDirectory(layout.root())) {
                err.println("fazhi review import: no warehouse at " + layout.root() + " (give --warehouse DIR)");
                return ExitCodes.USAGE;
            }
            List<ReviewImport.SheetRow> rows;
            try {
                rows = ReviewImport.read(file);
            } catch (ReviewImport.UnusableWorkbookException e) {
                err.println("fazhi review import: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Map<String, ReviewImport.Report> current = Map.of();
            if (Files.isDirectory(layout.current())) {
                try (Connection c = WarehouseConnection.openPublished(layout)) {
                    current = ReviewImport.currentReports(c);
                } catch (SQLException e) {
                    err.println("fazhi review import: the published warehouse could not be read, so a report replaced "
                            + "since the export is not noticed here (the next run flags its corrections needs_review)");
                }
            }
            String name = file.getFileName().toString();
            CorrectionsFile ledger = CorrectionsFile.ledgerOf(layout.root());
            CorrectionRules rules = CorrectionRules.bundled();
            ReviewImport.Plan plan = ReviewImport.plan(rows, current,
                    ledger.read(rules).corrections().stream().map(CorrectionsFile.Entry::correction).toList(), name,
                    by != null ? by : System.getProperty("user.name"));
            List<ReviewImport.RowProblem> problems = new ArrayList<>(plan.problems());
            AcceptedFigures acceptedLedger = AcceptedFigures.of(layout.root());
            int newlyAccepted;
            try {
                newlyAccepted = acceptedLedger.appendNew(plan.acceptances());
            } catch (IOException e) {
                err.println("fazhi review import: cannot write " + acceptedLedger.path() + ": " + e.getMessage()
                        + "; nothing recorded");
                return ExitCodes.RUN_FAILED;
            }
            try {
                for (CorrectionProblem p : ledger.appendAll(plan.corrections(), rules, name)) {
                    Correction c = plan.corrections().get(p.line() - 1);
                    problems.add(new ReviewImport.RowProblem(plan.correctionRows().get(p.line() - 1),
                            c.regionCode() + " " + c.year() + " " + c.indicator(), p.reason()));
                }
            } catch (IOException e) {
                err.println("fazhi review import: cannot write " + ledger.path() + ": " + e.getMessage()
                        + "; nothing recorded");
                return ExitCodes.RUN_FAILED;
            }
            problems.sort(Comparator.comparingInt(ReviewImport.RowProblem::row));
            int recorded = plan.corrections().size() - (problems.size() - plan.problems().size());
            out.println(name + ": " + plan.rows() + " rows read, " + plan.decided() + " decided, " + recorded
                    + " recorded as corrections, " + plan.alreadyRecorded() + " already recorded (an earlier import), "
                    + plan.accepted() + " accepted (" + newlyAccepted + " new in " + AcceptedFigures.FILE_NAME
                    + "), " + plan.undecided() + " undecided (skipped), " + problems.size() + " not usable");
            if (recorded > 0) {
                out.println("recorded in " + ledger.path() + "; applied by the next `fazhi ingest` or `fazhi run` on "
                        + "this warehouse (see the corrections table)");
            }
            for (ReviewImport.RowProblem p : problems) {
                out.println("  not used: " + p.describe());
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_ROWS_NOT_USED;
        }
    }

    private interface QueueUse {
        int apply(ReviewQueue.Result result);
    }

    private static int withQueue(Selection selection, Integer limit, PrintWriter err, QueueUse use) {
        String provinceCode = null;
        if (selection.province != null) {
            provinceCode = RankCommand.resolveProvince(RegionTable.bundled(), selection.province);
            if (provinceCode == null) {
                err.println("fazhi review: unknown province '" + selection.province
                        + "': give a code such as 370000 or a name such as 山东省");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        WarehouseLayout layout = new WarehouseLayout(selection.warehouse);
        if (!Files.isDirectory(layout.current())) {
            err.println("fazhi review: no published warehouse at " + layout.root() + " (run `./fazhi run` first)");
            err.flush();
            return ExitCodes.USAGE;
        }
        AcceptedFigures.Read accepted = AcceptedFigures.of(layout.root()).read();
        for (String problem : accepted.problems()) {
            err.println("fazhi review: " + problem);
        }
        ReviewQueue.Result result;
        try (Connection c = WarehouseConnection.openPublished(layout)) {
            result = new ReviewQueue(ReviewParameters.bundled(), StatisticsParameters.bundled().outlierThreshold())
                    .read(c, selection.year, provinceCode, limit, accepted.accepted());
        } catch (SQLException e) {
            err.println("fazhi review: cannot read the warehouse: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        return use.apply(result);
    }
}
