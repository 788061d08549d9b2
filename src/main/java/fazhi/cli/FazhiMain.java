package fazhi.cli;

import fazhi.config.BatchRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.Set;

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

    @Mixin
    LogLevelOptions logLevel;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int execute(String... args) {
        Verbosity.NORMAL.apply();
        CommandLine cli = commandLine(args);
        HelpText.install(cli);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("fazhi " + cmd.getCommandName() + ": " + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        });
        return cli.execute(args);
    }

    /**
     * The command line for these arguments: fazhi with all its commands, or, when the arguments start with a command
     * (after -q or -v at most), fazhi with that command alone. picocli builds the model of every command it is given
     * by reflection, and the twelve others were about a tenth of a one-shot `fazhi sql`. The help command and the
     * completion script, which read the whole tree, and anything else (fazhi --help, an unknown word, an @file)
     * get all of them.
     */
    static CommandLine commandLine(String... args) {
        Class<?> named = namedCommand(args);
        if (named == null) {
            return new CommandLine(new FazhiMain());
        }
        CommandLine cli = new CommandLine(new OneCommand());
        cli.addSubcommand(named);
        return cli;
    }

    private static final Set<String> ROOT_OPTIONS_BEFORE_A_COMMAND = Set.of("-q", "--quiet", "-v", "--verbose");

    /** The command the arguments run, or null when they may need the whole tree. */
    private static Class<?> namedCommand(String... args) {
        for (String arg : args) {
            if (ROOT_OPTIONS_BEFORE_A_COMMAND.contains(arg)) {
                continue;
            }
            return Arrays.stream(FazhiMain.class.getAnnotation(Command.class).subcommands())
                    .filter(c -> c != CommandLine.HelpCommand.class && c != CompletionCommand.class)
                    .filter(c -> c.getAnnotation(Command.class).name().equals(arg))
                    .findFirst().orElse(null);
        }
        return null;
    }

    /** fazhi's root with its own options and no commands: {@link #commandLine} adds the one that runs. */
    @Command(name = "fazhi", mixinStandardHelpOptions = true, versionProvider = VersionText.class)
    static final class OneCommand implements Runnable {
        @Mixin
        LogLevelOptions logLevel;

        @Override
        public void run() {
            throw new IllegalStateException("fazhi runs a command given on the command line");
        }
    }

    /** The options of fazhi itself, inherited by every command. */
    static final class LogLevelOptions {
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
    }

    public static void main(String[] args) {
        StderrLoggingProvider.choose();
        System.exit(execute(args));
    }
}
