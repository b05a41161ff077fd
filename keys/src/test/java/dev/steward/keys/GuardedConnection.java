package dev.steward.keys;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A caller's transactional connection as the server hands it over: the module must not commit,
 * roll back, close it or change its auto-commit mode. Counts the statements prepared on it.
 */
final class GuardedConnection {

    private static final Set<String> FORBIDDEN = Set.of("commit", "rollback", "close", "setAutoCommit",
            "setTransactionIsolation", "abort");

    final Connection connection;
    final AtomicInteger statements = new AtomicInteger();

    GuardedConnection(Connection target) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (FORBIDDEN.contains(method.getName())) {
                        throw new AssertionError("the keys module called " + method.getName()
                                + " on the caller's connection");
                    }
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
