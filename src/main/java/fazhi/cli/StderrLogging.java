package fazhi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Logback's configuration at start-up, the same as logback.xml's, set up in code: reading logback.xml with Joran (a
 * SAX parser, logback's model and its handlers) was about a sixth of a one-shot `fazhi sql`, a command that
 * never starts Spring. The jobs' contexts no longer configure logging again (they are not SpringApplications): this is
 * the configuration of every command. logback.xml says the same in logback's own words, for an operator to copy and
 * edit (StderrLoggingTest keeps the two equal); an operator's own {@code -Dlogback.configurationFile} is read as
 * before. Registered in META-INF/services.
 */
public class StderrLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    /** The libraries' loggers of logback.xml, with their levels. */
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.apache.hadoop", Level.ERROR,
            "org.apache.parquet", Level.WARN,
            "org.apache.pdfbox", Level.OFF,
            "org.apache.fontbox", Level.OFF,
            "org.apache.poi", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        context.getLogger("fazhi").setLevel(Level.toLevel(System.getProperty("fazhi.log.fazhi"), Level.INFO));
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("fazhi.log.root"), Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
