package fazhi.cli;

import fazhi.config.BatchRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: maps flags to job parameters and returns exit codes; no business logic here. */
@Command(name = "fazhi", mixinStandardHelpOptions = true, version = "fazhi 0.1.0",
        description = {"fazhi turns county rule-of-law reports (法治政府建设情况的报告) into a Parquet warehouse "
                + "queried with SQL.",
                "Start with `./fazhi run` (bundled sample reports in, ./warehouse out), then `./fazhi sql`. "
                + "`./fazhi COMMAND --help` explains each command."},
        subcommands = {RunCommand.class, IngestCommand.class, StatsCommand.class, RankCommand.class, ReviewCommand.class,
                SqlCommand.class, ReportCommand.class, CorrectCommand.class, JobsCommand.class, ScheduleCommand.class,
                GenerateCommand.class, TextCommand.class,
                CommandLine.HelpCommand.class})
public class FazhiMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FazhiMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("fazhi " + cmd.getCommandName() + ": " + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
