package dev.steward.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out PostgreSQL connections that give each transaction the current {@link TenantScope} as
 * {@code SET LOCAL steward.tenant_id} and {@code steward.scope}, which the row-level security policies
 * read.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The scope is set at the start of every transaction on the connection, whoever starts it (Spring's
 * transaction manager, the {@code ledger} and {@code keys} modules' own JDBC transactions), and only
 * there: never later in a transaction, so never inside a savepoint. {@code SET LOCAL} ends with the
 * transaction, so nothing of one tenant stays on a pooled connection.</li>
 * <li>The database never holds a scope outside a transaction: a statement in auto-commit mode under a
 * scope runs in a transaction this data source opens for it (scope first, committed when the caller would
 * have seen it committed); a statement with no scope runs on its own and sees no tenant row.</li>
 * <li>A statement on a transaction whose scope is not the thread's current scope fails: the scope of a
 * transaction never changes once it began (on Citus, a scope changed in a released savepoint leaked
 * into worker connections).</li>
 * </ul>
 * {@code SET LOCAL} (rather than {@code set_config}) is what Citus passes on to the worker connections of
 * the transaction when the role has {@code citus.propagate_set_commands = 'local'}.
 */
final class ScopedDataSource extends DelegatingDataSource {

    ScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        return (Connection) Proxy.newProxyInstance(ScopedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TransactionScoping(connection));
    }

    /** The statements that set a scope for the transaction: the UUID is a validated value, never text from outside. */
    static String setLocal(DataScope scope) {
        String tenant = scope == null ? "" : scope.tenantId().toString();
        String kind = scope != null && scope.providerWide() ? "provider" : "tenant";
        return "SET LOCAL steward.tenant_id = '" + tenant + "'; SET LOCAL steward.scope = '" + kind + "'";
    }

    /**
     * Tracks the transactions of one checked-out connection. Explicit transactions (auto-commit off) get the
     * scope at their start. A statement made in auto-commit mode under a scope runs in an implicit transaction
     * that this class opens with the scope and commits when the caller would have seen the work committed:
     * at close, at the next change of scope, or when the caller turns auto-commit off or on; to the caller the
     * connection still reports auto-commit.
     */
    private static final class TransactionScoping implements InvocationHandler {

        private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall",
                "setSavepoint");

        private enum State { AUTO_COMMIT, IMPLICIT, EXPLICIT_UNSCOPED, EXPLICIT }

        private final Connection target;
        private State state;
        private DataScope scope;

        TransactionScoping(Connection target) throws SQLException {
            this.target = target;
            this.state = target.getAutoCommit() ? State.AUTO_COMMIT : State.EXPLICIT_UNSCOPED;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "getAutoCommit" -> {
                    return state == State.AUTO_COMMIT || state == State.IMPLICIT;
                }
                case "setAutoCommit" -> {
                    setAutoCommit((Boolean) args[0]);
                    return null;
                }
                case "commit", "rollback" -> {
                    if (state == State.AUTO_COMMIT || state == State.IMPLICIT) {
                        // What the caller ran is committed already as far as it knows.
                        endImplicit();
                        return null;
                    }
                    Object result = invokeTarget(method, args);
                    if (args == null || args.length == 0) {
                        state = State.EXPLICIT_UNSCOPED;
                        scope = null;
                    }
                    return result;
                }
                case "close" -> {
                    if (state == State.IMPLICIT) {
                        endImplicit();
                    }
                    return invokeTarget(method, args);
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : invokeTarget(method, args);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) invokeTarget(method, args);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "scoped " + target;
                }
                default -> {
                    if (STATEMENTS.contains(name)) {
                        beforeStatement();
                    }
                    return invokeTarget(method, args);
                }
            }
        }

        private void setAutoCommit(boolean auto) throws SQLException {
            boolean wasAuto = state == State.AUTO_COMMIT || state == State.IMPLICIT;
            if (state == State.IMPLICIT) {
                endImplicit();
            }
            if (auto == wasAuto) {
                return;
            }
            target.setAutoCommit(auto);
            if (auto) {
                state = State.AUTO_COMMIT;
                scope = null;
            } else {
                // Set at once, so the transaction carries the scope of the code that began it.
                begin(State.EXPLICIT);
            }
        }

        private void beforeStatement() throws SQLException {
            DataScope current = TenantScope.current().orElse(null);
            switch (state) {
                case EXPLICIT_UNSCOPED -> begin(State.EXPLICIT);
                case EXPLICIT -> {
                    if (!Objects.equals(scope, current)) {
                        throw new ScopeChangedInTransaction(scope, current);
                    }
                }
                case IMPLICIT -> {
                    if (!Objects.equals(scope, current)) {
                        endImplicit();
                        beginImplicit(current);
                    }
                }
                case AUTO_COMMIT -> beginImplicit(current);
            }
        }

        private void beginImplicit(DataScope current) throws SQLException {
            if (current == null) {
                return; // no scope: the statement runs on its own and sees no tenant row
            }
            target.setAutoCommit(false);
            begin(State.IMPLICIT);
        }

        private void endImplicit() throws SQLException {
            try {
                target.commit();
            } finally {
                target.setAutoCommit(true);
                state = State.AUTO_COMMIT;
                scope = null;
            }
        }

        private void begin(State next) throws SQLException {
            DataScope current = TenantScope.current().orElse(null);
            try (Statement statement = target.createStatement()) {
                statement.execute(setLocal(current));
            }
            state = next;
            scope = current;
        }

        private Object invokeTarget(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
