package dev.steward.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/** Runs work in a transaction of the module's own, for operations no caller transaction covers. */
final class Transactions {

    private Transactions() {
    }

    static <T> T inTransaction(DataSource dataSource, String what, Function<Connection, T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new KeyStoreFailure(what + " failed", e);
        }
    }
}
