package fazhi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration set up in code at start-up is the one logback.xml (an operator's starting point) gives. */
class StderrLoggingTest {

    @AfterEach
    void restoreNormal() {
        Verbosity.NORMAL.apply();
    }

    @ParameterizedTest
    @EnumSource(Verbosity.class)
    void sameLevelsAppenderAndPatternAsLogbackXml(Verbosity verbosity) throws Exception {
        verbosity.apply();   // sets the properties both configurations read

        LoggerContext fromXml = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromXml);
        joran.doConfigure(StderrLoggingTest.class.getResource("/logback.xml"));
        LoggerContext fromCode = new LoggerContext();
        StderrLogging code = new StderrLogging();
        code.setContext(fromCode);
        code.configure(fromCode);

        assertThat(levels(fromCode)).isEqualTo(levels(fromXml)).containsKeys("fazhi", "ROOT", "org.apache.pdfbox");
        assertThat(levels(fromCode).get("fazhi")).isEqualTo(verbosity == Verbosity.VERBOSE ? Level.DEBUG
                : verbosity == Verbosity.QUIET ? Level.WARN : Level.INFO);
        assertThat(appenders(fromCode)).isEqualTo(appenders(fromXml)).hasSize(1);
        assertThat(fromCode.getStatusManager().getCopyOfStatusListenerList()).extracting(l -> l.getClass().getName())
                .isEqualTo(fromXml.getStatusManager().getCopyOfStatusListenerList().stream()
                        .map(l -> l.getClass().getName()).toList());
        fromXml.stop();
        fromCode.stop();
    }

    @ParameterizedTest
    @EnumSource(Verbosity.class)
    void theCommandLinesProviderSetsUpTheSameContextAsLogbacksOwn(Verbosity verbosity) {
        verbosity.apply();

        ch.qos.logback.classic.spi.LogbackServiceProvider logbacks = new ch.qos.logback.classic.spi.LogbackServiceProvider();
        logbacks.initialize();   // runs StderrLogging through META-INF/services
        StderrLoggingProvider ours = new StderrLoggingProvider();
        ours.initialize();
        LoggerContext fromLogback = (LoggerContext) logbacks.getLoggerFactory();
        LoggerContext fromOurs = (LoggerContext) ours.getLoggerFactory();

        assertThat(levels(fromOurs)).isEqualTo(levels(fromLogback));
        assertThat(appenders(fromOurs)).isEqualTo(appenders(fromLogback)).hasSize(1);
        assertThat(fromOurs.getName()).isEqualTo(fromLogback.getName());
        assertThat(fromOurs.isStarted()).isEqualTo(fromLogback.isStarted()).isTrue();
        assertThat(fromOurs.getMDCAdapter()).isNotNull().isSameAs(ours.getMDCAdapter());
        assertThat(ours.getRequestedApiVersion()).isEqualTo(logbacks.getRequestedApiVersion());
        fromLogback.stop();
        fromOurs.stop();
    }

    private static Map<String, Level> levels(LoggerContext context) {
        Map<String, Level> levels = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel());
            }
        }
        return levels;
    }

    /** Each appender of every logger: logger, name, class, target, pattern and charset. */
    private static List<String> appenders(LoggerContext context) {
        List<String> out = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            for (var it = logger.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> a = it.next();
                String describe = logger.getName() + " " + a.getName() + " " + a.getClass().getName() + " " + a.isStarted();
                if (a instanceof ConsoleAppender<ILoggingEvent> console) {
                    describe += " " + console.getTarget();
                    if (console.getEncoder() instanceof PatternLayoutEncoder encoder) {
                        describe += " " + encoder.getPattern() + " " + encoder.getCharset();
                    }
                }
                out.add(describe);
            }
        }
        return out;
    }
}
