package dev.steward.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The connection pool of the benchmarks: HikariCP, the server's pool, also the ledger tests' (their
 * {@code TestDatabases}), so one pool implementation serves all three. Like the server's, it hands
 * out a fresh proxy per checkout, which the keys module's data-key cache relies on to tell
 * checkouts apart; closing a proxy rolls back what it left open and returns the connection.
 */
public final class BenchPool {

    /** More than any benchmark keeps checked out at once: a pool that ran dry would measure waiting. */
    private static final int MAX_CONNECTIONS = 32;

    private BenchPool() {
    }

    public static HikariDataSource of(DataSource target) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setPoolName("bench");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        // connections on demand only: a benchmark's database is dropped with FORCE, idle ones need not wait for it
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }
}
