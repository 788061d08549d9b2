package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.config.RunRequest;
import fazhi.warehouse.WarehouseLock;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "schedule", header = "Run the nightly job on a cron schedule, in the foreground.", mixinStandardHelpOptions = true,
        description = {"Run the nightly job on a schedule, in the foreground, logging each run (for a system scheduler instead, see the cron line and systemd timer in the README). The cron expression has six fields: second minute hour day-of-month month day-of-week."},
        footer = {"", "Example: ./fazhi schedule --cron \"0 0 2 * * *\"    every night at 02:00"})
public class ScheduleCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--cron", required = true, description = "when to run, e.g. \"0 0 2 * * *\" (02:00 every day)")
    String cron;

    @Mixin
    RunOptions options;

    @Option(names = "--max-runs", defaultValue = "0", description = "stop after this many runs (0: never)")
    int maxRuns;

    @Override
    public Integer call() throws InterruptedException {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
            options.knowledge.apply();
        } catch (IllegalArgumentException | fazhi.reference.KnowledgeFileException | fazhi.rank.FrameworkException e) {
            System.err.println("fazhi schedule: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int runs = 0;
        int last = ExitCodes.OK;
        while (maxRuns == 0 || runs < maxRuns) {
            LocalDateTime next = expression.next(LocalDateTime.now());
            if (next == null) {
                System.err.println("fazhi schedule: the expression " + cron + " has no next time");
                return ExitCodes.USAGE;
            }
            System.out.println(LocalDateTime.now().format(TIME) + " next run at " + next.format(TIME));
            Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(), next).toMillis()));
            last = runOnce();
            runs++;
            System.out.println(LocalDateTime.now().format(TIME) + " run " + runs + " ended with exit code " + last);
            if (last == ExitCodes.STOPPED) {
                return last; // a stop signal stops the schedule too
            }
        }
        return last;
    }

    /** One nightly run; a failed run, or one that found the warehouse busy, is logged and the schedule goes on. */
    private int runOnce() {
        try {
            var outcome = BatchRunner.run(new RunRequest("nightly", options.input(), options.warehouse,
                    options.jobRepository, options.reprocess, options.limits), options.prepareDemo(System.out));
            return new RunSummary(options.warehouse, outcome).print(System.out);
        } catch (WarehouseLock.WarehouseBusyException e) {
            System.out.println("run skipped: " + e.getMessage());
            return ExitCodes.WAREHOUSE_BUSY;
        } catch (Exception e) {
            System.out.println("run could not start: " + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        }
    }
}
