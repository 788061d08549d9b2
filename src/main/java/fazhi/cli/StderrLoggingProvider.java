package fazhi.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.StatusPrinter;
import ch.qos.logback.core.status.StatusUtil;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.Util;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback as SLF4J's provider, configured by {@link StderrLogging} directly: logback's own provider runs its
 * ContextInitializer, which reads the two jars' version properties, looks the configurators up with a ServiceLoader
 * and reports each one's order and duration in strings concatenated by invokedynamic, the first such sites of the
 * process (linking them sets up the JDK's StringConcatFactory), to end up calling StderrLogging: about a quarter of
 * logback's start-up, which was a quarter of a one-shot {@code fazhi sql}. The same LoggerContext, appender and levels
 * as before; with {@code -Dlogback.configurationFile} (an operator's own logback.xml) logback's initializer runs as it
 * did. Chosen by FazhiMain through SLF4J's {@value #PROPERTY} property, so only the command line uses it.
 */
public final class StderrLoggingProvider implements SLF4JServiceProvider {
    static final String PROPERTY = "slf4j.provider";

    private LoggerContext context;
    private IMarkerFactory markers;
    private LogbackMDCAdapter mdc;

    /**
     * Makes this the provider of the process unless one was named already; SLF4J's note that it loads a named
     * provider (an INFO line on stderr) is silenced unless its verbosity was set.
     */
    static void choose() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, StderrLoggingProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    @Override
    public void initialize() {
        context = new LoggerContext();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) == null) {
            StatusListenerConfigHelper.installIfAsked(context);
            StderrLogging configurator = new StderrLogging();
            configurator.setContext(context);
            configurator.configure(context);
        } else {
            // as logback's own provider does
            try {
                try {
                    new ContextInitializer(context).autoConfig();
                } catch (JoranException e) {
                    Util.report("Failed to auto configure default logger context", e);
                }
                if (!StatusUtil.contextHasStatusListener(context)) {
                    StatusPrinter.printInCaseOfErrorsOrWarnings(context);
                }
            } catch (Exception e) {
                Util.report("Failed to instantiate [" + LoggerContext.class.getName() + "]", e);
            }
        }
        context.start();
        markers = new BasicMarkerFactory();
        mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return LogbackServiceProvider.REQUESTED_API_VERSION;
    }
}
