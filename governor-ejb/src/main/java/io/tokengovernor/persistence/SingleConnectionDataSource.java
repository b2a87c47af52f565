package io.tokengovernor.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out one borrowed connection again and again, ignoring {@code close()}. Flyway opens
 * more than one connection while migrating, but the server's SQLite pool has exactly one; this
 * lets Flyway run on that one. The owner closes the real connection when migration is done.
 */
final class SingleConnectionDataSource implements DataSource {

    private final Connection connection;
    private final Connection unclosable;

    SingleConnectionDataSource(Connection connection) {
        this.connection = connection;
        InvocationHandler ignoreClose = (proxy, method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, ignoreClose);
    }

    @Override
    public Connection getConnection() {
        return unclosable;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return unclosable;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging of its own
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connection is already open
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return connection.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
        return type.isInstance(this) || connection.isWrapperFor(type);
    }
}
