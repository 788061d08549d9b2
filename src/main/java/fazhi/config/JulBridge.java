package fazhi.config;

import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging (the PostgreSQL driver's, the JDK's) sent to SLF4J, hence to logback's stderr with its levels,
 * while a run's context is open: what Spring Boot's logback logging system did when SpringApplication started the
 * context, and undid when it closed. Left alone when java.util.logging has handlers of its own beyond the default
 * console one (a logging.properties of the operator's).
 */
final class JulBridge {
    private JulBridge() {
    }

    static void install() {
        Handler[] handlers = root().getHandlers();
        if (handlers.length == 0 || handlers.length == 1 && handlers[0] instanceof ConsoleHandler) {
            remove();
            SLF4JBridgeHandler.install();
        }
    }

    /** The bridge out, and with it the default console handler, as Boot's clean-up left java.util.logging. */
    static void remove() {
        Logger root = root();
        Handler[] handlers = root.getHandlers();
        if (handlers.length == 1 && handlers[0] instanceof ConsoleHandler) {
            root.removeHandler(handlers[0]);
        }
        SLF4JBridgeHandler.uninstall();
    }

    private static Logger root() {
        return LogManager.getLogManager().getLogger("");
    }
}
