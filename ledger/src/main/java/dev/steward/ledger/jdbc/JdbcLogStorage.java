package dev.steward.ledger.jdbc;

import dev.steward.ledger.EntryInvalid;
import dev.steward.ledger.EntryTooLarge;
import dev.steward.ledger.LedgerException;
import dev.steward.ledger.LedgerStorageFailure;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogStorage;
import dev.steward.ledger.PendingEntry;
import dev.steward.ledger.tiles.EntryBundle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * JDBC storage of the ledger on H2 2.x or PostgreSQL 15+, using the tables of
 * {@code db/ledger} (V100, V280) and {@code db/ledger-vendor/{h2,postgresql}} (V281). Each {@link #inTransaction} takes its own connection from the
 * data source and commits or rolls back; it retries up to three times on a unique-key race or a
 * deadlock (SQLSTATE 23505, 40001, 40P01).
 */
public final class JdbcLogStorage implements LogStorage {

    private static final int ATTEMPTS = 3;
    static final String INSERT_PENDING = "INSERT INTO ledger_pending (tenant_id, log_id, entry, created_at) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcLogStorage(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Queues {@code entry} for {@code log} using the caller's connection and transaction: it is
     * sequenced only if the caller commits; a rollback leaves no trace. Never commits, rolls back or
     * closes {@code conn}. The log is created when its first entry is sequenced.
     *
     * @throws EntryTooLarge if the entry exceeds 65,535 bytes (nothing is written)
     * @throws LedgerStorageFailure if the insert fails
     */
    public PendingEntry appendInTransaction(Connection conn, LogId log, byte[] entry) {
        return appendAllInTransaction(conn, log, List.of(entry)).get(0);
    }

    /**
     * {@link #appendInTransaction} for many entries of one log as one JDBC batch; the pending
     * entries are returned in the order of {@code entries}. Every entry is checked before the
     * connection is touched.
     */
    public List<PendingEntry> appendAllInTransaction(Connection conn, LogId log, List<byte[]> entries) {
        entries.forEach(JdbcLogStorage::checkEntry);
        Objects.requireNonNull(log, "log");
        if (entries.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (PreparedStatement ps = conn.prepareStatement(INSERT_PENDING, new String[] {"pending_id"})) {
            for (byte[] entry : entries) {
                JdbcTransaction.bindLog(ps, 1, log);
                ps.setBytes(3, entry);
                ps.setObject(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
            List<PendingEntry> pending = new ArrayList<>(entries.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    pending.add(new PendingEntry(log, keys.getLong(1)));
                }
            }
            if (pending.size() != entries.size()) {
                throw new LedgerStorageFailure(pending.size() + " pending ids generated for " + entries.size()
                        + " entries");
            }
            return pending;
        } catch (SQLException e) {
            throw new LedgerStorageFailure("could not queue ledger entries: " + e.getMessage(), e);
        }
    }

    /** @throws EntryInvalid if null, @throws EntryTooLarge if above 65,535 bytes */
    public static void checkEntry(byte[] entry) {
        if (entry == null) {
            throw new EntryInvalid("entry is missing");
        }
        if (entry.length > EntryBundle.MAX_ENTRY_SIZE) {
            throw new EntryTooLarge("entry of " + entry.length + " bytes exceeds the limit of "
                    + EntryBundle.MAX_ENTRY_SIZE + " bytes");
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection conn = dataSource.getConnection()) {
                boolean auto = conn.getAutoCommit();
                conn.setAutoCommit(false);
                try {
                    T result = work.run(new JdbcTransaction(conn));
                    conn.commit();
                    return result;
                } catch (Throwable t) {
                    rollbackQuietly(conn, t);
                    throw t;
                } finally {
                    conn.setAutoCommit(auto);
                }
            } catch (LedgerException e) {
                if (e.getCause() instanceof SQLException sql && retryable(sql)) {
                    last = sql;
                    continue;
                }
                throw e;
            } catch (SQLException e) {
                if (retryable(e)) {
                    last = e;
                    continue;
                }
                throw new LedgerStorageFailure("ledger storage failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new LedgerStorageFailure("ledger storage failed: " + e.getMessage(), e);
            }
        }
        throw new LedgerStorageFailure("ledger storage conflict persisted: " + last.getMessage(), last);
    }

    /** Runs the work in auto-commit mode: each statement is its own transaction, and nothing is left to commit. */
    @Override
    public <T> T readOnce(Work<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            boolean auto = conn.getAutoCommit();
            conn.setAutoCommit(true);
            try {
                return work.run(new JdbcTransaction(conn));
            } finally {
                conn.setAutoCommit(auto);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerStorageFailure("ledger storage failed: " + e.getMessage(), e);
        }
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    private static void rollbackQuietly(Connection conn, Throwable cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The shipped migrations in the order Flyway runs them; {@code {vendor}} is {@code h2} or {@code postgresql}. */
    private static final List<String> MIGRATIONS = List.of("/db/ledger/V100__ledger.sql",
            "/db/ledger/V280__ledger_by_tenant.sql", "/db/ledger-vendor/{vendor}/V281__ledger_pending_by_tenant.sql");

    /** Creates the ledger tables by running the shipped migrations (for tests and tools without Flyway). */
    public static void createTables(DataSource dataSource) {
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            String vendor = conn.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres") ? "postgresql" : "h2";
            for (String migration : MIGRATIONS) {
                for (String stmt : statements(migration.replace("{vendor}", vendor))) {
                    st.execute(stmt);
                }
            }
            if (!conn.getAutoCommit()) {
                conn.commit();
            }
        } catch (Exception e) {
            throw new LedgerStorageFailure("could not create ledger tables: " + e.getMessage(), e);
        }
    }

    private static List<String> statements(String resource) throws java.io.IOException {
        try (var in = JdbcLogStorage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(resource);
            }
            StringBuilder clean = new StringBuilder();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    clean.append(line).append('\n');
                }
            }
            // Statements end at a semicolon outside a dollar-quoted body (a PostgreSQL DO block has its own).
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean dollarQuoted = false;
            String text = clean.toString();
            for (int i = 0; i < text.length(); i++) {
                if (text.startsWith("$$", i)) {
                    dollarQuoted = !dollarQuoted;
                    current.append("$$");
                    i++;
                } else if (text.charAt(i) == ';' && !dollarQuoted) {
                    statements.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(text.charAt(i));
                }
            }
            statements.add(current.toString());
            return statements.stream().filter(s -> !s.isBlank()).toList();
        }
    }
}
