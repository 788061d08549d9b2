package fazhi.cli;

import fazhi.config.BatchRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The command line: maps flags to job parameters and returns exit codes; no business logic here. */
@Command(name = "fazhi", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        description = {"fazhi turns county rule-of-law reports (法治政府建设情况的报告) into a Parquet warehouse "
                + "queried with SQL.",
                "Start with `./fazhi run` (bundled sample reports in, ./warehouse out), then `./fazhi sql`. "
                + "`./fazhi COMMAND --help` explains each command."},
        subcommands = {RunCommand.class, IngestCommand.class, StatsCommand.class, RankCommand.class, ReviewCommand.class,
                SqlCommand.class, ReportCommand.class, CorrectCommand.class, JobsCommand.class, ScheduleCommand.class,
                GenerateCommand.class, TextCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public class FazhiMain implements Runnable {
    @Spec
    CommandSpec spec;

    // applied as they are parsed, before the command runs; execute() starts every command at NORMAL
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "log only warnings and errors (logs go to stderr, results to stdout)")
    void quiet(boolean on) {
        if (on) {
            Verbosity.QUIET.apply();
        }
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log fazhi's details (DEBUG) too")
    void verbose(boolean on) {
        if (on) {
            Verbosity.VERBOSE.apply();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int execute(String... args) {
        Verbosity.NORMAL.apply();
        CommandLine cli = new CommandLine(new FazhiMain());
        HelpText.install(cli);
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
