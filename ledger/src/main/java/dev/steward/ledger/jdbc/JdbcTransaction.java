package dev.steward.ledger.jdbc;

import dev.steward.ledger.LedgerStorageFailure;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogQueries;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** One JDBC transaction of {@link JdbcLogStorage}; explicit SQL, portable between H2 and PostgreSQL. */
final class JdbcTransaction implements StorageTransaction {

    private static final int ROWS_PER_INSERT = 256;
    private static final int COPY_THRESHOLD = 64;
    private static final int IDS_PER_QUERY = 500;
    /** Whether the optional PostgreSQL driver is present; {@link PgCopy} must not be loaded otherwise. */
    private static final boolean PG_DRIVER = present("org.postgresql.PGConnection");

    private final Connection conn;

    JdbcTransaction(Connection conn) {
        this.conn = conn;
    }

    // Every statement about one log names its tenant first (the leading key column), so a database
    // distributed on tenant_id routes it to the one shard holding that tenant; joins match tenant_id
    // too, so they stay on that shard.

    @Override
    public List<LogId> logsWithWork(int limit) {
        List<LogId> out = new ArrayList<>();
        query("SELECT DISTINCT tenant_id, log_id FROM ledger_pending", ps -> { }, rs -> out.add(logId(rs, 1)));
        query("SELECT l.tenant_id, l.log_id FROM ledger_log l JOIN ledger_tree t"
                + " ON t.tenant_id = l.tenant_id AND t.log_id = l.log_id WHERE l.sequenced > t.tree_size", ps -> { },
                rs -> {
                    LogId id = logId(rs, 1);
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                });
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public boolean exists(LogId log) {
        boolean[] found = {false};
        query("SELECT 1 FROM ledger_log WHERE tenant_id = ? AND log_id = ?", ps -> bindLog(ps, 1, log),
                rs -> found[0] = true);
        return found[0];
    }

    @Override
    public long lockSequence(LogId log, Instant now) {
        long[] seq = {-1};
        query("SELECT sequenced FROM ledger_log WHERE tenant_id = ? AND log_id = ? FOR UPDATE", ps -> bindLog(ps, 1, log),
                rs -> seq[0] = rs.getLong(1));
        if (seq[0] >= 0) {
            return seq[0];
        }
        // A concurrent creator makes one of these inserts fail with 23505; the storage retries the transaction.
        update("INSERT INTO ledger_log (tenant_id, log_id, sequenced, created_at, updated_at) VALUES (?, ?, 0, ?, ?)", ps -> {
            bindLog(ps, 1, log);
            ps.setObject(3, utc(now));
            ps.setObject(4, utc(now));
        });
        update("INSERT INTO ledger_tree (tenant_id, log_id, tree_size, updated_at) VALUES (?, ?, 0, ?)", ps -> {
            bindLog(ps, 1, log);
            ps.setObject(3, utc(now));
        });
        return 0;
    }

    @Override
    public void updateSequence(LogId log, long sequenced, Instant now) {
        update("UPDATE ledger_log SET sequenced = ?, updated_at = ? WHERE tenant_id = ? AND log_id = ?", ps -> {
            ps.setLong(1, sequenced);
            ps.setObject(2, utc(now));
            bindLog(ps, 3, log);
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
        // The subquery names the log by its own literals rather than by correlation with t: a
        // distributed planner then sees both tables pinned to one tenant and runs the locking read on one shard.
        query("SELECT (SELECT l.sequenced FROM ledger_log l WHERE l.tenant_id = ? AND l.log_id = ?), t.tree_size,"
                + " t.root_hash, t.checkpoint FROM ledger_tree t WHERE t.tenant_id = ? AND t.log_id = ?" + lock, ps -> {
                    bindLog(ps, 1, log);
                    bindLog(ps, 3, log);
                }, rs -> out.add(new LogState(log, rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4))));
        return out.stream().findFirst();
    }

    @Override
    public List<LogState> trees() {
        List<LogState> out = new ArrayList<>();
        query("SELECT t.tenant_id, t.log_id, l.sequenced, t.tree_size, t.root_hash, t.checkpoint FROM ledger_tree t"
                + " JOIN ledger_log l ON l.tenant_id = t.tenant_id AND l.log_id = t.log_id ORDER BY t.tenant_id, t.log_id",
                ps -> { }, rs -> out.add(new LogState(logId(rs, 1), rs.getLong(3), rs.getLong(4), rs.getBytes(5),
                        rs.getBytes(6))));
        return out;
    }

    @Override
    public void updateTree(LogId log, long treeSize, byte[] rootHash, byte[] checkpoint, Instant now) {
        update("UPDATE ledger_tree SET tree_size = ?, root_hash = ?, checkpoint = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND log_id = ?", ps -> {
                    ps.setLong(1, treeSize);
                    ps.setBytes(2, rootHash);
                    ps.setBytes(3, checkpoint);
                    ps.setObject(4, utc(now));
                    bindLog(ps, 5, log);
                });
    }

    @Override
    public long addPending(LogId log, byte[] entry, Instant now) {
        try (PreparedStatement ps = conn.prepareStatement(JdbcLogStorage.INSERT_PENDING, new String[] {"pending_id"})) {
            bindLog(ps, 1, log);
            ps.setBytes(3, entry);
            ps.setObject(4, utc(now));
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
        query("SELECT pending_id, entry FROM ledger_pending WHERE tenant_id = ? AND log_id = ? ORDER BY pending_id"
                + " FETCH FIRST " + limit + " ROWS ONLY", ps -> bindLog(ps, 1, log),
                rs -> out.add(new Pending(rs.getLong(1), rs.getBytes(2))));
        return out;
    }

    @Override
    public void deletePending(LogId log, List<Long> pendingIds) {
        batch("DELETE FROM ledger_pending WHERE tenant_id = ? AND pending_id = ?", pendingIds.size(), (ps, i) -> {
            ps.setObject(1, log.tenant());
            ps.setLong(2, pendingIds.get(i));
        });
    }

    @Override
    public void insertSequenced(LogId log, long first, List<byte[]> entries, List<Long> pendingIds, Instant now) {
        if (!copied(log, first, entries)) {
            multiRowInsert("INSERT INTO ledger_entry (tenant_id, log_id, seq, entry) VALUES ", "(?, ?, ?, ?)",
                    entries.size(), (ps, p, i) -> {
                        bindLog(ps, p, log);
                        ps.setLong(p + 2, first + i);
                        ps.setBytes(p + 3, entries.get(i));
                        return 4;
                    });
        }
        if (pendingIds != null) {
            multiRowInsert("INSERT INTO ledger_pending_index (tenant_id, pending_id, log_id, seq) VALUES ",
                    "(?, ?, ?, ?)", pendingIds.size(), (ps, p, i) -> {
                        ps.setObject(p, log.tenant());
                        ps.setLong(p + 1, pendingIds.get(i));
                        ps.setString(p + 2, log.value());
                        ps.setLong(p + 3, first + i);
                        return 4;
                    });
        }
    }

    /** Binary COPY on PostgreSQL for batches where it pays off; false when it was not used. */
    private boolean copied(LogId log, long first, List<byte[]> entries) {
        if (!PG_DRIVER || entries.size() < COPY_THRESHOLD) {
            return false;
        }
        try {
            return PgCopy.insertEntries(conn, log, first, entries);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<byte[]> sequenced(LogId log, long from, int limit) {
        List<byte[]> out = new ArrayList<>();
        long[] expected = {from};
        query("SELECT seq, entry FROM ledger_entry WHERE tenant_id = ? AND log_id = ? AND seq >= ? AND seq < ?"
                + " ORDER BY seq", ps -> {
                    bindLog(ps, 1, log);
                    ps.setLong(3, from);
                    ps.setLong(4, from + limit);
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
        Long seq = indicesOfPending(log, List.of(pendingId)).get(pendingId);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    @Override
    public Map<Long, Long> indicesOfPending(LogId log, List<Long> pendingIds) {
        Map<Long, Long> out = new HashMap<>();
        inChunks(pendingIds, (chunk, in) -> query("SELECT pending_id, seq FROM ledger_pending_index"
                + " WHERE tenant_id = ? AND log_id = ? AND pending_id IN (" + in + ")", ps -> bindLogAndIds(ps, log, chunk),
                rs -> out.put(rs.getLong(1), rs.getLong(2))));
        return out;
    }

    @Override
    public Map<Long, byte[]> pendingEntries(LogId log, List<Long> pendingIds) {
        Map<Long, byte[]> out = new HashMap<>();
        inChunks(pendingIds, (chunk, in) -> query("SELECT pending_id, entry FROM ledger_pending"
                + " WHERE tenant_id = ? AND log_id = ? AND pending_id IN (" + in + ")", ps -> bindLogAndIds(ps, log, chunk),
                rs -> out.put(rs.getLong(1), rs.getBytes(2))));
        return out;
    }

    @Override
    public Map<Long, LogQueries.QueuedEntry> sequencedOfPending(LogId log, List<Long> pendingIds) {
        Map<Long, LogQueries.QueuedEntry> out = new HashMap<>();
        inChunks(pendingIds, (chunk, in) -> query("SELECT x.pending_id, x.seq, e.entry FROM ledger_pending_index x"
                + " JOIN ledger_entry e ON e.tenant_id = x.tenant_id AND e.log_id = x.log_id AND e.seq = x.seq"
                + " WHERE x.tenant_id = ? AND x.log_id = ? AND x.pending_id IN (" + in + ")",
                ps -> bindLogAndIds(ps, log, chunk),
                rs -> out.put(rs.getLong(1), new LogQueries.QueuedEntry(rs.getBytes(3), rs.getLong(2)))));
        return out;
    }

    @Override
    public byte[] tile(LogId log, int level, long index) {
        byte[][] out = {null};
        query("SELECT hashes FROM ledger_tile WHERE tenant_id = ? AND log_id = ? AND tile_level = ? AND tile_index = ?",
                ps -> {
                    bindLog(ps, 1, log);
                    ps.setInt(3, level);
                    ps.setLong(4, index);
                }, rs -> out[0] = rs.getBytes(1));
        return out[0];
    }

    @Override
    public void putTile(LogId log, int level, long index, byte[] hashes) {
        int n = update("UPDATE ledger_tile SET hashes = ? WHERE tenant_id = ? AND log_id = ? AND tile_level = ?"
                + " AND tile_index = ?", ps -> {
                    ps.setBytes(1, hashes);
                    bindLog(ps, 2, log);
                    ps.setInt(4, level);
                    ps.setLong(5, index);
                });
        if (n == 0) {
            update("INSERT INTO ledger_tile (tenant_id, log_id, tile_level, tile_index, hashes) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        bindLog(ps, 1, log);
                        ps.setInt(3, level);
                        ps.setLong(4, index);
                        ps.setBytes(5, hashes);
                    });
        }
    }

    @Override
    public void addCheckpoint(LogId log, long treeSize, byte[] signedNote, Instant now) {
        update("INSERT INTO ledger_checkpoint (tenant_id, log_id, tree_size, signed_note, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", ps -> {
                    bindLog(ps, 1, log);
                    ps.setLong(3, treeSize);
                    ps.setBytes(4, signedNote);
                    ps.setObject(5, utc(now));
                });
    }

    @Override
    public Optional<byte[]> checkpoint(LogId log, long treeSize) {
        byte[][] out = {null};
        query("SELECT signed_note FROM ledger_checkpoint WHERE tenant_id = ? AND log_id = ? AND tree_size = ?", ps -> {
            bindLog(ps, 1, log);
            ps.setLong(3, treeSize);
        }, rs -> out[0] = rs.getBytes(1));
        return Optional.ofNullable(out[0]);
    }

    /** Binds the log's key, tenant then name, at parameters {@code p} and {@code p + 1}. */
    static void bindLog(PreparedStatement ps, int p, LogId log) throws SQLException {
        ps.setObject(p, log.tenant());
        ps.setString(p + 1, log.value());
    }

    private static LogId logId(ResultSet rs, int column) throws SQLException {
        return new LogId(rs.getObject(column, UUID.class), rs.getString(column + 1));
    }

    private static void bindLogAndIds(PreparedStatement ps, LogId log, List<Long> ids) throws SQLException {
        bindLog(ps, 1, log);
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(3 + i, ids.get(i));
        }
    }

    private interface ChunkQuery {
        void run(List<Long> chunk, String placeholders);
    }

    /** Runs {@code query} over {@code ids} a bounded number at a time, keeping each statement's parameter list short. */
    private static void inChunks(List<Long> ids, ChunkQuery query) {
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            query.run(chunk, String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")));
        }
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
