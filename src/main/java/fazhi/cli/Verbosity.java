package fazhi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much a command logs on stderr (the options quiet and verbose): results always go to stdout, whatever the level.
 * The levels are set twice: on the running logback now, and as the properties StderrLogging and logback.xml read,
 * for a configuration made later (an operator's -Dlogback.configurationFile copy of logback.xml, say).
 */
enum Verbosity {
    /** warnings and errors only */
    QUIET(Level.WARN, Level.WARN),
    /** fazhi's progress (INFO), other libraries' warnings */
    NORMAL(Level.INFO, Level.WARN),
    /** fazhi's DEBUG lines, other libraries' INFO */
    VERBOSE(Level.DEBUG, Level.INFO);

    private static volatile Verbosity current = NORMAL;

    private final Level fazhi;
    private final Level others;

    Verbosity(Level fazhi, Level others) {
        this.fazhi = fazhi;
        this.others = others;
    }

    /** The level of the command running (progress lines that are not log lines follow it too). */
    static Verbosity current() {
        return current;
    }

    void apply() {
        current = this;
        System.setProperty("fazhi.log.fazhi", fazhi.toString());
        System.setProperty("fazhi.log.root", others.toString());
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("fazhi").setLevel(fazhi);
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(others);
        }
    }
}
