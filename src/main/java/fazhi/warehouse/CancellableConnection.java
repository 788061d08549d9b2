package fazhi.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection whose statements can all be cancelled from another thread: a stop signal should not wait for a
 * compose or write statement that takes a minute on a national corpus. JDBC cancels one statement at a time
 * ({@link Statement#cancel()}, which DuckDB turns into an interrupt of the query under way, rolled back), and the
 * statements are made deep inside the stages, so this connection remembers the ones it made. After
 * {@link #cancelAll()} it makes no new statement: the work of the stage ends with the statement it was running.
 */
public final class CancellableConnection implements InvocationHandler {
    private final Connection connection;
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
    private final Runnable onClose;
    private volatile boolean cancelled;

    private CancellableConnection(Connection connection, Runnable onClose) {
        this.connection = connection;
        this.onClose = onClose;
    }

    /** A handle to cancel what runs on {@code connection}, and the connection to use in its place. */
    public record Handle(Connection connection, CancellableConnection canceller) {
    }

    /** @param onClose what to do once the connection is closed (forget the handle) */
    public static Handle wrap(Connection connection, Runnable onClose) {
        CancellableConnection canceller = new CancellableConnection(connection, onClose);
        Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, canceller);
        return new Handle(proxy, canceller);
    }

    /** Cancels every statement of the connection that is running, and refuses new ones. */
    public void cancelAll() {
        cancelled = true;
        for (Statement s : statements) {
            try {
                if (!s.isClosed()) {
                    s.cancel();
                }
            } catch (SQLException e) {
                // closed meanwhile: nothing runs on it
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("close")) {
            try {
                return call(method, args);
            } finally {
                statements.clear();
                onClose.run();
            }
        }
        boolean makesStatement = name.equals("createStatement") || name.equals("prepareStatement")
                || name.equals("prepareCall");
        if (makesStatement && cancelled) {
            throw new SQLException("the run is stopping: no new statement");
        }
        Object result = call(method, args);
        if (makesStatement) {
            statements.removeIf(CancellableConnection::closed);
            statements.add((Statement) result);
        }
        return result;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean closed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
