package dev.steward.ledger.jdbc;

import dev.steward.ledger.LedgerStorageFailure;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogState;
import dev.steward.ledger.StorageTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One JDBC transaction of {@link JdbcLogStorage}; explicit SQL, portable between H2 and PostgreSQL. */
final class JdbcTransaction implements StorageTransaction {

    private static final int ROWS_PER_INSERT = 256;
    private static final int COPY_THRESHOLD = 64;
    /** Whether the optional PostgreSQL driver is present; {@link PgCopy} must not be loaded otherwise. */
    private static final boolean PG_DRIVER = present("org.postgresql.PGConnection");

    private final Connection conn;

    JdbcTransaction(Connection conn) {
        this.conn = conn;
    }

    @Override
    public List<LogId> logsWithWork(int limit) {
        List<LogId> out = new ArrayList<>();
        query("SELECT DISTINCT log_id FROM ledger_pending", ps -> { }, rs -> out.add(new LogId(rs.getString(1))));
        query("SELECT l.log_id FROM ledger_log l JOIN ledger_tree t ON t.log_id = l.log_id"
                + " WHERE l.sequenced > t.tree_size", ps -> { }, rs -> {
                    LogId id = new LogId(rs.getString(1));
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                });
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public boolean exists(LogId log) {
        boolean[] found = {false};
        query("SELECT 1 FROM ledger_log WHERE log_id = ?", ps -> ps.setString(1, log.value()), rs -> found[0] = true);
        return found[0];
    }

    @Override
    public long lockSequence(LogId log, Instant now) {
        long[] seq = {-1};
        query("SELECT sequenced FROM ledger_log WHERE log_id = ? FOR UPDATE", ps -> ps.setString(1, log.value()),
                rs -> seq[0] = rs.getLong(1));
        if (seq[0] >= 0) {
            return seq[0];
        }
        // A concurrent creator makes one of these inserts fail with 23505; the storage retries the transaction.
        update("INSERT INTO ledger_log (log_id, sequenced, created_at, updated_at) VALUES (?, 0, ?, ?)", ps -> {
            ps.setString(1, log.value());
            ps.setObject(2, utc(now));
            ps.setObject(3, utc(now));
        });
        update("INSERT INTO ledger_tree (log_id, tree_size, updated_at) VALUES (?, 0, ?)", ps -> {
            ps.setString(1, log.value());
            ps.setObject(2, utc(now));
        });
        return 0;
    }

    @Override
    public void updateSequence(LogId log, long sequenced, Instant now) {
        update("UPDATE ledger_log SET sequenced = ?, updated_at = ? WHERE log_id = ?", ps -> {
            ps.setLong(1, sequenced);
            ps.setObject(2, utc(now));
            ps.setString(3, log.value());
        });
    }

    @Override
    public Optional<LogState> lockTree(LogId log) {
        return tree(log, " FOR UPDATE");
    }

    @Override
    public Optional<LogState> readTree(LogId log) {
        return tree(log, "");
    }

    private Optional<LogState> tree(LogId log, String lock) {
        List<LogState> out = new ArrayList<>();
        query("SELECT (SELECT l.sequenced FROM ledger_log l WHERE l.log_id = t.log_id), t.tree_size, t.root_hash,"
                + " t.checkpoint FROM ledger_tree t WHERE t.log_id = ?" + lock, ps -> ps.setString(1, log.value()),
                rs -> out.add(new LogState(log, rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4))));
        return out.stream().findFirst();
    }

    @Override
    public void updateTree(LogId log, long treeSize, byte[] rootHash, byte[] checkpoint, Instant now) {
        update("UPDATE ledger_tree SET tree_size = ?, root_hash = ?, checkpoint = ?, updated_at = ? WHERE log_id = ?",
                ps -> {
                    ps.setLong(1, treeSize);
                    ps.setBytes(2, rootHash);
                    ps.setBytes(3, checkpoint);
                    ps.setObject(4, utc(now));
                    ps.setString(5, log.value());
                });
    }

    @Override
    public long addPending(LogId log, byte[] entry, Instant now) {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO ledger_pending (log_id, entry, created_at) VALUES (?, ?, ?)", new String[] {"pending_id"})) {
            ps.setString(1, log.value());
            ps.setBytes(2, entry);
            ps.setObject(3, utc(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<Pending> pending(LogId log, int limit) {
        List<Pending> out = new ArrayList<>();
        query("SELECT pending_id, entry FROM ledger_pending WHERE log_id = ? ORDER BY pending_id FETCH FIRST "
                + limit + " ROWS ONLY", ps -> ps.setString(1, log.value()),
                rs -> out.add(new Pending(rs.getLong(1), rs.getBytes(2))));
        return out;
    }

    @Override
    public void deletePending(List<Long> pendingIds) {
        batch("DELETE FROM ledger_pending WHERE pending_id = ?", pendingIds.size(), (ps, i) -> ps.setLong(1, pendingIds.get(i)));
    }

    @Override
    public void insertSequenced(LogId log, long first, List<byte[]> entries, List<Long> pendingIds, Instant now) {
        if (!copied(log, first, entries)) {
            multiRowInsert("INSERT INTO ledger_entry (log_id, seq, entry) VALUES ", "(?, ?, ?)",
                    entries.size(), (ps, p, i) -> {
                        ps.setString(p, log.value());
                        ps.setLong(p + 1, first + i);
                        ps.setBytes(p + 2, entries.get(i));
                        return 3;
                    });
        }
        if (pendingIds != null) {
            multiRowInsert("INSERT INTO ledger_pending_index (pending_id, log_id, seq) VALUES ", "(?, ?, ?)",
                    pendingIds.size(), (ps, p, i) -> {
                        ps.setLong(p, pendingIds.get(i));
                        ps.setString(p + 1, log.value());
                        ps.setLong(p + 2, first + i);
                        return 3;
                    });
        }
    }

    /** Binary COPY on PostgreSQL for batches where it pays off; false when it was not used. */
    private boolean copied(LogId log, long first, List<byte[]> entries) {
        if (!PG_DRIVER || entries.size() < COPY_THRESHOLD) {
            return false;
        }
        try {
            return PgCopy.insertEntries(conn, log.value(), first, entries);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<byte[]> sequenced(LogId log, long from, int limit) {
        List<byte[]> out = new ArrayList<>();
        long[] expected = {from};
        query("SELECT seq, entry FROM ledger_entry WHERE log_id = ? AND seq >= ? AND seq < ? ORDER BY seq",
                ps -> {
                    ps.setString(1, log.value());
                    ps.setLong(2, from);
                    ps.setLong(3, from + limit);
                }, rs -> {
                    if (rs.getLong(1) != expected[0]++) {
                        throw new LedgerStorageFailure("sequenced entries of " + log + " have a gap at " + (expected[0] - 1));
                    }
                    out.add(rs.getBytes(2));
                });
        return out;
    }

    @Override
    public OptionalLong indexOfPending(LogId log, long pendingId) {
        long[] seq = {-1};
        query("SELECT seq FROM ledger_pending_index WHERE pending_id = ? AND log_id = ?", ps -> {
            ps.setLong(1, pendingId);
            ps.setString(2, log.value());
        }, rs -> seq[0] = rs.getLong(1));
        return seq[0] < 0 ? OptionalLong.empty() : OptionalLong.of(seq[0]);
    }

    @Override
    public byte[] tile(LogId log, int level, long index) {
        byte[][] out = {null};
        query("SELECT hashes FROM ledger_tile WHERE log_id = ? AND tile_level = ? AND tile_index = ?", ps -> {
            ps.setString(1, log.value());
            ps.setInt(2, level);
            ps.setLong(3, index);
        }, rs -> out[0] = rs.getBytes(1));
        return out[0];
    }

    @Override
    public void putTile(LogId log, int level, long index, byte[] hashes) {
        int n = update("UPDATE ledger_tile SET hashes = ? WHERE log_id = ? AND tile_level = ? AND tile_index = ?", ps -> {
            ps.setBytes(1, hashes);
            ps.setString(2, log.value());
            ps.setInt(3, level);
            ps.setLong(4, index);
        });
        if (n == 0) {
            update("INSERT INTO ledger_tile (log_id, tile_level, tile_index, hashes) VALUES (?, ?, ?, ?)", ps -> {
                ps.setString(1, log.value());
                ps.setInt(2, level);
                ps.setLong(3, index);
                ps.setBytes(4, hashes);
            });
        }
    }

    @Override
    public void addCheckpoint(LogId log, long treeSize, byte[] signedNote, Instant now) {
        update("INSERT INTO ledger_checkpoint (log_id, tree_size, signed_note, created_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, log.value());
            ps.setLong(2, treeSize);
            ps.setBytes(3, signedNote);
            ps.setObject(4, utc(now));
        });
    }

    @Override
    public Optional<byte[]> checkpoint(LogId log, long treeSize) {
        byte[][] out = {null};
        query("SELECT signed_note FROM ledger_checkpoint WHERE log_id = ? AND tree_size = ?", ps -> {
            ps.setString(1, log.value());
            ps.setLong(2, treeSize);
        }, rs -> out[0] = rs.getBytes(1));
        return Optional.ofNullable(out[0]);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JdbcTransaction.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static OffsetDateTime utc(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private interface IndexedBinder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private interface RowBinder {
        /** Binds row {@code i} starting at parameter {@code p}; returns the number of parameters bound. */
        int bind(PreparedStatement ps, int p, int i) throws SQLException;
    }

    private void query(String sql, Binder binder, RowHandler handler) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void batch(String sql, int count, IndexedBinder binder) {
        if (count == 0) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(ps, i);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Inserts {@code count} rows with multi-row VALUES lists, sending the full chunks as one JDBC batch. */
    private void multiRowInsert(String head, String tuple, int count, RowBinder binder) {
        int full = count / ROWS_PER_INSERT;
        int rest = count % ROWS_PER_INSERT;
        try {
            if (full > 0) {
                try (PreparedStatement ps = conn.prepareStatement(head + values(tuple, ROWS_PER_INSERT))) {
                    for (int c = 0; c < full; c++) {
                        int p = 1;
                        for (int r = 0; r < ROWS_PER_INSERT; r++) {
                            p += binder.bind(ps, p, c * ROWS_PER_INSERT + r);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (rest > 0) {
                try (PreparedStatement ps = conn.prepareStatement(head + values(tuple, rest))) {
                    int p = 1;
                    for (int r = 0; r < rest; r++) {
                        p += binder.bind(ps, p, full * ROWS_PER_INSERT + r);
                    }
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String values(String tuple, int n) {
        return String.join(", ", java.util.Collections.nCopies(n, tuple));
    }

    private static LedgerStorageFailure failure(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        if (e instanceof java.sql.BatchUpdateException && e.getCause() instanceof SQLException c) {
            cause = c;
        }
        return new LedgerStorageFailure("ledger SQL failed: " + cause.getMessage(), cause);
    }
}
